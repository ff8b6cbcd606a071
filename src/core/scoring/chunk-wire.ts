import type { ScoredChunk } from '../schema/batch-chunk';
import type { HostTensor } from '../schema/host-tensor';
import type { BatchPredictions } from '../schema/prediction';

/** A column of text as the few words it repeats and a code per row (a label column, predicted class names). */
export interface CodedText {
  readonly words: readonly string[];
  readonly codes: Uint32Array;
}

/** A scored chunk as it crosses to the page: its text columns coded, its arrays transferred. */
export interface WireChunk extends Omit<ScoredChunk, 'truth' | 'predictions'> {
  readonly truth: CodedText | null;
  readonly predictions: Omit<BatchPredictions, 'className'> & { readonly className: CodedText };
}

function code(texts: readonly string[]): CodedText {
  const index = new Map<string, number>();
  const words: string[] = [];
  const codes = new Uint32Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    let k = index.get(text);
    if (k === undefined) {
      k = words.length;
      words.push(text);
      index.set(text, k);
    }
    codes[i] = k;
  }
  return { words, codes };
}

function decode({ words, codes }: CodedText): string[] {
  const out = new Array<string>(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = words[codes[i]!]!;
  return out;
}

const bufferOf = (data: unknown): ArrayBuffer | null => (ArrayBuffer.isView(data) && data.buffer instanceof ArrayBuffer ? data.buffer : null);

/**
 * Chunks for the trip from the engine's worker to the page. Copying them was most of the
 * worker's time: a thousand rows carry two thousand short strings (the label column and the
 * predicted class), each cloned on its own. Text columns become a code per row into their few
 * words, and every typed array is transferred (the worker keeps nothing of a sent chunk).
 */
export function toWire(chunks: readonly ScoredChunk[]): { readonly chunks: WireChunk[]; readonly transfer: ArrayBuffer[] } {
  const transfer = new Set<ArrayBuffer>();
  const give = (data: unknown): void => {
    const buffer = bufferOf(data);
    if (buffer) transfer.add(buffer);
  };
  const wired = chunks.map((chunk): WireChunk => {
    const { predictions, truth, values, status, outputs } = chunk;
    give(status);
    if (values.kind === 'packed') give(values.data);
    for (const array of [predictions.classIndex, predictions.confidence, predictions.scores, predictions.values]) give(array);
    for (const tensor of Object.values(outputs ?? {})) give((tensor as HostTensor).data);
    return { ...chunk, truth: truth ? code(truth) : null, predictions: { ...predictions, className: code(predictions.className) } };
  });
  return { chunks: wired, transfer: [...transfer] };
}

/** The page's chunks again, their text columns spelled out (each word one string, shared by its rows). */
export function fromWire(chunks: readonly WireChunk[]): ScoredChunk[] {
  return chunks.map((chunk) => ({ ...chunk, truth: chunk.truth ? decode(chunk.truth) : null, predictions: { ...chunk.predictions, className: decode(chunk.predictions.className) } }));
}
