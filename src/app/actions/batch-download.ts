import type { ExportPiece } from '../../core/schema/batch-export';
import { defaultBlobAssembler, type BlobAssembler } from '../workers/blob-assembler';
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
 * in between. Each slice's text goes to the assembler (by default a worker, which does the
 * UTF-8 encoding and holds the parts: making a Blob of 1 MB of text takes the page 10–50 ms),
 * so no step holds the page for long however many rows the file has. The rows themselves are
 * written here: they live on the page, and handing a million of them to a worker would itself
 * be a structured clone of the whole batch on the main thread. Null when cancelled.
 */
export async function buildDownload(
  pieces: Iterable<ExportPiece>,
  type: string,
  control: DownloadControl,
  sliceMs = DOWNLOAD_SLICE_MS,
  assembler: BlobAssembler = defaultBlobAssembler(),
): Promise<Blob | null> {
  let pending: string[] = [];
  const due = pacer();
  let sliceStart = performance.now();
  for (const piece of pieces) {
    pending.push(piece.text);
    if (performance.now() - sliceStart < sliceMs) continue;
    assembler.append(pending);
    pending = [];
    if (due()) control.onProgress(piece.rowsDone);
    await tick();
    if (control.isCancelled()) {
      assembler.abort();
      return null;
    }
    sliceStart = performance.now();
  }
  if (control.isCancelled()) {
    assembler.abort();
    return null;
  }
  assembler.append(pending);
  return assembler.finish(type);
}
