import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { BenchmarkRun } from '../../src/core/benchmark/run';
import { runWithSamples, type SampledConfig } from '../../src/core/benchmark/sample-run.fixture';

export { around } from '../../src/core/benchmark/sample-run.fixture';

/** A benchmark run of a bundled example with samples chosen by the test: the verdict on it is known in advance. */
export function savedRun(id: string, example: string, configs: readonly SampledConfig[]): BenchmarkRun {
  const bytes = readFileSync(new URL(`../../public/examples/${example}/model.onnx`, import.meta.url));
  return runWithSamples(configs, {
    id,
    createdAt: '2026-03-04T05:06:07.000Z',
    model: { name: example, file: 'model.onnx', bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') },
    settings: { batchSizes: [...new Set(configs.flatMap((c) => Object.keys(c.points).map(Number)))], warmupRuns: 1, stop: { kind: 'runs', runs: 30 }, inputs: 'example' },
  });
}

/** Puts runs where the app keeps them (idb-keyval: database "onnx-playground-benchmarks", store "runs", keyed by id). */
export async function storeRuns(page: Page, runs: readonly BenchmarkRun[]): Promise<void> {
  await page.evaluate(async (records) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('onnx-playground-benchmarks');
      request.onupgradeneeded = () => request.result.createObjectStore('runs');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('runs', 'readwrite');
      for (const run of records) tx.objectStore('runs').put(run, run.id);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, JSON.parse(JSON.stringify(runs)) as BenchmarkRun[]);
}
