import type { BenchmarkMeasurement, BenchmarkProgress, BenchmarkRequest } from '../../core/protocol/benchmark';
import type { BackendConfig, EngineEnvironment, LoadRequest, LoadResult } from '../../core/protocol/engine-api';
import type { EngineError, Result } from '../../core/protocol/engine-error';
import type { ProfileMeasurement, ProfileProgress, ProfileRequest } from '../../core/protocol/profile';
import type { HostTensor } from '../../core/schema/host-tensor';

export type LoadOptions = Omit<LoadRequest, 'backend' | 'sessionId'>;

import type { RunOutcome } from '../../core/scoring/score-table';
import type { ScoredBatch, ScoreOutcome, ScoreRequest } from '../../core/scoring/score-request';
import type { ScoredChunk } from '../../core/schema/batch-chunk';

export type { RunOutcome };

/** A table to score in the engine's worker, and what the page does as its chunks arrive. */
export interface ScoreJob {
  readonly request: ScoreRequest;
  /** The rows of a `rows` source (the worker asks for them a batch at a time). */
  readonly rows?: readonly (readonly unknown[])[];
  readonly onChunks: (batch: { readonly chunks: readonly ScoredChunk[]; readonly progress: ScoredBatch['progress'] }) => void;
  /** Read as chunks arrive and every 100 ms: once true, the job is asked to stop. */
  readonly isCancelled: () => boolean;
}

export interface BenchmarkOutcome {
  readonly measurement: BenchmarkMeasurement;
  readonly environment: EngineEnvironment;
}

/**
 * How long a worker that holds no model session stays alive after its last call: long
 * enough to be reused by the next configuration of the same kind (a tuner step, the next
 * model of a comparison), short enough that a tab that benchmarked six configurations does
 * not keep six WebAssembly heaps, which never shrink.
 */
export const IDLE_WORKER_MS = 10_000;

/** An engine worker alive in the page, as the Speed tab's memory figures list it. */
export interface EngineWorkerInfo {
  /** The configuration it runs (`wasm-2`, `webgpu`). */
  readonly key: string;
  /** Models with a session in it. */
  readonly sessions: number;
  /** What it is doing: a call in flight, idle with sessions, or idle and about to be ended. */
  readonly state: 'busy' | 'idle' | 'retiring';
}

/**
 * What the page's actions may ask of the engines: `EngineClient` in the page, a fake in
 * the actions' unit tests. Every method resolves; failures are values.
 */
export interface EngineGateway {
  onWorkerDied(listener: (key: string, error: EngineError) => void): () => void;
  /** Called whenever a worker starts, ends, or changes state. */
  onWorkersChanged(listener: (workers: readonly EngineWorkerInfo[]) => void): () => void;
  hasSession(config: BackendConfig, sessionId: string): boolean;
  load(config: BackendConfig, sessionId: string, options: LoadOptions): Promise<Result<LoadResult>>;
  run(config: BackendConfig, sessionId: string, feeds: Readonly<Record<string, HostTensor>>): Promise<Result<RunOutcome>>;
  /** Scores a table beside the session, in its worker (core/scoring/score-request.ts); the chunks come to `job.onChunks`. */
  scoreTable(config: BackendConfig, job: ScoreJob): Promise<Result<ScoreOutcome>>;
  benchmark(config: BackendConfig, request: Omit<BenchmarkRequest, 'backend'>, onProgress: (progress: BenchmarkProgress) => void): Promise<Result<BenchmarkOutcome>>;
  cancelBenchmark(runId: string): Promise<void>;
  profile(config: BackendConfig, request: Omit<ProfileRequest, 'backend'>, onProgress: (progress: ProfileProgress) => void): Promise<Result<ProfileMeasurement>>;
  cancelProfile(runId: string): void;
  release(sessionId: string): Promise<void>;
}
