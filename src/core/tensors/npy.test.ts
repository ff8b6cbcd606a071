import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeNpy, encodeNpy } from './npy';
import { halfBitsOf, numberOfHalfBits } from './float16';
import { manifestValues, type ManifestTensor } from './fixtures/manifest';
import type { TensorError } from './tensor-error';

const DIR = 'src/core/tensors/fixtures/npy';
const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as Record<string, ManifestTensor>;
const read = (name: string): Uint8Array => new Uint8Array(readFileSync(`${DIR}/${name}.npy`));

/** The manifest holds float64 values: round them as the file's dtype holds them. */
function expectedValues(entry: ManifestTensor): ManifestTensor['data'] {
  const round = entry.dtype === 'float32' ? Math.fround : entry.dtype === 'float16' ? (v: number) => numberOfHalfBits(halfBitsOf(v)) : (v: number) => v;
  return entry.data.map((v) => (typeof v === 'number' ? round(v) : v));
}

describe('.npy reader', () => {
  const names = readdirSync(DIR).filter((f) => f.endsWith('.npy')).map((f) => f.slice(0, -4));

  it('has a fixture for every case of the manifest', () => {
    expect(names.sort()).toEqual(Object.keys(manifest).sort());
    expect(names.length).toBeGreaterThanOrEqual(30);
  });

  it.each(Object.keys(manifest))('reads %s exactly as numpy wrote it', (name) => {
    const entry = manifest[name]!;
    const read1 = decodeNpy(read(name), `${name}.npy`);
    if (!read1.ok) throw new Error(read1.error.message);
    expect(read1.value.dtype).toBe(entry.dtype);
    expect(read1.value.dims).toEqual(entry.dims);
    expect(manifestValues(read1.value)).toEqual(expectedValues(entry));
  });

  it('keeps int64 and uint64 beyond 2^53 exact', () => {
    const t = decodeNpy(read('int64-big'), 'x.npy');
    expect(t.ok && Array.from(t.value.data as BigInt64Array)).toEqual([2n ** 62n + 1n, -(2n ** 63n), 2n ** 63n - 1n, -1n, 0n, 2n ** 53n + 1n]);
    const u = decodeNpy(read('be-int64'), 'x.npy');
    expect(u.ok && (u.value.data as BigInt64Array)[0]).toBe(2n ** 62n + 1n);
  });

  it('writes files it reads back (every dtype, rank 0, zero-size)', () => {
    for (const name of ['float32', 'float16', 'int64-big', 'uint64-big', 'bool', 'unicode', 'rank0-int64', 'zero-size-float32', 'fortran-float32', 'be-float64']) {
      const first = decodeNpy(read(name), name);
      if (!first.ok) throw new Error(first.error.message);
      const again = decodeNpy(encodeNpy(first.value), name);
      expect(again.ok && again.value).toEqual(first.value);
    }
  });

  it('writes the same bytes as numpy.save for a C-ordered little-endian array', () => {
    const t = decodeNpy(read('float32'), 'f');
    expect(t.ok && Buffer.from(encodeNpy(t.value)).equals(Buffer.from(read('float32')))).toBe(true);
  });

  describe('malformed files', () => {
    const message = (bytes: Uint8Array): TensorError => {
      const r = decodeNpy(bytes, 'bad.npy');
      if (r.ok) throw new Error('read a malformed file');
      return r.error as TensorError;
    };

    it('a truncated file says how many bytes are missing', () => {
      const bytes = read('float32');
      const e = message(bytes.subarray(0, bytes.length - 5));
      expect(e.code).toBe('bad-tensor-file');
      expect(e.file).toBe('bad.npy');
      expect(e.message).toBe('“bad.npy” is truncated: 6 values of <f4 [2, 3] need 24 bytes after the header, but only 19 are there.');
      expect(message(bytes.subarray(0, 40)).message).toMatch(/truncated: its header says \d+ bytes/);
    });

    it('not a .npy, an object array, complex numbers, a structured array, a bad shape', () => {
      expect(message(new TextEncoder().encode('hello world, not numpy')).message).toMatch(/is not a NumPy \.npy file/);
      const patch = (from: string, to: string): Uint8Array => {
        const text = new TextDecoder('latin1').decode(read('float32')).replace(from, to);
        return Uint8Array.from(text, (c) => c.charCodeAt(0));
      };
      expect(message(patch("'<f4'", "'|O8'")).message).toMatch(/holds Python objects/);
      expect(message(patch("'<f4'", "'<c8'")).message).toMatch(/holds complex numbers/);
      expect(message(patch("'descr': '<f4'", "'descr': [('a', '<f4')]")).message).toMatch(/structured array/);
      expect(message(patch("(2, 3)", "(2, -3)")).message).toMatch(/is not a list of sizes/);
    });

    it('refuses a header claiming more elements than a tab can hold, before allocating', () => {
      const text = new TextDecoder('latin1').decode(read('unicode')).replace("'<U5'", "'<U0'").replace('(4,)', '(99999999999,)');
      const e = message(Uint8Array.from(text, (c) => c.charCodeAt(0)));
      expect(e.message).toMatch(/more than the 268,435,456 one tensor may have here/);
    });
  });
});
