import { describe, expect, it } from 'vitest';
import type { TensorSpec } from '../protocol/tensor';
import { shapeProblem, tensorFromJsonText, tensorFromNpy, tensorToJsonText } from './tensor-input';

const spec: TensorSpec = { name: 'x', dtype: 'float32', shape: ['batch', 2, 3] };

/** A .npy file as numpy.save writes it (format 1.0). */
function npy(descr: string, shape: number[], body: ArrayBuffer, fortran = false): Uint8Array {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  while ((10 + header.length + 1) % 64 !== 0) header += ' ';
  header += '\n';
  const out = new Uint8Array(10 + header.length + body.byteLength);
  out.set([0x93, ...new TextEncoder().encode('NUMPY'), 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(new TextEncoder().encode(header), 10);
  out.set(new Uint8Array(body), 10 + header.length);
  return out;
}

describe('tensorFromJsonText', () => {
  it('reads nested arrays, adds a missing batch dimension, and round-trips', () => {
    const r = tensorFromJsonText('[[1, 2, 3], [4, 5, 6]]', spec, [1, 2, 3]);
    expect(r).toEqual({ ok: true, value: { dtype: 'float32', dims: [1, 2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) } });
    if (r.ok) expect(tensorFromJsonText(tensorToJsonText(r.value), spec, [1, 2, 3])).toEqual(r);
    expect(tensorFromJsonText('{"inputs": {"x": [[[1, 2, 3], [4, 5, 6]]]}}', spec, [1, 2, 3]).ok).toBe(true);
  });

  it('names the input and the rule when the shape, the values or the JSON are wrong', () => {
    const message = (text: string, expected = [1, 2, 3]): string => {
      const r = tensorFromJsonText(text, spec, expected);
      if (r.ok) throw new Error('expected a failure');
      return r.error.message;
    };
    expect(message('[[1, 2], [3, 4]]')).toBe('“x” has size 2 in dimension 2 [1, 2, 2], but the model fixes it at 3 [batch, 2, 3] (in the JSON).');
    expect(message('[[[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]]]')).toBe('“x” has batch = 2 [2, 2, 3], but batch is set to 1 for this run; change batch or the data.');
    expect(message('[[1, 2, "NaN"], [4, 5, 6]]')).toBe('The JSON for “x” holds NaN at element 2: NaN and ±Infinity cannot be given to a model here.');
    expect(message('[[1, 2, "a"], [4, 5, 6]]')).toBe('“x” is float32, but element 2 in the JSON is "a".');
    expect(message('[[1, 2, 3], [4, 5]]')).toBe('The tensor in the JSON is not rectangular: at [1] there are 2 values where the first row has 3.');
    expect(message('[[1, 2,')).toBe('the JSON is not valid JSON (line 1, column 8: Array item expected but reached end of input).');
    expect(message('[1, 2, 3]')).toBe('“x” has 1 dimensions [3], but the model expects 3: [batch, 2, 3] (in the JSON).');
  });

  it('fills float16 with half-float bits, keeps int64 exact, and writes both back as they were typed', () => {
    const half: TensorSpec = { name: 'h', dtype: 'float16', shape: ['b', 4] };
    const h = tensorFromJsonText('[[5.1, 3.5, 1.4, 0.2]]', half, [1, 4]);
    expect(h.ok && Array.from(h.value.data as Uint16Array, (b) => b.toString(16))).toEqual(['451a', '4300', '3d9a', '3266']);
    if (h.ok) expect(tensorToJsonText(h.value)).toBe('[\n [5.1, 3.5, 1.4, 0.2]\n]');
    const ids: TensorSpec = { name: 'ids', dtype: 'int64', shape: [2] };
    const i = tensorFromJsonText('[9007199254740993, -9223372036854775808]', ids, [2]);
    expect(i.ok && Array.from(i.value.data as BigInt64Array)).toEqual([9007199254740993n, -9223372036854775808n]);
    if (i.ok) expect(tensorToJsonText(i.value)).toBe('[9007199254740993, -9223372036854775808]');
    const picked = tensorFromJsonText('{"inputs": {"ids": [1, 2], "mask": [1, 1]}}', ids, [2]);
    expect(picked.ok && Array.from(picked.value.data as BigInt64Array)).toEqual([1n, 2n]);
  });

  it('fills int64 and bool inputs, and refuses fractions for integers', () => {
    const ints: TensorSpec = { name: 'ids', dtype: 'int64', shape: ['b', 2] };
    expect(tensorFromJsonText('[[1, 2]]', ints, [1, 2])).toEqual({ ok: true, value: { dtype: 'int64', dims: [1, 2], data: BigInt64Array.of(1n, 2n) } });
    expect(tensorFromJsonText('[[1.5, 2]]', ints, [1, 2]).ok).toBe(false);
    expect(tensorFromJsonText('[[true, false]]', { name: 'm', dtype: 'bool', shape: ['b', 2] }, [1, 2])).toEqual({ ok: true, value: { dtype: 'bool', dims: [1, 2], data: Uint8Array.of(1, 0) } });
  });

  it('reports shape problems against fixed and chosen dimensions', () => {
    expect(shapeProblem(spec, [1, 2, 3], [1, 2, 3])).toBeNull();
    expect(shapeProblem({ name: 'y', dtype: 'float32', shape: null }, [5], [1])).toBeNull();
  });
});

describe('tensorFromNpy', () => {
  it('reads float64 and int64 arrays, converting to the input’s dtype', () => {
    const f = tensorFromNpy(npy('<f8', [1, 2, 3], Float64Array.of(1, 2, 3, 4, 5, 6).buffer), spec, [1, 2, 3]);
    expect(f).toEqual({ ok: true, value: { dtype: 'float32', dims: [1, 2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) } });
    const i = tensorFromNpy(npy('<i8', [2], BigInt64Array.of(7n, -1n).buffer), { name: 'n', dtype: 'int64', shape: [2] }, [2]);
    expect(i).toEqual({ ok: true, value: { dtype: 'int64', dims: [2], data: BigInt64Array.of(7n, -1n) } });
  });

  it('reads big-endian and Fortran-ordered arrays', () => {
    const be = new DataView(new ArrayBuffer(24));
    [1, 2, 3, 4, 5, 6].forEach((v, k) => be.setFloat32(k * 4, v, false));
    expect(tensorFromNpy(npy('>f4', [1, 2, 3], be.buffer), spec, [1, 2, 3])).toEqual({ ok: true, value: { dtype: 'float32', dims: [1, 2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) } });
    // Column-major [[1, 2, 3], [4, 5, 6]] is stored 1, 4, 2, 5, 3, 6.
    expect(tensorFromNpy(npy('<f4', [1, 2, 3], Float32Array.of(1, 4, 2, 5, 3, 6).buffer, true), spec, [1, 2, 3])).toEqual({ ok: true, value: { dtype: 'float32', dims: [1, 2, 3], data: Float32Array.of(1, 2, 3, 4, 5, 6) } });
  });

  it('refuses what it cannot read, saying why', () => {
    const message = (bytes: Uint8Array): string => {
      const r = tensorFromNpy(bytes, spec, [1, 2, 3]);
      if (r.ok) throw new Error('expected a failure');
      return r.error.message;
    };
    expect(message(Uint8Array.of(1, 2, 3))).toMatch(/not a NumPy .npy file/);
    expect(message(npy('<f4', [1, 2, 3], new ArrayBuffer(8)))).toMatch(/truncated/);
    expect(message(npy('<f4', [1, 3, 2], new ArrayBuffer(24)))).toBe('“x” has size 3 in dimension 1 [1, 3, 2], but the model fixes it at 2 [batch, 2, 3] (in the .npy file).');
    expect(message(npy('<f4', [1, 2, 3], Float32Array.of(1, 2, NaN, 4, 5, 6).buffer))).toMatch(/NaN/);
  });
});
