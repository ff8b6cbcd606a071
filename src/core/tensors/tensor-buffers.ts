import type { HostTensor } from '../schema/host-tensor';

/** The distinct buffers under tensors' numeric data, to transfer them between threads (string tensors have none). */
export function tensorBuffers(tensors: Iterable<HostTensor>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const t of tensors) if (!Array.isArray(t.data)) out.add((t.data as ArrayBufferView).buffer as ArrayBuffer);
  return [...out];
}
