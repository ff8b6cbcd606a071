import type { ByteSource } from '../../core/package/zip-directory';

/** Random access to a file without reading it whole: each read is one slice. */
export function blobSource(blob: Blob): ByteSource {
  return { size: blob.size, read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()) };
}
