/// <reference lib="webworker" />
import type { AssemblerMessage } from './blob-assembler';

// Encodes the text it is sent and keeps it as Blob parts; on `finish`, answers with the whole file.
// Turning strings into a Blob costs about as much as making them, so it is done here, off the page.
const parts: Blob[] = [];
self.onmessage = (event: MessageEvent<AssemblerMessage>) => {
  const message = event.data;
  if (message.kind === 'append') parts.push(new Blob(message.texts));
  else {
    self.postMessage(new Blob(parts, { type: message.type }));
    self.close();
  }
};
