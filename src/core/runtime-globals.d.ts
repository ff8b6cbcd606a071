// Core runs in the page, the worker, Node and vitest. These APIs exist in all of them,
// but are declared only by the DOM/WebWorker libs, which core must not see.
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
/** A file's bytes (a File is one): read a slice at a time by the scoring pipeline. */
declare class Blob {
  constructor(parts?: readonly (ArrayBufferView | ArrayBuffer | string | Blob)[], options?: { type?: string });
  readonly size: number;
  readonly type: string;
  slice(start?: number, end?: number, contentType?: string): Blob;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}
declare const performance: {
  now(): number;
  mark(name: string, options?: { detail?: unknown }): unknown;
};
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare class MessageChannel {
  readonly port1: { onmessage: ((event: unknown) => void) | null; close(): void };
  readonly port2: { postMessage(message: unknown): void };
}
