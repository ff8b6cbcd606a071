import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeHalf, halfBitsOf, numberOfHalfBits } from './float16';
import { summarizeTensor, valueTexts } from './tensor-summary';
import { decodeTensorProto } from './tensor-proto';

const FIXTURES = new URL('./fixtures/models/', import.meta.url);

describe('valueTexts', () => {
  it('shows float16 as the numbers its bits stand for, never the raw bits', () => {
    const bits = encodeHalf([5.1, 3.5, 1.4, 0.2, -0, Infinity, NaN]);
    expect(Array.from(bits.subarray(0, 2))).toEqual([0x451a, 0x4300]);
    expect(valueTexts({ dtype: 'float16', dims: [7], data: bits })).toEqual(['5.1', '3.5', '1.4', '0.2', '0', 'Infinity', 'NaN']);
  });

  it('keeps int64 and uint64 beyond 2^53 exact, and shows bool as true/false', () => {
    const big = 2n ** 62n + 1n;
    expect(valueTexts({ dtype: 'int64', dims: [2], data: BigInt64Array.of(big, -big) })).toEqual(['4611686018427387905', '-4611686018427387905']);
    expect(valueTexts({ dtype: 'uint64', dims: [1], data: BigUint64Array.of(2n ** 64n - 1n) })).toEqual(['18446744073709551615']);
    expect(valueTexts({ dtype: 'bool', dims: [3], data: Uint8Array.of(1, 0, 1) })).toEqual(['true', 'false', 'true']);
    expect(valueTexts({ dtype: 'string', dims: [2], data: ['a', 'b"c'] }, 5)).toEqual(['"a"', '"b\\"c"']);
    expect(valueTexts({ dtype: 'float32', dims: [3], data: Float32Array.of(0.1, 2, -3.5) }, 2)).toEqual(['0.1', '2']);
  });

  it('shows an fp16 model’s float16 output as the same numbers as its float32 cast (both written by onnxruntime-node)', () => {
    const read = (file: string) => {
      const r = decodeTensorProto(new Uint8Array(readFileSync(new URL(`fp16-add/test_data_set_0/${file}`, FIXTURES))), file);
      if (!r.ok) throw new Error(r.error.message);
      return r.value.tensor;
    };
    const y = read('output_0.pb');
    const y32 = read('output_1.pb');
    expect([y.dtype, y32.dtype]).toEqual(['float16', 'float32']);
    // Each text reads back as exactly the float16 that onnxruntime-node computed.
    expect(valueTexts(y).map((t) => Math.fround(numberOfHalfBits(halfBitsOf(Number(t)))))).toEqual(Array.from(y32.data as Float32Array));
    expect(valueTexts(y).slice(0, 4)).toEqual(['5.6', '2.5', '3.4', '0.325']);
    expect(summarizeTensor('y', y, 'output_0.pb').first).toEqual(valueTexts(y).slice(0, 8));
  });
});
