import { describe, expect, it } from 'vitest';
import {
  elementCount,
  fromNumbers,
  fromPayload,
  randomTensor,
  resolveDims,
  seededRandom,
  symbolicDims,
  tensorValues,
  toPayload,
  transferablesOf,
  type HostTensor,
} from './host-tensor';
import { numberOfHalfBits } from '../tensors/float16';

const halfToNumber = numberOfHalfBits;

describe('randomTensor', () => {
  it('gives int64 as a BigInt64Array of integers in [0, 10)', () => {
    const t = randomTensor('int64', [4, 25], seededRandom(1));
    expect(t.data).toBeInstanceOf(BigInt64Array);
    expect(t.data).toHaveLength(100);
    const values = [...(t.data as BigInt64Array)];
    expect(values.every((v) => v >= 0n && v < 10n)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(5);
  });

  it('gives bool as 0/1 bytes with both values present', () => {
    const t = randomTensor('bool', [200], seededRandom(2));
    expect(t.data).toBeInstanceOf(Uint8Array);
    expect(new Set(t.data as Uint8Array)).toEqual(new Set([0, 1]));
  });

  it('gives float32 in [0, 1), strings, and matching typed arrays for every numeric dtype', () => {
    const f = randomTensor('float32', [2, 3], seededRandom(3));
    expect(f.data).toBeInstanceOf(Float32Array);
    expect([...(f.data as Float32Array)].every((v) => v >= 0 && v < 1)).toBe(true);
    const s = randomTensor('string', [3], seededRandom(3));
    expect(s.data).toHaveLength(3);
    expect((s.data as string[]).every((v) => /^s\d$/.test(v))).toBe(true);
    expect(randomTensor('uint64', [1], seededRandom(3)).data).toBeInstanceOf(BigUint64Array);
    expect(randomTensor('float64', [1], seededRandom(3)).data).toBeInstanceOf(Float64Array);
    expect(randomTensor('int8', [1], seededRandom(3)).data).toBeInstanceOf(Int8Array);
  });

  it('is reproducible for one seed and differs across seeds', () => {
    const a = randomTensor('float32', [1, 64], seededRandom(42));
    const b = randomTensor('float32', [1, 64], seededRandom(42));
    const c = randomTensor('float32', [1, 64], seededRandom(43));
    expect(b.data).toEqual(a.data);
    expect(c.data).not.toEqual(a.data);
    expect(seededRandom(7)()).toBe(seededRandom(7)());
  });

  it('writes float16 bits whose values stay within [0, 1] and near the drawn number', () => {
    const drawn = [0, 0.5, 0.25, 0.1, 0.3333, 0.9999, 2 ** -14, 1e-5, 1e-6];
    let i = 0;
    const t = randomTensor('float16', [drawn.length], () => drawn[i++]!);
    expect(t.data).toBeInstanceOf(Uint16Array);
    const values = [...(t.data as Uint16Array)].map(halfToNumber);
    values.forEach((v, k) => {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
      // Half precision: 11 significant bits, subnormals in steps of 2^-24.
      expect(Math.abs(v - drawn[k]!)).toBeLessThanOrEqual(Math.max(drawn[k]! * 2 ** -11, 2 ** -25));
    });
    expect(values.slice(0, 3)).toEqual([0, 0.5, 0.25]);
  });
});

describe('resolveDims and symbolicDims', () => {
  it('keeps fixed sizes and gives symbolic or unknown ones the chosen value, else 1', () => {
    expect(resolveDims(['batch', 3, 'seq', -1], { batch: 8 })).toEqual([8, 3, 1, 1]);
    expect(resolveDims([0, 'n'], { n: 5 })).toEqual([0, 5]);
    expect(resolveDims(null)).toEqual([1]);
    expect(resolveDims([])).toEqual([]);
  });

  it('lists each symbolic name once', () => {
    expect(symbolicDims([{ name: 'a', dtype: 'float32', shape: ['batch', 4] }, { name: 'b', dtype: 'int64', shape: ['batch', 'seq'] }, { name: 'c', dtype: 'unknown', shape: null }])).toEqual(['batch', 'seq']);
  });
});

describe('toPayload / fromPayload', () => {
  it('round-trips every numeric dtype through transferable bytes', () => {
    const cases: HostTensor[] = [
      { dtype: 'float32', dims: [2, 2], data: Float32Array.of(1.5, -2, 3.25, 0) },
      { dtype: 'float64', dims: [1], data: Float64Array.of(Math.PI) },
      { dtype: 'int64', dims: [3], data: BigInt64Array.of(-1n, 2n ** 40n, 0n) },
      { dtype: 'uint8', dims: [2], data: Uint8Array.of(0, 255) },
      { dtype: 'bool', dims: [2], data: Uint8Array.of(1, 0) },
      { dtype: 'int32', dims: [1, 1], data: Int32Array.of(-7) },
    ];
    for (const tensor of cases) {
      const payload = toPayload(tensor);
      expect(payload.data).toBeInstanceOf(ArrayBuffer);
      const back = fromPayload(payload);
      expect(back.dtype).toBe(tensor.dtype);
      expect(back.dims).toEqual(tensor.dims);
      expect(back.data).toEqual(tensor.data);
      expect(back.data.constructor).toBe(tensor.data.constructor);
    }
  });

  it('copies only the viewed part of a shared buffer', () => {
    const big = Float32Array.of(9, 1, 2, 3, 9);
    const payload = toPayload({ dtype: 'float32', dims: [3], data: big.subarray(1, 4) });
    expect((payload.data as ArrayBuffer).byteLength).toBe(12);
    expect(payload.data).not.toBe(big.buffer);
    expect([...(fromPayload(payload).data as Float32Array)]).toEqual([1, 2, 3]);
  });

  it('hands over a copy, so transferring the payload leaves the caller’s tensor intact', () => {
    const data = Float32Array.of(1, 2);
    const payload = toPayload({ dtype: 'float32', dims: [2], data });
    expect(payload.data).not.toBe(data.buffer);
    expect([...new Float32Array(payload.data as ArrayBuffer)]).toEqual([1, 2]);
    structuredClone(payload.data, { transfer: [payload.data as ArrayBuffer] });
    expect([...data]).toEqual([1, 2]);
  });

  it('round-trips strings as a copied array', () => {
    const data = ['a', 'b'];
    const payload = toPayload({ dtype: 'string', dims: [2], data });
    expect(payload.data).toEqual(['a', 'b']);
    expect(payload.data).not.toBe(data);
    expect(fromPayload(payload)).toEqual({ dtype: 'string', dims: [2], data: ['a', 'b'] });
  });

  it('lists each buffer to transfer once', () => {
    const a = toPayload({ dtype: 'float32', dims: [1], data: Float32Array.of(1) });
    const s = toPayload({ dtype: 'string', dims: [1], data: ['x'] });
    expect(transferablesOf([a, a, s])).toEqual([a.data]);
  });
});

describe('numbers', () => {
  it('converts between plain numbers and typed data', () => {
    expect(fromNumbers('int64', [1.9, -2.9, true])).toEqual(BigInt64Array.of(1n, -2n, 1n));
    expect(tensorValues({ dtype: 'int64', dims: [2], data: BigInt64Array.of(3n, -4n) })).toEqual([3n, -4n]);
    expect(tensorValues({ dtype: 'float32', dims: [3], data: Float32Array.of(1, 2, 3) }, 2)).toEqual([1, 2]);
    expect(elementCount([2, 3, 4])).toBe(24);
    expect(elementCount([])).toBe(1);
  });

  it('fills float16 from numbers as half-float bits, and shows them as numbers again', () => {
    const h = fromNumbers('float16', [5.1, 3.5, 1.4, 0.2]);
    expect(Array.from(h as Uint16Array, (b) => b.toString(16))).toEqual(['451a', '4300', '3d9a', '3266']);
    expect(tensorValues({ dtype: 'float16', dims: [4], data: h })).toEqual([5.1015625, 3.5, 1.400390625, 0.199951171875]);
    expect(tensorValues({ dtype: 'int64', dims: [1], data: BigInt64Array.of(2n ** 62n + 1n) })).toEqual([2n ** 62n + 1n]);
    expect(tensorValues({ dtype: 'string', dims: [2], data: ['a', 'b'] }, 1)).toEqual(['a']);
  });
});
