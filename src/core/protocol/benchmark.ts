import type { BackendId, LoadRequest, SessionTuning } from './engine-api';
import type { TensorPayload } from './tensor';

/**
 * When a benchmark point stops measuring: after a number of runs (and, with `minMs`, not before
 * they span that long), or after a time budget.
 */
export type StopRule = { readonly kind: 'runs'; readonly runs: number; readonly minMs?: number } | { readonly kind: 'time'; readonly ms: number };

/** One batch size to measure, with the inputs for it (already repeated or drawn to that batch size). */
export interface BenchmarkPointRequest {
  readonly batchSize: number;
  /** Transferred to the worker. */
  readonly feeds: Readonly<Record<string, TensorPayload>>;
}

/**
 * One configuration (backend + threads) of a benchmark: the worker creates its
 * own session from the model bytes, times one cold run, then each point.
 */
export interface BenchmarkRequest {
  /** Unique per configuration; `cancelBenchmark` names it. */
  readonly runId: string;
  readonly backend: BackendId;
  readonly model: Omit<LoadRequest, 'sessionId' | 'backend'>;
  readonly warmupRuns: number;
  /**
   * Warm-up goes on, past `warmupRuns`, until it has lasted this long: a fast model's few runs
   * are over before the WebAssembly engine has compiled its optimised code in the background.
   */
  readonly warmupMs?: number;
  readonly stop: StopRule;
  readonly points: readonly BenchmarkPointRequest[];
}

export type BenchmarkPhase = 'session' | 'first-run' | 'warmup' | 'measure';

/** Sent through a throttled callback (a few per second), never per iteration. */
export interface BenchmarkProgress {
  readonly runId: string;
  readonly phase: BenchmarkPhase;
  readonly pointIndex: number;
  readonly pointCount: number;
  readonly batchSize: number;
  /** Warm-up or timed runs done in the current phase. */
  readonly runsDone: number;
  /** Milliseconds spent in the current phase. */
  readonly elapsedMs: number;
}

/** Raw timings of one point; statistics are computed from them on the page (core/stats). */
export interface PointMeasurement {
  readonly batchSize: number;
  /** Warm-up runs made: those asked for, and more while `warmupMs` had not passed. */
  readonly warmupRuns: number;
  /** One entry per timed `session.run`, in milliseconds, in the order they ran. */
  readonly samplesMs: readonly number[];
  /** Outputs kept on the GPU: each timed run without the read-back (the first `samplesMs.length` runs' `session.run` alone). */
  readonly withoutReadBackMs?: readonly number[];
}

export interface BenchmarkMeasurement {
  readonly backend: BackendId;
  /** Starting the runtime with a one-node model before the session is timed: large only in a new worker; null if that failed. */
  readonly runtimeStartMs: number | null;
  readonly sessionCreateMs: number;
  /** The first `session.run` of the fresh session, at the first point's batch size. */
  readonly firstRunMs: number;
  readonly firstRunBatchSize: number;
  /** Points fully measured; fewer than requested when cancelled. */
  readonly points: readonly PointMeasurement[];
  readonly completed: boolean;
  /** Smallest step of the worker's clock (browsers coarsen `performance.now()`). */
  readonly timerResolutionMs: number;
  readonly wasmSimd: boolean;
  /** The first values (≤ 256) of each numeric output of the first run: configurations are compared on them. */
  readonly firstRunOutputs?: Readonly<Record<string, readonly number[]>>;
  /** The session options the worker passed to onnxruntime (what this backend could take of the request's tuning). */
  readonly appliedTuning?: SessionTuning;
}
