// The native reference for `npm run bench:examples` / `bench:native`: the playground's own
// engine (createEngine, src/engine) on onnxruntime-node's CPU provider, so that the load,
// the timed loop (src/engine/benchmark.ts) and the inputs (modelInputs, src/core/model) are
// the browser's, line for line. Loaded through Vite's module runner.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import { createEngine } from '../src/engine/create-engine';
import type { OrtRuntime } from '../src/engine/ort-runtime';
import { assemblePackage, type ModelPackage } from '../src/core/package/model-package';
import { modelFacts } from '../src/core/model/model-facts';
import { modelInputs } from '../src/core/model/model-inputs';
import { benchmarkPoint, type BenchmarkPoint } from '../src/core/benchmark/run';
import { toPayload } from '../src/core/schema/host-tensor';
import type { BackendId, EngineApi, LoadRequest } from '../src/core/protocol/engine-api';
import type { Result } from '../src/core/protocol/engine-error';
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

// onnxruntime-node registers 'cpu', not the browser backends that BackendId lists.
const CPU = 'cpu' as BackendId;

function readFolder(dir: string, prefix = ''): { path: string; bytes: Uint8Array }[] {
  return readdirSync(join(dir, prefix)).flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? readFolder(dir, rel) : [{ path: rel, bytes: new Uint8Array(readFileSync(join(dir, rel))) }];
  });
}

function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.message} ${result.error.hint}`.trim());
  return result.value;
}

/** A fresh copy of the model for the engine (its buffer is the engine's to keep). */
const modelOf = (pkg: ModelPackage): Omit<LoadRequest, 'sessionId' | 'backend'> => ({ fileName: pkg.model.path, format: pkg.model.format, modelBytes: pkg.model.bytes.slice().buffer });

export async function nativeBenchmark(packageDir: string, settings: NativeSettings): Promise<NativeResult> {
  const pkg = valueOf(assemblePackage(packageDir.split('/').filter(Boolean).pop() ?? 'model', readFolder(packageDir)));
  // onnxruntime-node's own session options: a fixed thread count, like ort.env.wasm.numThreads in the browser.
  const engine: EngineApi = createEngine(ort as unknown as OrtRuntime, {
    now: () => performance.now(),
    crossOriginIsolated: false,
    sessionOptions: { intraOpNumThreads: settings.threads, interOpNumThreads: 1 },
  });
  // The facts (inputs, batch dimension, example) from the engine's own load, as when the page opens a model.
  const described = valueOf(await engine.load({ ...modelOf(pkg), sessionId: 'facts', backend: CPU }));
  await engine.release('facts');
  const inputs = valueOf(modelInputs({ facts: modelFacts(pkg, described), dims: {} }, settings.inputs, settings.batchSizes));
  const points = inputs.map((set) => ({ batchSize: set.batchSize!, feeds: Object.fromEntries(Object.entries(set.feeds).map(([name, t]) => [name, toPayload(t)])) }));
  const m = valueOf(await engine.benchmark({ runId: 'native', backend: CPU, model: modelOf(pkg), warmupRuns: settings.warmupRuns, stop: settings.stop, points }, () => undefined));
  return {
    ortNodeVersion: (ort.env.versions as Record<string, string>).node ?? 'unknown',
    sessionCreateMs: m.sessionCreateMs,
    firstRunMs: m.firstRunMs,
    points: m.points.map((p) => benchmarkPoint(p.batchSize, p.warmupRuns, p.samplesMs)),
  };
}
