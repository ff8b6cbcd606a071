/** What this browser can run, probed once at start-up. */
export interface Capabilities {
  readonly crossOriginIsolated: boolean;
  readonly hardwareConcurrency: number;
  readonly webgpu: WebGpuCapability;
}

export type WebGpuCapability =
  | { readonly available: true; readonly vendor: string; readonly architecture: string; readonly software: boolean }
  | { readonly available: false; readonly reason: string };

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
