import type { BenchmarkMeasurement, StopRule } from '../protocol/benchmark';
import type { BackendConfig, BackendId, EngineBuild, SessionTuning } from '../protocol/engine-api';
import { sessionConfigRecord, type SessionConfigRecord } from '../protocol/session-options';
import type { EngineError } from '../protocol/engine-error';
import { summarizeLatency, throughputPerSec, type LatencySummary } from '../stats/summary';
import type { InputSource } from './plan';
import type { ConfigProfile } from '../profile/config-profile';

/** One batch size on one configuration: the summary of its raw samples, which are kept. */
export interface BenchmarkPoint extends LatencySummary {
  readonly batchSize: number;
  readonly warmupRuns: number;
  /** Samples per second while running back to back: batch / mean latency. */
  readonly throughputPerSec: number;
  /** p50 latency divided by the batch size: what one row costs inside a batch. */
  readonly perSampleMs: number;
  readonly samplesMs: readonly number[];
  /** Outputs kept on the GPU: the p50 of the runs without the read-back (the samples include it). */
  readonly withoutReadBackP50Ms?: number;
}

export interface BackendResult {
  readonly backend: BackendId;
  readonly threads: number;
  /** Starting the runtime before the session (WASM compile, WebGPU device): see BenchmarkMeasurement. */
  readonly runtimeStartMs: number | null;
  readonly sessionCreateMs: number;
  readonly firstRunMs: number;
  readonly firstRunBatchSize: number;
  readonly points: readonly BenchmarkPoint[];
  /** False when the run was cancelled during this configuration. */
  readonly completed: boolean;
  /** With "Profile each configuration": this configuration taken apart (core/profile). */
  readonly profile?: ConfigProfile;
  /** The session options it ran with (absent in runs saved before they were recorded: onnxruntime's defaults). */
  readonly config?: SessionConfigRecord;
  /** The first values of each output of the first run (core/benchmark/output-agreement compares them). */
  readonly firstRunOutputs?: Readonly<Record<string, readonly number[]>>;
}

export interface BenchmarkFailure {
  readonly backend: BackendId;
  readonly threads: number;
  readonly error: EngineError;
}

export interface WebGpuAdapterInfo {
  readonly vendor: string;
  readonly architecture: string;
  /** SwiftShader and other CPU emulations: not a GPU. */
  readonly software: boolean;
  /** Absent in runs kept before they were recorded. */
  readonly description?: string;
  readonly fallback?: boolean | null;
  readonly features?: readonly string[];
  readonly limits?: Readonly<Record<string, number>>;
}

export interface BenchmarkEnvironment {
  readonly userAgent: string;
  /** Parsed from the user agent (core/benchmark/environment `browserOf`); absent in older runs. */
  readonly browser?: { readonly name: string; readonly version: string };
  /** The onnxruntime build of each backend measured; absent in older runs. */
  readonly builds?: Readonly<Partial<Record<BackendId, EngineBuild>>>;
  readonly hardwareConcurrency: number;
  readonly crossOriginIsolated: boolean;
  readonly ortVersion: string;
  readonly wasmSimd: boolean;
  /** Multi-threaded WASM possible (needs cross-origin isolation and SharedArrayBuffer). */
  readonly wasmThreads: boolean;
  readonly timerResolutionMs: number;
  readonly webgpuAdapter: WebGpuAdapterInfo | null;
}

export interface BenchmarkSettings {
  readonly batchSizes: readonly number[];
  readonly warmupRuns: number;
  readonly stop: StopRule;
  readonly inputs: InputSource;
}

export interface BenchmarkModelIdentity {
  /** The package (or file) name the user opened. */
  readonly name: string;
  /** The model file measured, as named in the package. */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** One benchmark as kept (IndexedDB) and compared: everything needed to redraw it, raw samples included. */
export interface BenchmarkRun {
  readonly id: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly status: 'complete' | 'cancelled';
  readonly model: BenchmarkModelIdentity;
  readonly settings: BenchmarkSettings;
  readonly environment: BenchmarkEnvironment;
  readonly results: readonly BackendResult[];
  readonly failures: readonly BenchmarkFailure[];
}

export function benchmarkPoint(batchSize: number, warmupRuns: number, samplesMs: readonly number[], withoutReadBackMs?: readonly number[]): BenchmarkPoint {
  const summary = summarizeLatency(samplesMs);
  const gpuOnly = withoutReadBackMs && withoutReadBackMs.length > 0 ? { withoutReadBackP50Ms: summarizeLatency(withoutReadBackMs).p50Ms } : {};
  return { ...summary, batchSize, warmupRuns, throughputPerSec: throughputPerSec(batchSize, summary), perSampleMs: summary.p50Ms / batchSize, samplesMs: [...samplesMs], ...gpuOnly };
}

export function backendResult(config: BackendConfig, measurement: BenchmarkMeasurement, tuning?: SessionTuning): BackendResult {
  return {
    config: sessionConfigRecord(config.backend, measurement.appliedTuning ?? tuning),
    ...(measurement.firstRunOutputs ? { firstRunOutputs: measurement.firstRunOutputs } : {}),
    backend: config.backend,
    threads: config.threads,
    runtimeStartMs: measurement.runtimeStartMs,
    sessionCreateMs: measurement.sessionCreateMs,
    firstRunMs: measurement.firstRunMs,
    firstRunBatchSize: measurement.firstRunBatchSize,
    points: measurement.points.filter((p) => p.samplesMs.length > 0).map((p) => benchmarkPoint(p.batchSize, p.warmupRuns, p.samplesMs, p.withoutReadBackMs)),
    completed: measurement.completed,
  };
}

/** "WASM · 2 threads", "WebGPU (google / swiftshader, software)": how every figure is labelled. */
export function configLabel(config: Pick<BackendConfig, 'backend' | 'threads'>, adapter?: Pick<WebGpuAdapterInfo, 'vendor' | 'architecture' | 'software'> | null): string {
  if (config.backend === 'webnn') return 'WebNN';
  if (config.backend === 'webgpu') return adapter ? `WebGPU (${adapter.vendor} / ${adapter.architecture}${adapter.software ? ', software' : ''})` : 'WebGPU';
  return `WASM · ${config.threads} thread${config.threads === 1 ? '' : 's'}`;
}

export function configKey(config: Pick<BackendConfig, 'backend' | 'threads'>): string {
  return config.backend === 'wasm' ? `wasm-${config.threads}` : config.backend;
}

/** The point with the highest throughput: where batching pays off most. */
export function bestPoint(result: BackendResult): BenchmarkPoint | null {
  return result.points.reduce<BenchmarkPoint | null>((best, p) => (best === null || p.throughputPerSec > best.throughputPerSec ? p : best), null);
}
