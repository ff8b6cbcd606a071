import type { Tensor } from 'onnxruntime-common';
import type { OrtRuntime } from './ort-runtime';

/** The few WebGPU objects used here (the engine's TypeScript has no DOM WebGPU types). */
interface GpuBufferLike {
  destroy(): void;
}
interface GpuDeviceLike {
  createBuffer(descriptor: { size: number; usage: number }): GpuBufferLike;
  readonly queue: { writeBuffer(buffer: GpuBufferLike, offset: number, data: Uint8Array): void };
}

/** GPUBufferUsage.STORAGE | COPY_SRC | COPY_DST, the usage onnxruntime's own GPU tensors have. */
const STORAGE_COPY = 0x80 | 0x04 | 0x08;
const GPU_TYPES = new Set(['float32', 'float16', 'int32', 'int64', 'uint32', 'uint8', 'bool', 'int4', 'uint4']);

/**
 * The inputs uploaded once into GPU buffers of onnxruntime's WebGPU device: what graph capture
 * requires (a recorded graph replays on the same buffers, so the data must not come from the
 * CPU on each run). The buffers are destroyed with the tensors.
 */
export async function gpuFeeds(ort: OrtRuntime, feeds: Record<string, Tensor>): Promise<Record<string, Tensor>> {
  const webgpu = (ort.env as { webgpu?: { device?: Promise<unknown> } }).webgpu;
  const device = (await webgpu?.device) as GpuDeviceLike | undefined;
  const fromGpuBuffer = ort.Tensor.fromGpuBuffer;
  if (!device || !fromGpuBuffer) throw new Error('graph capture needs the WebGPU device, which this runtime does not expose (External buffer unavailable)');
  const out: Record<string, Tensor> = {};
  for (const [name, tensor] of Object.entries(feeds)) {
    if (!GPU_TYPES.has(tensor.type)) throw new Error(`graph capture: input “${name}” is ${tensor.type}, which cannot live in a GPU buffer (External buffer unsupported)`);
    const view = tensor.data as ArrayBufferView;
    const bytes = new Uint8Array(Math.max(4, Math.ceil(view.byteLength / 4) * 4));
    bytes.set(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    const buffer = device.createBuffer({ size: bytes.byteLength, usage: STORAGE_COPY });
    device.queue.writeBuffer(buffer, 0, bytes);
    out[name] = fromGpuBuffer(buffer, { dataType: tensor.type as Tensor.GpuBufferDataTypes, dims: tensor.dims, dispose: () => buffer.destroy() });
  }
  return out;
}
