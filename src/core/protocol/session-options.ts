import type { BackendId, GraphOptimizationLevel, SessionTuning, WebGpuLayout, WebNnDeviceType, WebNnPowerPreference } from './engine-api';
import { engineError, type EngineError } from './engine-error';

/**
 * The subset of onnxruntime's `InferenceSession.SessionOptions` that the tuning sets, as plain
 * data (core imports no onnxruntime; the engine passes this object to `InferenceSession.create`).
 */
export interface TunedSessionOptions {
  readonly graphOptimizationLevel?: GraphOptimizationLevel;
  readonly freeDimensionOverrides?: Readonly<Record<string, number>>;
  readonly enableGraphCapture?: boolean;
  readonly preferredOutputLocation?: 'gpu-buffer';
  readonly executionProviders: readonly ExecutionProviderOption[];
}

export type ExecutionProviderOption =
  | string
  | { readonly name: 'webgpu'; readonly preferredLayout?: WebGpuLayout }
  | { readonly name: 'webnn'; readonly deviceType?: WebNnDeviceType; readonly powerPreference?: WebNnPowerPreference };

/** The tuning a backend can take: WebGPU-only options are dropped elsewhere; graph capture brings the outputs onto the GPU (onnxruntime requires it). */
export function tuningFor(backend: BackendId, tuning: SessionTuning = {}): SessionTuning {
  const { graphOptimizationLevel, freeDimensionOverrides, preferredLayout, enableGraphCapture, outputsOnGpu, webnnDeviceType, webnnPowerPreference } = tuning;
  const common: SessionTuning = {
    ...(graphOptimizationLevel ? { graphOptimizationLevel } : {}),
    ...(freeDimensionOverrides && Object.keys(freeDimensionOverrides).length > 0 ? { freeDimensionOverrides: { ...freeDimensionOverrides } } : {}),
  };
  if (backend === 'webnn') return { ...common, ...(webnnDeviceType ? { webnnDeviceType } : {}), ...(webnnPowerPreference ? { webnnPowerPreference } : {}) };
  if (backend !== 'webgpu') return common;
  return {
    ...common,
    ...(preferredLayout ? { preferredLayout } : {}),
    ...(enableGraphCapture ? { enableGraphCapture: true, outputsOnGpu: true } : {}),
    ...(outputsOnGpu && !enableGraphCapture ? { outputsOnGpu: true } : {}),
  };
}

/** onnxruntime's session options for a backend and a tuning (what `InferenceSession.create` receives). */
export function sessionOptionsFor(backend: BackendId, tuning: SessionTuning = {}): TunedSessionOptions {
  const t = tuningFor(backend, tuning);
  const provider: ExecutionProviderOption =
    backend === 'webgpu'
      ? { name: 'webgpu', ...(t.preferredLayout ? { preferredLayout: t.preferredLayout } : {}) }
      : backend === 'webnn'
        ? { name: 'webnn', ...(t.webnnDeviceType ? { deviceType: t.webnnDeviceType } : {}), ...(t.webnnPowerPreference ? { powerPreference: t.webnnPowerPreference } : {}) }
        : backend;
  return {
    ...(t.graphOptimizationLevel ? { graphOptimizationLevel: t.graphOptimizationLevel } : {}),
    ...(t.freeDimensionOverrides ? { freeDimensionOverrides: { ...t.freeDimensionOverrides } } : {}),
    ...(t.enableGraphCapture ? { enableGraphCapture: true } : {}),
    ...(t.outputsOnGpu ? { preferredOutputLocation: 'gpu-buffer' as const } : {}),
    executionProviders: [provider],
  };
}

/** The session options a result was measured with, every key present (null: does not apply to this backend, or onnxruntime's default layout). */
export interface SessionConfigRecord {
  readonly graphOptimizationLevel: GraphOptimizationLevel;
  readonly freeDimensionOverrides: Readonly<Record<string, number>> | null;
  readonly preferredLayout: WebGpuLayout | null;
  readonly enableGraphCapture: boolean | null;
  readonly preferredOutputLocation: 'cpu' | 'gpu-buffer' | null;
  /** WebNN only (null elsewhere, or the browser's default). */
  readonly webnnDeviceType: WebNnDeviceType | null;
  readonly webnnPowerPreference: WebNnPowerPreference | null;
}

