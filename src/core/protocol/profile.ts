import type { BackendId, LoadRequest } from './engine-api';
import type { TensorPayload } from './tensor';

/**
 * One configuration taken apart (engine/profile.ts), in an engine worker started for it
 * alone: runtime start, session creation, first and warm runs, then a second session
 * recorded by onnxruntime's profiler, then (WebGPU) a third one whose verbose log says
 * where each node runs.
 */
export interface ProfileRequest {
  readonly runId: string;
  readonly backend: BackendId;
  readonly model: Omit<LoadRequest, 'sessionId' | 'backend'>;
  readonly batchSize: number;
  /** Transferred to the worker. */
  readonly feeds: Readonly<Record<string, TensorPayload>>;
  /** Warm runs timed after the first run (without the profiler): at most this many, within about a second. */
  readonly warmRuns: number;
  /** Warm runs recorded by the profiler after its own cold run: at most this many, within about two seconds. */
  readonly profiledRuns: number;
  /** Ask onnxruntime's verbose session log where each node runs (useful on WebGPU). */
  readonly placement: boolean;
}

export type ProfilePhase = 'runtime' | 'session' | 'first-run' | 'warm-runs' | 'profiler' | 'placement';

export interface ProfileProgress {
  readonly runId: string;
  readonly phase: ProfilePhase;
}

/** A node input's or output's element type and dims, as the profiler recorded them in that run. */
export interface ProfiledShape {
  /** Element type as onnxruntime-web names tensors' types (float32, int64, …). */
  readonly dtype: string;
  readonly dims: readonly number[];
}

/** One event of onnxruntime's session profiler (Chrome trace format), as onnxruntime-web prints it. */
export interface ProfilerEvent {
  /** "Session" (model_run, SequentialExecutor::Execute…), "Node" (one kernel, CPU side) or "Api" (one WebGPU program, GPU timestamps). */
  readonly cat: string;
  readonly name: string;
  /** Microseconds since the profiler started. */
  readonly ts: number;
  /** Microseconds. */
  readonly dur: number;
  /** `args.op_name` of a Node event: the operator after graph optimisation (e.g. FusedConv). */
  readonly opType: string | null;
  /** `args.provider` of a Node event, e.g. CPUExecutionProvider, WebGpuExecutionProvider. */
  readonly provider: string | null;
  /** `args.input_type_shape` / `args.output_type_shape` of a Node event, when it has them. */
  readonly shapes?: { readonly inputs: readonly ProfiledShape[]; readonly outputs: readonly ProfiledShape[] };
}

export interface ProfileMeasurement {
  readonly backend: BackendId;
  readonly batchSize: number;
  /** Starting the runtime in this new worker (fetching and compiling the WASM binary, or creating the WebGPU device); null if the probe failed. */
  readonly runtimeStartMs: number | null;
  readonly sessionCreateMs: number;
  readonly firstRunMs: number;
  /** Warm runs of the same session, in order. */
  readonly warmRunsMs: readonly number[];
  /** The profiler's events: one cold run, then the warm runs; empty when not captured (see `profilerNote`). */
  readonly events: readonly ProfilerEvent[];
  readonly profilerNote: string | null;
  /** The verbose log's lines about node placement; null when not asked or not captured. */
  readonly placementLog: readonly string[] | null;
  /** Size of onnxruntime's WebAssembly memory (it grows and never shrinks); null when the engine cannot see it. */
  readonly wasmHeapBytes: { readonly afterLoad: number; readonly afterRuns: number } | null;
}
