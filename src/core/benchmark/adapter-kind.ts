import type { BackendConfig } from '../protocol/engine-api';
import type { WebGpuAdapterInfo } from './run';

/**
 * What kind of device a WebGPU adapter is. Browsers report a vendor and an
 * architecture, not whether a GPU is integrated or discrete, so this is read
 * from the vendor and says "usually" where that is all it can be.
 */
export type AdapterKind = 'software' | 'integrated' | 'discrete' | 'unknown';

const INTEGRATED_VENDORS = /^(apple|qualcomm|arm|imagination|img-tec|mali|adreno|broadcom)/i;
const INTEL_DISCRETE = /xe-?hpg|alchemist|battlemage|xe2-hpg|\barc\b/i;

export function adapterKind(adapter: WebGpuAdapterInfo): AdapterKind {
  if (adapter.software) return 'software';
  const vendor = adapter.vendor.toLowerCase();
  if (vendor.startsWith('intel')) return INTEL_DISCRETE.test(adapter.architecture) ? 'discrete' : 'integrated';
  if (INTEGRATED_VENDORS.test(vendor)) return 'integrated';
  if (vendor.startsWith('nvidia')) return 'discrete';
  return 'unknown';
}

/** One sentence for people: what this adapter is, and what that means for WebGPU figures. */
export function describeAdapter(adapter: WebGpuAdapterInfo): string {
  const name = `${adapter.vendor} / ${adapter.architecture}`;
  switch (adapterKind(adapter)) {
    case 'software':
      return `The WebGPU adapter (${name}) is a software emulation: the “GPU” is this computer’s CPU cores running GPU programs, so WebGPU figures here say nothing about a real GPU.`;
    case 'integrated':
      return `The WebGPU adapter (${name}) is, for this vendor, usually an integrated GPU: it shares memory with the CPU, so copies are cheap but its compute is modest.`;
    case 'discrete':
      return `The WebGPU adapter (${name}) is, for this vendor, usually a discrete GPU: the most compute, but every input and output crosses the bus between CPU and GPU memory.`;
    default:
      return `The WebGPU adapter is ${name}; the browser does not say whether it is an integrated or a discrete GPU.`;
  }
}

/** How a verdict names a configuration: "WASM, 2 threads", "WebGPU (software emulation here)". */
export function verdictLabel(config: Pick<BackendConfig, 'backend' | 'threads'>, adapter?: WebGpuAdapterInfo | null): string {
  if (config.backend !== 'webgpu') return `WASM, ${config.threads} thread${config.threads === 1 ? '' : 's'}`;
  if (!adapter) return 'WebGPU';
  if (adapter.software) return 'WebGPU (software emulation here)';
  const kind = adapterKind(adapter);
  return `WebGPU (${adapter.vendor} ${adapter.architecture}${kind === 'integrated' || kind === 'discrete' ? `, ${kind}` : ''})`;
}
