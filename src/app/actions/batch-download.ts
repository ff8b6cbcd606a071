import type { ExportPiece } from '../../core/schema/batch-export';
import { createLocalPartSink, type PartSink } from '../workers/part-sink';
import { pacer, tick } from '../../core/scoring/tick';

/**
 * Main-thread time one step of building a download may take before the page gets a turn:
 * well under the 50 ms that makes a task "long", with room for a render.
 */
export const DOWNLOAD_SLICE_MS = 12;

/** Bytes encoded into one buffer before it becomes a Blob part: a 322 MB file is some 80 parts, joined in 14 ms. */
export const DOWNLOAD_PART_BYTES = 4 * 1024 * 1024;

export interface DownloadControl {
  readonly isCancelled: () => boolean;
  /** Rows written so far; called at most every PROGRESS_EVERY_MS. */
  readonly onProgress: (rowsDone: number) => void;
}

/**
 * UTF-8 bytes gathered into a buffer, each full buffer handed to the sink as one part. Blob
 * parts made from strings cost the page more than writing the text did (encoding inside the
 * Blob constructor), and a Blob joined from thousands of parts cost 85 ms more, plus 20 ms for
 * its URL; TextEncoder writes into a buffer quickly, and a few large parts join in no time.
 */
function createPartWriter(partBytes: number, sink: PartSink) {
  const encoder = new TextEncoder();
  let buffer = new Uint8Array(partBytes);
  let used = 0;
  const flush = (): void => {
    if (used === 0) return;
    sink.append(buffer.subarray(0, used));
    buffer = new Uint8Array(partBytes);
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
    finish(type: string): Promise<Blob> {
      flush();
      return sink.finish(type);
    },
  };
}

/** A cancelled download: its parts are dropped. */
function discard(sink: PartSink): null {
  sink.discard();
  return null;
}

/**
 * Builds a file from its pieces a slice of main-thread time at a time, yielding to the page in
 * between. The text is written and encoded here, where the scored rows live; the encoded parts
 * go to `sink`, which in the app makes them into Blobs in a worker (createWorkerPartSink).
 * Posting the text itself to a worker was tried and not kept: copying strings cost the page as
 * much as encoding them. Null when cancelled.
 */
export async function buildDownload(pieces: Iterable<ExportPiece>, type: string, control: DownloadControl, options: { readonly sliceMs?: number; readonly partBytes?: number; readonly sink?: PartSink } = {}): Promise<Blob | null> {
  const { sliceMs = DOWNLOAD_SLICE_MS, partBytes = DOWNLOAD_PART_BYTES, sink = createLocalPartSink() } = options;
  const writer = createPartWriter(partBytes, sink);
  const due = pacer();
  let sliceStart = performance.now();
  for (const piece of pieces) {
    writer.write(piece.text);
    if (performance.now() - sliceStart < sliceMs) continue;
    if (due()) control.onProgress(piece.rowsDone);
    await tick();
    if (control.isCancelled()) return discard(sink);
    sliceStart = performance.now();
  }
  if (control.isCancelled()) return discard(sink);
  return writer.finish(type);
}
