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
    expect(message('[[1, 2], [3, 4]]')).toBe('“x” has size 2 in dimension 2 [1, 2, 2], but the model fixes it at 3 [batch, 2, 3].');
    expect(message('[[[1, 2, 3], [4, 5, 6]], [[1, 2, 3], [4, 5, 6]]]')).toBe('“x” has batch = 2 [2, 2, 3], but batch is set to 1 for this run; change batch or the data.');
    expect(message('[[1, 2, "NaN"], [4, 5, 6]]')).toMatch(/holds NaN at element 2: NaN and ±Infinity cannot be given/);
    expect(message('[[1, 2, "a"], [4, 5, 6]]')).toMatch(/holds "a" at element 2, but the input is float32/);
    expect(message('[[1, 2, 3], [4, 5]]')).toMatch(/not a rectangular array/);
    expect(message('[[1, 2,')).toMatch(/not valid \(line 1/);
    expect(message('[1, 2, 3]')).toBe('“x” has 1 dimensions [3], but the model expects 3: [batch, 2, 3].');
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

  it('refuses what it cannot read, saying why', () => {
    const message = (bytes: Uint8Array): string => {
      const r = tensorFromNpy(bytes, spec, [1, 2, 3]);
      if (r.ok) throw new Error('expected a failure');
      return r.error.message;
    };
    expect(message(Uint8Array.of(1, 2, 3))).toMatch(/not a NumPy .npy file/);
    expect(message(npy('>f4', [1, 2, 3], new ArrayBuffer(24)))).toMatch(/big-endian/);
    expect(message(npy('<f4', [1, 2, 3], new ArrayBuffer(24), true))).toMatch(/Fortran/);
    expect(message(npy('<f4', [1, 2, 3], new ArrayBuffer(8)))).toMatch(/truncated/);
    expect(message(npy('<f4', [1, 3, 2], new ArrayBuffer(24)))).toMatch(/size 3 in dimension 1/);
    expect(message(npy('<f4', [1, 2, 3], Float32Array.of(1, 2, NaN, 4, 5, 6).buffer))).toMatch(/NaN/);
  });
});
