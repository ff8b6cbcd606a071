import type { BackendId } from '../protocol/engine-api';
import { backendResult, type BenchmarkRun } from './run';

/** A small run whose every figure is known by hand, for tests. */
export function sampleRun(over: Partial<BenchmarkRun> = {}): BenchmarkRun {
  return {
    id: 'r1',
    createdAt: '2026-02-03T04:05:06.000Z',
    status: 'complete',
    model: { name: 'iris | pipeline', file: 'model.onnx', bytes: 1077, sha256: 'a'.repeat(64) },
    settings: { batchSizes: [1, 8], warmupRuns: 2, stop: { kind: 'runs', runs: 4 }, inputs: 'example' },
    environment: {
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/141.0.0.0 Safari/537.36',
      hardwareConcurrency: 2,
      crossOriginIsolated: true,
      ortVersion: '1.30.0',
      wasmSimd: true,
      wasmThreads: true,
      timerResolutionMs: 0.005,
      webgpuAdapter: { vendor: 'google', architecture: 'swiftshader', software: true },
    },
    results: [
      backendResult(
        { backend: 'wasm', threads: 1 },
        { backend: 'wasm', runtimeStartMs: 150, sessionCreateMs: 12.34567, firstRunMs: 1.5, firstRunBatchSize: 1, completed: true, timerResolutionMs: 0.005, wasmSimd: true, points: [
          { batchSize: 1, warmupRuns: 2, samplesMs: [4, 1, 3, 2] },
          { batchSize: 8, warmupRuns: 2, samplesMs: [8, 8, 8, 8] },
        ] },
      ),
    ],
    failures: [{ backend: 'webgpu', threads: 1, error: { code: 'session-failed', message: 'no | adapter', hint: 'try WASM' } }],
    ...over,
  };
}

/** n samples spread evenly over [centre − spread, centre + spread]: a known median, mean and interval. */
export const around = (centre: number, spread: number, n = 30): number[] => Array.from({ length: n }, (_, i) => centre - spread + (2 * spread * i) / (n - 1));

/** One configuration's raw samples, by batch size. */
export interface SampledConfig {
  readonly backend: BackendId;
  readonly threads: number;
  readonly points: Readonly<Record<number, readonly number[]>>;
}

/** The sample run with these configurations measured instead, and no failures: for verdicts known in advance. */
export function runWithSamples(configs: readonly SampledConfig[], over: Partial<BenchmarkRun> = {}): BenchmarkRun {
  return sampleRun({
    failures: [],
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
    ...over,
  });
}