export function sessionConfigRecord(backend: BackendId, tuning: SessionTuning = {}): SessionConfigRecord {
  const t = tuningFor(backend, tuning);
  const gpu = backend === 'webgpu';
  return {
    graphOptimizationLevel: t.graphOptimizationLevel ?? 'all',
    freeDimensionOverrides: t.freeDimensionOverrides ? { ...t.freeDimensionOverrides } : null,
    preferredLayout: gpu ? (t.preferredLayout ?? null) : null,
    enableGraphCapture: gpu ? t.enableGraphCapture === true : null,
    preferredOutputLocation: gpu ? (t.outputsOnGpu ? 'gpu-buffer' : 'cpu') : null,
    webnnDeviceType: t.webnnDeviceType ?? null,
    webnnPowerPreference: t.webnnPowerPreference ?? null,
  };
}

/** One line per knob, for the forms: what it does to the speed. */
export const TUNING_EXPLANATIONS = Object.freeze({
  graphOptimizationLevel: 'How much onnxruntime rewrites the graph before running it (fusing nodes, folding constants); lower levels start faster and are useful to see what the fusions buy.',
  freeDimensionOverrides: 'Fixes the symbolic dimensions at these sizes in the session, so onnxruntime can plan memory and pick kernels for one shape; inputs of another size then fail.',
  preferredLayout: 'WebGPU: the memory layout convolutions run in; NHWC often suits GPUs, NCHW avoids transposes around other operators.',
  enableGraphCapture: 'WebGPU: records the GPU commands of the first run and replays them, saving the per-kernel dispatch cost; needs every node on the GPU and fixed shapes.',
  webnn: 'WebNN: the browser’s own ML API runs the graph on the device you pick (CPU, GPU or NPU), with the power preference as a hint.',
  outputsOnGpu: 'WebGPU: the outputs stay in GPU memory (what a page chaining models would do); the copy back to JavaScript is then timed apart.',
});

/** onnxruntime's refusal of a tuning (graph capture above all), turned into a sentence; null when the failure is not about the tuning. */
export function tuningRefusal(tuning: SessionTuning, detail: string): EngineError | null {
  if (!tuning.enableGraphCapture || !/graph.?capture|External buffer|gpu-buffer/i.test(detail)) return null;
  const why = /control flow/i.test(detail)
    ? 'the model has control-flow nodes (If, Loop, Scan), which a recorded graph cannot replay'
    : /partitioned|assigned|not supported by/i.test(detail)
      ? 'some of its nodes run on the CPU rather than on WebGPU (see “Where the nodes run” on the Speed tab), and a recorded graph must run entirely on the GPU'
      : /shape|dynamic/i.test(detail)
        ? 'its shapes change from run to run, and a recorded graph replays one shape'
        : `onnxruntime refused it (${detail})`;
  return engineError('session-failed', `WebGPU graph capture is not possible for this model: ${why}.`, 'Untick “Graph capture”; the other WebGPU options still apply.');
}

/** "graph optimisation basic · seq fixed at 16 · NHWC · graph capture · outputs on the GPU", or "onnxruntime’s defaults". */
export function sessionConfigLabel(config: SessionConfigRecord): string {
  const parts: string[] = [];
  if (config.graphOptimizationLevel !== 'all') parts.push(`graph optimisation ${config.graphOptimizationLevel}`);
  for (const [name, size] of Object.entries(config.freeDimensionOverrides ?? {})) parts.push(`${name} fixed at ${size}`);
  if (config.preferredLayout) parts.push(`layout ${config.preferredLayout}`);
  if (config.enableGraphCapture) parts.push('graph capture');
  if (config.preferredOutputLocation === 'gpu-buffer') parts.push('outputs on the GPU');
  if (config.webnnDeviceType) parts.push(`WebNN ${config.webnnDeviceType}`);
  if (config.webnnPowerPreference) parts.push(`power ${config.webnnPowerPreference}`);
  return parts.length > 0 ? parts.join(' · ') : 'onnxruntime’s defaults';
}
