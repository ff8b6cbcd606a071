import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { drain, fillInputs } from '../benchmark/fill-inputs';
import type { TensorSpec } from '../protocol/tensor';
import { tensorValues, type HostTensor } from '../schema/host-tensor';
import { BERT_LIKE_INPUTS, bertLikeModel } from '../package/onnx-builder.fixture';
import { inputFill, inputRole } from './input-roles';
import { generatedLayout, generatedRandom, modelInputs, type InputModel } from './model-inputs';
import { startingTensor } from './starting-values';

const role = (name: string, dtype: TensorSpec['dtype'] = 'int64') => inputRole({ name, dtype });
const VOCAB = { min: 0, max: 49, detail: 'metadata.json vocab_size 50' };
const bert = (tokenIds: typeof VOCAB | null): InputModel => ({
  facts: { inputs: BERT_LIKE_INPUTS, batch: { kind: 'symbolic', name: 'batch' }, example: null, tokenIds },
  dims: { batch: 2, sequence_length: 8 },
});
const numbers = (t: HostTensor) => tensorValues(t).map(Number);

/** Runs the BERT-like toy (50 words, 8 positions) on onnxruntime-node: the softmax it gives, or the error. */
async function runBertLike(feeds: Readonly<Record<string, HostTensor>>): Promise<number[]> {
  const session = await ort.InferenceSession.create(bertLikeModel(50, 8));
  const given = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor(t.dtype as 'int64', t.data as BigInt64Array, [...t.dims])]));
  const out = await session.run(given);
  return Array.from(out.y!.data as Float32Array);
}

describe('inputRole', () => {
  it('tells masks, token type ids and position ids from token ids, though all end in _ids', () => {
    expect(['attention_mask', 'decoder_attention_mask', 'pixel_mask'].map((n) => role(n))).toEqual(['mask', 'mask', 'mask']);
    expect(role('attention_mask', 'bool')).toBe('mask');
    expect(['token_type_ids', 'segment_ids', 'type_ids', 'segment_id'].map((n) => role(n))).toEqual(['type-ids', 'type-ids', 'type-ids', 'type-ids']);
    expect(['position_ids', 'pos_ids', 'cache_position'].map((n) => role(n))).toEqual(['position-ids', 'position-ids', 'position-ids']);
    expect(['input_ids', 'decoder_input_ids', 'ids', 'tokens'].map((n) => role(n))).toEqual(['token-ids', 'token-ids', 'token-ids', 'token-ids']);
  });

  it('leaves other inputs, and float inputs of any name, as plain values', () => {
    expect(['float_input', 'x', 'n_rooms', 'typed'].map((n) => role(n))).toEqual(['values', 'values', 'values', 'values']);
    expect(role('attention_mask', 'float32')).toBe('values');
    expect(role('input_ids', 'float32')).toBe('values');
  });
});

describe('inputFill', () => {
  it('draws token ids within the vocabulary when known (and the type can hold it), else 0–9', () => {
    expect(inputFill('token-ids', 'int64', VOCAB)).toEqual({ kind: 'drawn', ints: { min: 0, max: 49 } });
    expect(inputFill('token-ids', 'int64', null)).toEqual({ kind: 'drawn', ints: { min: 0, max: 9 } });
    expect(inputFill('token-ids', 'uint8', { ...VOCAB, max: 30521 })).toEqual({ kind: 'drawn', ints: { min: 0, max: 255 } });
    expect(inputFill('values', 'int64', VOCAB)).toEqual({ kind: 'drawn' });
  });
});

describe('random inputs of a BERT-like model', () => {
  it('are ones for the mask, 0 for token type ids, 0..T-1 for positions and ids within the vocabulary', () => {
    const made = modelInputs(bert(VOCAB), 'random', [null]);
    if (!made.ok) throw new Error(made.error.message);
    const feeds = made.value[0]!.feeds;
    expect(numbers(feeds.attention_mask!)).toEqual(new Array(16).fill(1));
    expect(numbers(feeds.token_type_ids!)).toEqual(new Array(16).fill(0));
    expect(numbers(feeds.position_ids!)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6, 7]);
    const ids = numbers(feeds.input_ids!);
    expect(Math.min(...ids)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ids)).toBeLessThanOrEqual(49);
    expect(Math.max(...ids)).toBeGreaterThan(9); // the whole vocabulary, not just 0–9
  });

  it('are the same made in small steps (the Run) as at once', () => {
    const model = bert(VOCAB);
    const made = modelInputs(model, 'random', [null]);
    if (!made.ok) throw new Error(made.error.message);
    const stepped = drain(fillInputs(generatedLayout(model, 'random', null), 'random', generatedRandom(), 3));
    for (const spec of BERT_LIKE_INPUTS) expect(numbers(stepped[spec.name]!)).toEqual(numbers(made.value[0]!.feeds[spec.name]!));
  });

  it('run on onnxruntime-node without an out-of-bounds index or a NaN, with and without a vocabulary size', async () => {
    for (const tokens of [VOCAB, null]) {
      const made = modelInputs(bert(tokens), 'random', [2, 5]);
      if (!made.ok) throw new Error(made.error.message);
      for (const set of made.value) {
        const y = await runBertLike(set.feeds);
        expect(y.length).toBe(set.batchSize! * 8);
        expect(y.every(Number.isFinite)).toBe(true);
      }
    }
  });

  it('start Predict with values that run too', async () => {
    const feeds = Object.fromEntries(BERT_LIKE_INPUTS.map((spec) => [spec.name, startingTensor(spec, [1, 8], { ...VOCAB, max: 30521 }).tensor]));
    expect(numbers(feeds.token_type_ids!)).toEqual(new Array(8).fill(0));
    // A real vocabulary is larger than the toy's table: only input_ids may use it, so only it is shrunk here.
    feeds.input_ids = startingTensor(BERT_LIKE_INPUTS[0]!, [1, 8], VOCAB).tensor;
    expect((await runBertLike(feeds)).every(Number.isFinite)).toBe(true);
  });
});
