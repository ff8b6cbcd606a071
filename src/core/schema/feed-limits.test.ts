import { describe, expect, it } from 'vitest';
import type { TensorDType } from '../protocol/tensor';
import { decodeHalf } from '../tensors/float16';
import { seededRandom } from './host-tensor';
import { rowsToFeeds } from './row-feeds';
import { buildSignature } from './signature';
import { createRowValidator } from './validate-row';

/** Two features, `p` (a float in the metadata) and `q`, each feeding its own input of `dtype`. */
const perFeature = (dtype: TensorDType) =>
  buildSignature({ metadata: { feature_names: ['p', 'q'], feature_types: { p: 'float64', q: 'float64' } }, mlmodel: null, inputs: [{ name: 'p', dtype, shape: ['N', 1] }, { name: 'q', dtype, shape: ['N', 1] }] });
/** The same two features packed into one input of `dtype`. */
const packed = (dtype: TensorDType) => buildSignature({ metadata: { feature_names: ['p', 'q'] }, mlmodel: null, inputs: [{ name: 'x', dtype, shape: ['N', 2] }] });

/** What the model is given: the feeds read back as numbers, in feature order. */
function fed(signature: ReturnType<typeof perFeature>, values: readonly number[]): number[] {
  const feeds = rowsToFeeds(signature, [values]);
  const all = Object.values(feeds).flatMap((t) => (t.dtype === 'float16' ? [...decodeHalf(t.data as Uint16Array)] : Array.from(t.data as ArrayLike<number | bigint>, Number)));
  return all;
}

const EDGES: Partial<Record<TensorDType, { fits: number[]; refused: number[] }>> = {
  int8: { fits: [-128, 127, 0], refused: [-129, 128, 1.5] },
  uint8: { fits: [0, 255], refused: [-1, 256, 0.5] },
  int16: { fits: [-32768, 32767], refused: [-32769, 32768] },
  uint16: { fits: [0, 65535], refused: [-1, 65536] },
  int32: { fits: [-2147483648, 2147483647], refused: [-2147483649, 2147483648, 3e9, 2.7] },
  uint32: { fits: [0, 4294967295], refused: [-1, 4294967296] },
  int64: { fits: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 2 ** 40 + 1], refused: [2 ** 53, -(2 ** 53), 1e18, 2.7] },
  uint64: { fits: [0, Number.MAX_SAFE_INTEGER], refused: [-1, 2 ** 53, 0.5] },
  float32: { fits: [3.4028234663852886e38, -3.4e38, 1e-45, 0.1], refused: [1e39, -1e39, Number.MAX_VALUE] },
  float16: { fits: [65504, -65504, 0.1], refused: [65520, 1e5, -70000] },
  float64: { fits: [Number.MAX_VALUE, 1e39, 2.7, 2 ** 60], refused: [] },
  bool: { fits: [0, 1], refused: [0.5, 2, -1] },
};

