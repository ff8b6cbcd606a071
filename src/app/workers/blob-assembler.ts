/** What the page sends the assembler worker. */
export type AssemblerMessage = { readonly kind: 'append'; readonly texts: string[] } | { readonly kind: 'finish'; readonly type: string };

/** Collects a file's text a slice at a time and makes it one Blob; where that work happens is its own business. */
export interface BlobAssembler {
  append(texts: string[]): void;
  finish(type: string): Promise<Blob>;
  /** Drops what was collected (a cancelled download). */
  abort(): void;
}

/** On the calling thread: for Node (unit tests) and browsers without module workers. */
export function localBlobAssembler(): BlobAssembler {
  const parts: Blob[] = [];
  return {
    append: (texts) => void parts.push(new Blob(texts)),
    finish: (type) => Promise.resolve(new Blob(parts, { type })),
    abort: () => void parts.splice(0),
  };
}

/** In a worker of its own, so that encoding tens of MB never holds the page; the finished Blob comes back by reference. */
export function workerBlobAssembler(): BlobAssembler {
  const worker = new Worker(new URL('./blob-assembler.worker.ts', import.meta.url), { type: 'module', name: 'download-builder' });
  const post = (message: AssemblerMessage) => worker.postMessage(message);
  return {
    append: (texts) => post({ kind: 'append', texts }),
    finish: (type) =>
      new Promise<Blob>((resolve, reject) => {
        worker.onmessage = (event: MessageEvent<Blob>) => resolve(event.data);
        worker.onerror = (event) => {
          worker.terminate();
          reject(new Error(event.message || 'the download builder stopped'));
        };
        post({ kind: 'finish', type });
      }),
    abort: () => worker.terminate(),
  };
}

export const defaultBlobAssembler = (): BlobAssembler => (typeof Worker === 'undefined' ? localBlobAssembler() : workerBlobAssembler());
