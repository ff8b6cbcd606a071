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
 * in between. Each slice's text becomes one Blob part there and then (its UTF-8 encoding, which
 * can cost more than writing the text: for JSON it was 50–80 ms after a 12 ms slice), and the
 * parts are joined by reference at the end. The time spent writing text per slice adapts, so
 * that writing plus encoding stays near `sliceMs`, however many rows the file has. A worker was
 * tried and not kept: posting the text to one cost the page as much as encoding it here, and
 * the scored rows live on the page. Null when cancelled.
 */
export async function buildDownload(pieces: Iterable<ExportPiece>, type: string, control: DownloadControl, sliceMs = DOWNLOAD_SLICE_MS): Promise<Blob | null> {
  const parts: Blob[] = [];
  let pending: string[] = [];
  const due = pacer();
  // Start by giving half the slice to writing; each slice then rescales it from what it cost.
  let writeMs = sliceMs / 2;
  let sliceStart = performance.now();
  for (const piece of pieces) {
    pending.push(piece.text);
    const wrote = performance.now() - sliceStart;
    if (wrote < writeMs) continue;
    parts.push(new Blob(pending));
    pending = [];
    const spent = performance.now() - sliceStart;
    writeMs = Math.min(sliceMs, Math.max(1, writeMs * (sliceMs / Math.max(spent, 0.1))));
    if (due()) control.onProgress(piece.rowsDone);
    await tick();
    if (control.isCancelled()) return null;
    sliceStart = performance.now();
  }
  if (control.isCancelled()) return null;
  parts.push(new Blob(pending));
  return new Blob(parts, { type });
}
