import { describe, expect, it } from 'vitest';
import { outputsDocument } from '../schema/outputs';
import { fromNumbers, tensorValues, type HostTensor } from '../schema/host-tensor';
import { encodeHalf } from './float16';
import { readTensorFiles } from './read-tensor-files';
import { jsonElements } from './tensor-json';

describe('the outputs document (jsonElements)', () => {
  it('writes float16 as numbers, NaN and infinities as strings, bool as true/false', async () => {
    expect(jsonElements({ dtype: 'float16', dims: [3], data: encodeHalf([5.1, -0.2, 65504]) })).toEqual([5.1015625, -0.199951171875, 65504]);
    expect(jsonElements({ dtype: 'float32', dims: [3], data: Float32Array.of(NaN, Infinity, -Infinity) })).toEqual(['NaN', 'Infinity', '-Infinity']);
    expect(jsonElements({ dtype: 'bool', dims: [2], data: Uint8Array.of(1, 0) })).toEqual([true, false]);
  });

  it('writes int64 and uint64 as JSON numbers when safe (|v| ≤ 2^53 − 1) and as strings of digits when not', async () => {
    const i64: HostTensor = { dtype: 'int64', dims: [4], data: BigInt64Array.of(2n ** 53n - 1n, -(2n ** 53n - 1n), 2n ** 53n, -(2n ** 63n)) };
    expect(jsonElements(i64)).toEqual([9007199254740991, -9007199254740991, '9007199254740992', '-9223372036854775808']);
    expect(jsonElements({ dtype: 'uint64', dims: [2], data: BigUint64Array.of(3n, 2n ** 64n - 1n) })).toEqual([3, '18446744073709551615']);
  });

  it('reads back as the same tensors, every dtype included', async () => {
    const outputs: Record<string, HostTensor> = {
      h: { dtype: 'float16', dims: [1, 2], data: encodeHalf([5.1, NaN]) },
      f: { dtype: 'float32', dims: [2], data: Float32Array.of(0.1, -Infinity) },
      d: { dtype: 'float64', dims: [], data: Float64Array.of(1e300) },
      i: { dtype: 'int64', dims: [2], data: BigInt64Array.of(2n ** 62n + 1n, 7n) },
      u: { dtype: 'uint64', dims: [1], data: BigUint64Array.of(2n ** 64n - 1n) },
      b: { dtype: 'bool', dims: [2], data: Uint8Array.of(0, 1) },
      s: { dtype: 'string', dims: [2], data: ['a', ''] },
      e: { dtype: 'int32', dims: [0, 3], data: fromNumbers('int32', []) },
    };
    const text = JSON.stringify(outputsDocument(outputs));
    const specs = Object.entries(outputs).map(([name, t]) => ({ name, dtype: t.dtype, shape: t.dims }));
    const back = await readTensorFiles([{ path: 'outputs.json', bytes: new TextEncoder().encode(text) }], specs);
    if (!back.ok) throw new Error(back.error.message);
    for (const [name, t] of Object.entries(outputs)) {
      expect(back.value.tensors[name]!.dtype).toBe(t.dtype);
      expect(back.value.tensors[name]!.dims).toEqual(t.dims);
      expect(tensorValues(back.value.tensors[name]!)).toEqual(tensorValues(t));
    }
  });
});
