// Core runs in the page, the worker, Node and vitest. These APIs exist in all of them,
// but are declared only by the DOM/WebWorker libs, which core must not see.
declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