describe('a value its input cannot hold', () => {
  it('is refused with a reason, never stored wrapped, cut or turned into Infinity; a value that fits is fed as it is', () => {
    for (const [dtype, { fits, refused }] of Object.entries(EDGES) as [TensorDType, { fits: number[]; refused: number[] }][]) {
      for (const signature of [perFeature(dtype), packed(dtype)]) {
        const validator = createRowValidator(signature);
        for (const v of fits) {
          // Text, as a file gives it, and a number, as a form gives it.
          for (const cell of [String(v), v]) {
            const check = validator.check([cell, '1']);
            expect(check.issues, `${dtype} ${v}`).toEqual([]);
            const got = fed(signature, check.values as number[]);
            // float16 and float32 round to their width; integers and float64 are exact.
            if (dtype === 'float32') expect(got[0]).toBe(Math.fround(v));
            else if (dtype !== 'float16') expect(got[0], `${dtype} ${v}`).toBe(v);
            else expect(Number.isFinite(got[0]!)).toBe(true);
          }
        }
        for (const v of refused) {
          const check = validator.check([String(v), '1']);
          expect(check.runnable, `${dtype} ${v}`).toBe(false);
          expect(check.issues).toHaveLength(1);
          expect(check.issues[0]).toMatchObject({ field: 'p', severity: 'error', rule: 'type' });
          expect(check.issues[0]!.message).toMatch(new RegExp(`${dtype}|whole number|true or false`));
        }
      }
    }
  });

  it('says what would have happened, in words', () => {
    const check = (dtype: TensorDType, cell: string) => createRowValidator(perFeature(dtype)).check(['1', cell]).issues[0]?.message;
    expect(check('int64', '2.7')).toBe('“q” feeds an int64 input, which takes whole numbers: 2.7 would be cut to 2. Give a whole number.');
    expect(check('int64', '9007199254740993')).toMatch(/^“q” is 9,007,199,254,740,992, past 2\^53 − 1 \(9,007,199,254,740,991\)/);
    expect(check('int32', '3000000000')).toBe('“q” is 3,000,000,000, outside what its int32 input holds (-2,147,483,648 to 2,147,483,647). Give a value within that range.');
    expect(check('float32', '1e39')).toBe('“q” is 1e+39, outside what its float32 input holds (-3.4028235e+38 to 3.4028235e+38): it would become Infinity. Give a value within that range.');
  });

  it('is declined by the quick check too: it and the full check agree on every row', () => {
    const random = seededRandom(3);
    for (const [dtype, { fits, refused }] of Object.entries(EDGES) as [TensorDType, { fits: number[]; refused: number[] }][]) {
      const signature = perFeature(dtype);
      const quick = createRowValidator(signature);
      const full = createRowValidator(signature, { fastLane: false });
      const cells = [...fits, ...refused].map(String);
      for (let i = 0; i < 200; i++) {
        const row = [cells[Math.floor(random() * cells.length)]!, cells[Math.floor(random() * cells.length)]!];
        expect(quick.check(row), `${dtype} ${row}`).toEqual(full.check(row));
        const numbers = row.map(Number);
        if (quick.plain) expect(quick.plain(numbers), `${dtype} ${row}`).toBe(full.check(row).issues.length === 0);
      }
    }
  });
});

describe('a category or text feature fed to a numeric input', () => {
  it('is refused when its value is no number (it would be fed as NaN), and fed as its number when it is one', () => {
    for (const type of ['category', 'object', 'string']) {
      const signature = buildSignature({ metadata: { feature_names: ['a', 'b'], feature_types: { b: type } }, mlmodel: null, inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 2] }] });
      const validator = createRowValidator(signature);
      const bad = validator.check(['1.5', '2,5']);
      expect(bad.issues.map((i) => [i.field, i.rule])).toEqual([['b', 'type']]);
      expect(bad.issues[0]!.message).toBe('“b” feeds a float32 input, which takes numbers: “2,5” is not one, and would be fed as NaN. Give a number (a category this model takes as a number is written as one).');
      for (const cell of ['0x10', 'Infinity', 'red']) expect(validator.check(['1', cell]).issues.map((i) => i.rule)).toEqual(['type']);
      const good = validator.check(['1.5', ' 3 ']);
      expect(good.issues).toEqual([]);
      expect(fed(signature, good.values as number[])).toEqual([1.5, 3]);
      // Past the input's limits, as a number would be.
      expect(validator.check(['1', '1e39']).issues[0]!.message).toMatch(/outside what its float32 input holds/);
    }
    // An int64 input per feature: text would have thrown on its way to a BigInt.
    const ints = buildSignature({ metadata: { feature_names: ['c'], feature_types: { c: 'category' } }, mlmodel: null, inputs: [{ name: 'c', dtype: 'int64', shape: ['N', 1] }] });
    expect(createRowValidator(ints).check(['blue']).issues.map((i) => i.rule)).toEqual(['type']);
    expect(createRowValidator(ints).check(['2.5']).issues[0]!.message).toMatch(/takes whole numbers/);
  });
});
