import type { PartSinkMessage, PartSinkReply } from './part-sink';

// Makes a download's Blob parts off the page (see part-sink.ts), then joins them.
const parts: Blob[] = [];

self.addEventListener('message', (event: MessageEvent<PartSinkMessage>) => {
  const message = event.data;
  if (message.kind === 'append') {
    parts.push(new Blob([new Uint8Array(message.buffer, 0, message.length)]));
    return;
  }
  let reply: PartSinkReply;
  try {
    reply = { blob: new Blob(parts, { type: message.type }) };
  } catch (thrown) {
    reply = { error: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  (self as unknown as Worker).postMessage(reply);
});
