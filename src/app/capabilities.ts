import { isSoftwareAdapter, type Capabilities, type WebGpuCapability } from '../core/protocol/capabilities';

interface GpuAdapterLike {
  readonly info?: { vendor?: string; architecture?: string; description?: string };
}
interface NavigatorWithGpu {
  readonly gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> };
}

async function probeWebGpu(): Promise<WebGpuCapability> {
  const gpu = (navigator as Navigator & NavigatorWithGpu).gpu;
  if (!gpu) return { available: false, reason: 'this browser has no WebGPU (navigator.gpu is missing)' };
  try {
    const adapter = await gpu.requestAdapter();
    if (!adapter) return { available: false, reason: 'no WebGPU adapter (no usable GPU, or WebGPU is disabled)' };
    const vendor = adapter.info?.vendor || 'unknown vendor';
    const architecture = adapter.info?.architecture || 'unknown architecture';
    return { available: true, vendor, architecture, software: isSoftwareAdapter(vendor, architecture, adapter.info?.description) };
  } catch (thrown) {
    return { available: false, reason: `requesting a WebGPU adapter failed (${thrown instanceof Error ? thrown.message : String(thrown)})` };
  }
}

export async function probeCapabilities(): Promise<Capabilities> {
  return Object.freeze({
    crossOriginIsolated: self.crossOriginIsolated === true,
    hardwareConcurrency: navigator.hardwareConcurrency || 1,
    webgpu: await probeWebGpu(),
  });
}
