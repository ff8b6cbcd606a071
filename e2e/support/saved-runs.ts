import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { backendResult, type BenchmarkRun } from '../../src/core/benchmark/run';
import type { BackendId } from '../../src/core/protocol/engine-api';

/** n samples spread evenly over [centre − spread, centre + spread]: a known median, mean and interval. */
export const around = (centre: number, spread: number, n = 30): number[] => Array.from({ length: n }, (_, i) => centre - spread + (2 * spread * i) / (n - 1));

export function exampleSha256(id: string): string {
  return createHash('sha256').update(readFileSync(new URL(`../../public/examples/${id}/model.onnx`, import.meta.url))).digest('hex');
}

/** A benchmark run of a bundled example with samples chosen by the test: the verdict on it is known in advance. */
export function savedRun(id: string, example: string, configs: { backend: BackendId; threads: number; points: Record<number, number[]> }[]): BenchmarkRun {
  const bytes = readFileSync(new URL(`../../public/examples/${example}/model.onnx`, import.meta.url)).length;
  return {
    id,
    createdAt: '2026-03-04T05:06:07.000Z',
    status: 'complete',
    model: { name: example, file: 'model.onnx', bytes, sha256: exampleSha256(example) },
    settings: { batchSizes: [...new Set(configs.flatMap((c) => Object.keys(c.points).map(Number)))], warmupRuns: 1, stop: { kind: 'runs', runs: 30 }, inputs: 'example' },
    environment: {
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      hardwareConcurrency: 2,
      crossOriginIsolated: true,
      ortVersion: '1.30.0',
      wasmSimd: true,
      wasmThreads: true,
      timerResolutionMs: 0.005,
      webgpuAdapter: { vendor: 'google', architecture: 'swiftshader', software: true },
    },
    results: configs.map((c) =>
      backendResult(
        { backend: c.backend, threads: c.threads },
        {
          backend: c.backend,
          runtimeStartMs: 100,
          sessionCreateMs: 10,
          firstRunMs: 2,
          firstRunBatchSize: 1,
          completed: true,
          timerResolutionMs: 0.005,
          wasmSimd: true,
          points: Object.entries(c.points).map(([b, samplesMs]) => ({ batchSize: Number(b), warmupRuns: 1, samplesMs })),
        },
      ),
    ),
    failures: [],
  };
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
