import type { ExportPiece } from '../../core/schema/batch-export';
import { pacer, tick } from './tick';

/**
 * Main-thread time one step of building a download may take before the page gets a turn:
 * well under the 50 ms that makes a task "long", with room for the Blob encoding and a render.
 */
export const DOWNLOAD_SLICE_MS = 12;

export interface DownloadControl {
  readonly isCancelled: () => boolean;
  /** Rows written so far; called at most every 100 ms. */
  readonly onProgress: (rowsDone: number) => void;
}

/**
 * Builds a file from its pieces a slice of main-thread time at a time, yielding to the page
 * in between: each slice's strings become one Blob part there and then (the UTF-8 encoding
 * is paid slice by slice), and the parts are joined by reference at the end, so no step
 * holds the page for long however many rows the file has. A worker was weighed and not
 * taken: the scored rows live on the page, and handing a million of them to a worker is
 * itself a structured clone of the whole batch on the main thread. Null when cancelled.
 */
export async function buildDownload(pieces: Iterable<ExportPiece>, type: string, control: DownloadControl, sliceMs = DOWNLOAD_SLICE_MS): Promise<Blob | null> {
  const parts: Blob[] = [];
  let pending: string[] = [];
  const due = pacer();
  let sliceStart = performance.now();
  for (const piece of pieces) {
    pending.push(piece.text);
    if (performance.now() - sliceStart < sliceMs) continue;
    parts.push(new Blob(pending));
    pending = [];
    if (due()) control.onProgress(piece.rowsDone);
    await tick();
    if (control.isCancelled()) return null;
    sliceStart = performance.now();
  }
  if (control.isCancelled()) return null;
  parts.push(new Blob(pending));
  return new Blob(parts, { type });
}
