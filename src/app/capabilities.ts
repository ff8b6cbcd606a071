import { isSoftwareAdapter, WEBGPU_FEATURES_RECORDED, WEBGPU_LIMITS_RECORDED, type Capabilities, type WebGpuAdapterDetails, type WebGpuCapability, type WebNnCapability } from '../core/protocol/capabilities';

interface GpuAdapterLike {
  readonly info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  /** Older Chromium: on the adapter rather than its info. */
  readonly isFallbackAdapter?: boolean;
  readonly features?: { has(name: string): boolean };
  readonly limits?: Readonly<Record<string, unknown>>;
}
interface NavigatorWithGpu {
  readonly gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> };
}

function adapterDetails(adapter: GpuAdapterLike): WebGpuAdapterDetails {
  const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter;
  const limits: Record<string, number> = {};
  for (const name of WEBGPU_LIMITS_RECORDED) {
    const value = adapter.limits?.[name];
    if (typeof value === 'number') limits[name] = value;
  }
  return {
    description: adapter.info?.description ?? '',
    fallback: typeof fallback === 'boolean' ? fallback : null,
    features: WEBGPU_FEATURES_RECORDED.filter((f) => adapter.features?.has(f) === true),
    limits,
  };
}

async function probeWebGpu(): Promise<WebGpuCapability> {
  const gpu = (navigator as Navigator & NavigatorWithGpu).gpu;
  if (!gpu) return { available: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, reason: 'no WebGPU adapter (no usable GPU, or WebGPU is disabled)' };
    const vendor = adapter.info?.vendor || 'unknown vendor';
    const architecture = adapter.info?.architecture || 'unknown architecture';
    const details = adapterDetails(adapter);
    return { available: true, vendor, architecture, software: isSoftwareAdapter(vendor, architecture, details.description) || details.fallback === true, details };
  } catch (thrown) {
    return { available: false, reason: `requesting a WebGPU adapter failed (${thrown instanceof Error ? thrown.message : String(thrown)})` };
  }
}

interface NavigatorWithMl {
  readonly ml?: { createContext(options?: { deviceType?: string }): Promise<{ destroy?(): void }> };
}

/** WebNN per the W3C API: `navigator.ml.createContext({ deviceType })` for each device type; the ones that resolve are offered. */
async function probeWebNn(): Promise<WebNnCapability> {
  const ml = (navigator as Navigator & NavigatorWithMl).ml;
  if (!ml) return { available: false, reason: 'this browser has no WebNN (navigator.ml is missing)' };
  const deviceTypes: ('cpu' | 'gpu' | 'npu')[] = [];
  let failure = '';
  for (const deviceType of ['cpu', 'gpu', 'npu'] as const) {
    try {
      const context = await ml.createContext({ deviceType });
      context.destroy?.();
      deviceTypes.push(deviceType);
    } catch (thrown) {
      failure ||= thrown instanceof Error ? thrown.message : String(thrown);
    }
  }
  return deviceTypes.length > 0 ? { available: true, deviceTypes } : { available: false, reason: `navigator.ml created no context (${failure})` };
}

export async function probeCapabilities(): Promise<Capabilities> {
  const [webgpu, webnn] = await Promise.all([probeWebGpu(), probeWebNn()]);
  return Object.freeze({
    crossOriginIsolated: self.crossOriginIsolated === true,
    hardwareConcurrency: navigator.hardwareConcurrency || 1,
    webgpu,
    webnn,
  });
}
