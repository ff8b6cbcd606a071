import type { ExportPiece } from '../../core/schema/batch-export';
import { pacer, tick } from './tick';

/**
 * Main-thread time one step of building a download may take before the page gets a turn:
 * well under the 50 ms that makes a task "long", with room for a render.
 */
export const DOWNLOAD_SLICE_MS = 12;

/** Bytes encoded into one buffer before it becomes a Blob part: a 322 MB file is some 80 parts. */
export const DOWNLOAD_PART_BYTES = 4 * 1024 * 1024;

export interface DownloadControl {
  readonly isCancelled: () => boolean;
  /** Rows written so far; called at most every 100 ms. */
  readonly onProgress: (rowsDone: number) => void;
}

/**
 * UTF-8 bytes gathered into a fixed buffer, each full buffer copied into one Blob part. Blob
 * parts made from strings cost the page more than writing the text did (encoding inside the
 * Blob constructor: 50–80 ms after a 12 ms slice of JSON), and a Blob joined from thousands of
 * parts cost 85 ms more, plus 20 ms to make its URL; TextEncoder writes into a buffer quickly,
 * and a few large parts join in no time.
 */
function createPartWriter(partBytes: number) {
  const encoder = new TextEncoder();
  const buffer = new Uint8Array(partBytes);
  const parts: Blob[] = [];
  let used = 0;
  const flush = (): void => {
    // The Blob keeps a copy of the bytes, so the buffer is reused.
    if (used > 0) parts.push(new Blob([buffer.subarray(0, used)]));
    used = 0;
  };
  return {
    write(text: string): void {
      let rest = text;
      for (;;) {
        const { read, written } = encoder.encodeInto(rest, buffer.subarray(used));
        used += written;
        if (read === rest.length) return;
        if (read === 0 && used === 0) throw new Error(`A download part of ${partBytes} bytes cannot hold one character.`);
        rest = rest.slice(read);
        flush();
      }
    },
    finish(type: string): Blob {
      flush();
      return new Blob(parts, { type });
    },
  };
}

/**
 * Builds a file from its pieces a slice of main-thread time at a time, yielding to the page in
 * between; the text is encoded as it is written (see createPartWriter). A worker was tried and
 * not kept: posting the text to one cost the page as much as encoding it here, and the scored
 * rows live on the page. Null when cancelled.
 */
export async function buildDownload(pieces: Iterable<ExportPiece>, type: string, control: DownloadControl, sliceMs = DOWNLOAD_SLICE_MS, partBytes = DOWNLOAD_PART_BYTES): Promise<Blob | null> {
  const writer = createPartWriter(partBytes);
  const due = pacer();
  let sliceStart = performance.now();
  for (const piece of pieces) {
    writer.write(piece.text);
    if (performance.now() - sliceStart < sliceMs) continue;
    if (due()) control.onProgress(piece.rowsDone);
    await tick();
    if (control.isCancelled()) return null;
    sliceStart = performance.now();
  }
  if (control.isCancelled()) return null;
  return writer.finish(type);
}
