import type { Capabilities, WebGpuCapability, WebNnCapability } from '../protocol/capabilities';
import type { BatchDimension } from './plan';
import type { SessionDraft } from './session-draft';

/** The WebGPU adapter, and whether it is software; or why there is no WebGPU. */
export function webgpuNote(gpu: WebGpuCapability): string {
  return gpu.available ? `WebGPU adapter: ${gpu.vendor} / ${gpu.architecture}${gpu.software ? ' — software emulation, not a GPU' : ''}.` : `WebGPU unavailable: ${gpu.reason}.`;
}

export function webnnNote(webnn: WebNnCapability): string {
  return webnn.available ? `WebNN devices: ${webnn.deviceTypes.join(', ')}.` : `WebNN unavailable: ${webnn.reason}.`;
}

/** What the Benchmark form says under its backends: WASM threads, the WebGPU adapter and what its times include, WebNN devices. */
export function benchmarkBackendNotes(caps: Capabilities, webnn: WebNnCapability, session: SessionDraft | undefined): string {
  const threads = caps.crossOriginIsolated ? `Up to ${caps.hardwareConcurrency} WASM threads (this device’s logical cores).` : 'WASM runs on 1 thread: the page is not cross-origin isolated.';
  const keptOnGpu = session?.outputsOnGpu || session?.graphCapture ? ' (with outputs kept on the GPU, the run without that copy is shown too)' : '';
  const gpu = caps.webgpu.available ? `${webgpuNote(caps.webgpu)} WebGPU times include copying the outputs back to the CPU${keptOnGpu}.` : webgpuNote(caps.webgpu);
  return `${threads} ${gpu} ${webnnNote(webnn)}`;
}

/** Why a model without a symbolic batch dimension offers no batch sizes. */
export function fixedBatchText(batch: Exclude<BatchDimension, { kind: 'symbolic' }>): string {
  return batch.kind === 'fixed' ? `The model fixes the batch size at ${batch.size}.` : 'The model declares no batch dimension: its inputs run as they are.';
}
