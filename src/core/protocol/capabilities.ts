/** What this browser can run, probed once at start-up. */
export interface Capabilities {
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
  readonly webgpu: WebGpuCapability;
  /** Absent where it was not probed (tests): treated as unavailable. */
  readonly webnn?: WebNnCapability;
}

/** WebNN (`navigator.ml`): the device types whose context the browser created when asked. */
export type WebNnCapability =
  | { readonly available: true; readonly deviceTypes: readonly ('cpu' | 'gpu' | 'npu')[] }
  | { readonly available: false; readonly reason: string };

export const NO_WEBNN_PROBED: WebNnCapability = Object.freeze({ available: false, reason: 'not probed' });

/** The WebNN capability of a browser, probed or not. */
export function webnnOf(caps: Capabilities): WebNnCapability {
  return caps.webnn ?? NO_WEBNN_PROBED;
}

export type WebGpuCapability =
  | { readonly available: true; readonly vendor: string; readonly architecture: string; readonly software: boolean; readonly details?: WebGpuAdapterDetails }
  | { readonly available: false; readonly reason: string };

/** What else the adapter says about itself: recorded with every result (core/benchmark/environment). */
export interface WebGpuAdapterDetails {
  readonly description: string;
  /** `GPUAdapterInfo.isFallbackAdapter` (a software or otherwise limited adapter); null when the browser does not say. */
  readonly fallback: boolean | null;
  /** The features that change what onnxruntime can do: `shader-f16` (float16 kernels), `timestamp-query` (GPU times in the profile), `subgroups`. */
  readonly features: readonly string[];
  /** Key limits: the largest buffer and storage binding, workgroup storage and invocations. */
  readonly limits: Readonly<Record<string, number>>;
}

export const WEBGPU_FEATURES_RECORDED = ['shader-f16', 'timestamp-query', 'subgroups'] as const;
export const WEBGPU_LIMITS_RECORDED = ['maxBufferSize', 'maxStorageBufferBindingSize', 'maxComputeWorkgroupStorageSize', 'maxComputeInvocationsPerWorkgroup', 'maxComputeWorkgroupSizeX', 'maxStorageBuffersPerShaderStage'] as const;

/** onnxruntime's own default: half the cores, at most 4. */
export function defaultThreads(caps: Capabilities): number {
  if (!caps.crossOriginIsolated) return 1;
  return Math.max(1, Math.min(4, Math.ceil(caps.hardwareConcurrency / 2)));
}

export function maxThreads(caps: Capabilities): number {
  return caps.crossOriginIsolated ? Math.max(1, caps.hardwareConcurrency) : 1;
}

/** SwiftShader and other CPU-emulated adapters must never pass for a GPU. */
export function isSoftwareAdapter(vendor: string, architecture: string, description = ''): boolean {
  return /swiftshader|llvmpipe|lavapipe|software|microsoft basic render/i.test(`${vendor} ${architecture} ${description}`);
}
