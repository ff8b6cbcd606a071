/**
 * Where a download's bytes go, a part at a time, to be joined into one Blob at the end. Making a
 * Blob from bytes costs about 10 ms per MB of main-thread time in Chromium here (measured: 64 KB
 * to 4 MB parts, 320 MB in all), so the page hands its parts to a worker that makes them; moving
 * a buffer there costs nothing (it is transferred, not copied).
 */
export interface PartSink {
  /** Takes the bytes: the caller must not touch their buffer again. */
  append(bytes: Uint8Array): void;
  /** Every part so far, in order, as one Blob. */
  finish(type: string): Promise<Blob>;
  /** Drops every part (a cancelled download). */
  discard(): void;
}

/** Parts made on this thread: for tests (Node has no module workers) and where workers cannot start. */
export function createLocalPartSink(): PartSink {
  let parts: Blob[] = [];
  return {
    append: (bytes) => void parts.push(new Blob([bytes as Uint8Array<ArrayBuffer>])),
    finish: async (type) => new Blob(parts, { type }),
    discard: () => void (parts = []),
  };
}

/** Messages to the part worker (src/app/workers/part-sink.worker.ts). */
export type PartSinkMessage = { readonly kind: 'append'; readonly buffer: ArrayBuffer; readonly length: number } | { readonly kind: 'finish'; readonly type: string };
/** Its one answer, to `finish`. */
export type PartSinkReply = { readonly blob: Blob } | { readonly error: string };

/** Parts made in a worker of their own, ended when the file is finished or dropped. */
export function createWorkerPartSink(): PartSink {
  if (typeof Worker === 'undefined') return createLocalPartSink();
  const worker = new Worker(new URL('./part-sink.worker.ts', import.meta.url), { type: 'module', name: 'download-parts' });
  const post = (message: PartSinkMessage, transfer: Transferable[] = []): void => worker.postMessage(message, transfer);
  return {
    append(bytes) {
      const buffer = bytes.buffer as ArrayBuffer;
      post({ kind: 'append', buffer, length: bytes.byteLength }, [buffer]);
    },
    finish(type) {
      return new Promise<Blob>((resolve, reject) => {
        worker.addEventListener('message', (event: MessageEvent<PartSinkReply>) => {
          worker.terminate();
          if ('blob' in event.data) resolve(event.data.blob);
          else reject(new Error(event.data.error));
        });
        worker.addEventListener('error', (event) => {
          event.preventDefault();
          worker.terminate();
          reject(new Error(event.message || 'the worker building the file stopped (probably out of memory)'));
        });
        post({ kind: 'finish', type });
      });
    },
    discard: () => worker.terminate(),
  };
}
