// The native reference for `npm run bench:examples` / `bench:native`: the SAME timed loop as
// the browser's engine worker (src/engine/benchmark.ts), on onnxruntime-node's CPU provider,
// with the same inputs (built by the same core functions). Loaded through Vite's module runner.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { InferenceSession } from 'onnxruntime-common';
import { createBenchmarkControl, runBenchmark } from '../src/engine/benchmark';
import type { OrtRuntime } from '../src/engine/ort-runtime';
import { assemblePackage } from '../src/core/package/model-package';
import { summarizeOnnx } from '../src/core/package/onnx-summary';
import { batchDimension } from '../src/core/benchmark/plan';
import { exampleFeeds, randomFeeds } from '../src/core/benchmark/feeds';
import { benchmarkPoint, type BenchmarkPoint } from '../src/core/benchmark/run';
import { exampleToTensors } from '../src/core/schema/input-example';
import { toPayload } from '../src/core/schema/host-tensor';
import type { BackendId, LoadRequest } from '../src/core/protocol/engine-api';
import { ok, fail, engineError, describeThrown } from '../src/core/protocol/engine-error';
import type { StopRule } from '../src/core/protocol/benchmark';

export interface NativeSettings {
  readonly batchSizes: readonly number[];
  readonly warmupRuns: number;
  readonly stop: StopRule;
  readonly inputs: 'example' | 'random';
  /** onnxruntime-node intra-op threads (the WASM figure it is compared with uses the same count). */
  readonly threads: number;
}

export interface NativeResult {
  readonly ortNodeVersion: string;
  readonly sessionCreateMs: number;
  readonly firstRunMs: number;
  readonly points: readonly BenchmarkPoint[];
}

function readFolder(dir: string, prefix = ''): { path: string; bytes: Uint8Array }[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? readFolder(dir, rel) : [{ path: rel, bytes: new Uint8Array(readFileSync(join(dir, rel))) }];
  });
}

export async function nativeBenchmark(packageDir: string, settings: NativeSettings): Promise<NativeResult> {
  const opened = assemblePackage(packageDir.split('/').filter(Boolean).pop() ?? 'model', readFolder(packageDir));
  if (!opened.ok) throw new Error(opened.error.message);
  const pkg = opened.value;
  const inputs = summarizeOnnx(pkg.model.bytes).inputs;
  const batch = batchDimension(inputs);
  let example = null;
  if (settings.inputs === 'example') {
    const made = exampleToTensors(pkg.inputExample, inputs, pkg.metadata?.featureNames);
    if (!made.ok) throw new Error(made.error.message);
    example = made.value;
  }
  const sessions = new Map<string, InferenceSession>();
  const now = () => performance.now();
  // onnxruntime-node's own session options: a fixed thread count, like ort.env.wasm.numThreads in the browser.
  const load = async (request: LoadRequest) => {
    try {
      const started = now();
      const session = await ort.InferenceSession.create(new Uint8Array(request.modelBytes), { executionProviders: ['cpu'], intraOpNumThreads: settings.threads, interOpNumThreads: 1 });
      const sessionCreateMs = now() - started;
      sessions.set(request.sessionId, session as unknown as InferenceSession);
      return ok({ sessionId: request.sessionId, inputs, outputs: [], summary: null, sessionCreateMs });
    } catch (thrown) {
      return fail(engineError('session-failed', describeThrown(thrown), ''));
    }
  };
  const points = settings.batchSizes.map((batchSize) => {
    const feeds = example ? exampleFeeds(example, batch, batchSize) : randomFeeds(inputs, batch, batchSize, {});
    return { batchSize, feeds: Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, toPayload({ ...t, data: t.data.slice() })])) };
  });
  const measured = await runBenchmark(
    { ort: ort as unknown as OrtRuntime, now, load, sessions, runFailure: (thrown) => engineError('run-failed', describeThrown(thrown), '') },
    { runId: 'native', backend: 'cpu' as BackendId, model: { fileName: pkg.model.path, format: pkg.model.format, modelBytes: pkg.model.bytes.slice().buffer }, warmupRuns: settings.warmupRuns, stop: settings.stop, points },
    () => undefined,
    createBenchmarkControl(),
  );
  if (!measured.ok) throw new Error(measured.error.message);
  const m = measured.value;
  return {
    ortNodeVersion: (ort.env.versions as Record<string, string>).node ?? 'unknown',
    sessionCreateMs: m.sessionCreateMs,
    firstRunMs: m.firstRunMs,
    points: m.points.map((p) => benchmarkPoint(p.batchSize, p.warmupRuns, p.samplesMs)),
  };
}
