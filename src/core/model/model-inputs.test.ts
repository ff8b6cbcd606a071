import { describe, expect, it } from 'vitest';
import { ok } from '../protocol/engine-error';
import { drain, fillInputs } from '../benchmark/fill-inputs';
import type { TensorSpec } from '../protocol/tensor';
import { tensorValues, type HostTensor } from '../schema/host-tensor';
import { generatedLayout, generatedRandom, modelInputs, type InputModel } from './model-inputs';

const example: Record<string, HostTensor> = { x: { dtype: 'float32', dims: [2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) } };
const model = (over: Partial<InputModel['facts']> = {}, dims: Record<string, number> = {}): InputModel => ({
  facts: { inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 3] }], batch: { kind: 'symbolic', name: 'N' }, example: ok(example), ...over },
  dims,
});
const value = <T>(r: { ok: boolean; value?: T }): T => {
  if (!r.ok) throw new Error('expected ok');
  return r.value as T;
};

describe('modelInputs', () => {
  it('repeats the example rows to each batch size, and gives it as it is for a null size', () => {
    const sets = value(modelInputs(model(), 'example', [1, 5, null]));
    expect(sets.map((s) => s.feeds.x!.dims)).toEqual([[1, 3], [5, 3], [2, 3]]);
    expect([...(sets[1]!.feeds.x!.data as Float32Array)]).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 1, 2, 3]);
  });

  it('draws the same seeded random values every time, sized by the batch or by the chosen dimensions', () => {
    const a = value(modelInputs(model({}, { N: 4 }), 'random', [2, null]));
    const b = value(modelInputs(model({}, { N: 4 }), 'random', [2, null]));
    expect(a[0]!.feeds.x!.dims).toEqual([2, 3]);
    expect(a[1]!.feeds.x!.dims).toEqual([4, 3]);
    expect(a[0]!.feeds.x!.data).toEqual(b[0]!.feeds.x!.data);
  });

  it('draws random values a transformer accepts for inputs known by name (masks ones, type ids 0), others as before', () => {
    const inputs: TensorSpec[] = [
      { name: 'attention_mask', dtype: 'int64', shape: ['N', 6] },
      { name: 'token_type_ids', dtype: 'int64', shape: ['N', 6] },
      { name: 'input_ids', dtype: 'int32', shape: ['N', 6] },
      { name: 'b', dtype: 'int64', shape: ['N', 6] },
    ];
    const sets = value(modelInputs(model({ inputs, tokenIds: { min: 0, max: 999, detail: 'metadata.json vocab_size 1000' } }), 'random', [4]));
    const feeds = sets[0]!.feeds;
    expect(tensorValues(feeds.attention_mask!).every((v) => v === 1n)).toBe(true);
    expect(tensorValues(feeds.token_type_ids!).every((v) => v === 0n)).toBe(true);
    const ids = tensorValues(feeds.input_ids!).map(Number);
    expect(Math.max(...ids)).toBeGreaterThan(9);
    expect(Math.max(...ids)).toBeLessThanOrEqual(999);
    const other = tensorValues(feeds.b!).map(Number);
    expect(Math.max(...other)).toBeLessThanOrEqual(9);
    // Zeros stay zeros: a chosen source is taken as it is.
    expect(tensorValues(value(modelInputs(model({ inputs }), 'zeros', [1]))[0]!.feeds.attention_mask!).every((v) => v === 0n)).toBe(true);
  });

  it('makes zeros of each input type, strings included', () => {
    const sets = value(modelInputs(model({ inputs: [{ name: 'x', dtype: 'int64', shape: ['N', 2] }, { name: 's', dtype: 'string', shape: ['N'] }] }), 'zeros', [3]));
    expect(sets[0]!.feeds.x).toEqual({ dtype: 'int64', dims: [3, 2], data: new BigInt64Array(6) });
    expect(sets[0]!.feeds.s).toEqual({ dtype: 'string', dims: [3], data: ['', '', ''] });
  });

  it('repeats given data like an example (the way tensors read from a file plug in)', () => {
    const data = { kind: 'data', name: 'rows.npy', tensors: { x: { dtype: 'float32', dims: [1, 3], data: Float32Array.of(7, 8, 9) } } } as const;
    expect(value(modelInputs(model(), data, [2]))[0]!.feeds.x!.data).toEqual(Float32Array.of(7, 8, 9, 7, 8, 9));
  });

  it('leaves a fixed batch size alone', () => {
    const sets = value(modelInputs(model({ inputs: [{ name: 'x', dtype: 'float32', shape: [2, 3] }], batch: { kind: 'fixed', size: 2 } }), 'random', [8]));
    expect(sets[0]!.feeds.x!.dims).toEqual([2, 3]);
  });

  it('returns the reason, as a value, when there is no example or it does not fit', () => {
    const none = modelInputs(model({ example: null }), 'example', [1]);
    expect(none.ok ? null : none.error.code).toBe('bad-input-example');
    const misfit = { ok: false as const, error: { code: 'bad-input-example' as const, message: 'x has 2 values, not 3', hint: '' } };
    expect(modelInputs(model({ example: misfit }), 'example', [1])).toEqual(misfit);
  });
});

describe('generatedLayout', () => {
  it('made in steps for the Run, is what modelInputs gives (no batch size: the chosen sizes)', () => {
    const specs: TensorSpec[] = [
      { name: 'a', dtype: 'float32', shape: ['N', 3] },
      { name: 'b', dtype: 'int64', shape: ['N'] },
      { name: 'e', dtype: 'string', shape: ['N'] },
      { name: 'h', dtype: 'unknown', shape: null },
    ];
    const generated = { facts: { inputs: specs, batch: { kind: 'symbolic' as const, name: 'N' }, example: null }, dims: { N: 4 } };
    const shown = (feeds: Record<string, HostTensor>) => Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, [t.dtype, t.dims, tensorValues(t).map(String)]]));
    for (const source of ['random', 'zeros'] as const) {
      const made = modelInputs(generated, source, [null]);
      if (!made.ok) throw new Error(made.error.message);
      // Random values give a shapeless input the batch size; zeros keep the chosen sizes.
      expect(shown(made.value[0]!.feeds)).toEqual(shown(drain(fillInputs(generatedLayout(generated, source, null), source, generatedRandom()))));
      expect(made.value[0]!.feeds.h!.dims).toEqual(source === 'random' ? [4] : [1]);
    }
  });
});
