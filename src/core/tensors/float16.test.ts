import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeHalf, encodeHalf, halfBitsOf, numberOfHalfBits } from './float16';

const reference = JSON.parse(readFileSync('src/core/tensors/fixtures/float16-reference.json', 'utf8')) as { pairs: [number, number][] };

/** A stand-in for the platform Float16Array built on the converter, to exercise the native code path where Node has none. */
function fakeNative() {
  class Fake extends Array<number> {
    buffer: ArrayBuffer;
    constructor(buffer: ArrayBuffer, byteOffset = 0, length?: number) {
      const bits = new Uint16Array(buffer, byteOffset, length);
      super(...Array.from(bits, numberOfHalfBits));
      this.buffer = buffer;
    }
    static override from(values: ArrayLike<number>): Fake {
      const bits = Uint16Array.from(Array.from(values), halfBitsOf);
      return new Fake(bits.buffer);
    }
  }
  return Fake as unknown as Parameters<typeof encodeHalf>[1] & object;
}

describe('float16', () => {
  it('rounds like numpy.float16, ties to even, on every reference number', () => {
    expect(reference.pairs.length).toBeGreaterThan(1000);
    const wrong = reference.pairs.filter(([v, bits]) => halfBitsOf(v) !== bits).slice(0, 5);
    expect(wrong).toEqual([]);
  });

  it('encodes the numbers users type into their half-float bits, not their integer parts', () => {
    expect(Array.from(encodeHalf([5.1, 3.5, 1.4, 0.2], null), (b) => b.toString(16))).toEqual(['451a', '4300', '3d9a', '3266']);
  });

  it('keeps the signed zero, the infinities, NaN and the edges of the range', () => {
    expect(halfBitsOf(-0)).toBe(0x8000);
    expect(halfBitsOf(0)).toBe(0);
    expect(halfBitsOf(Infinity)).toBe(0x7c00);
    expect(halfBitsOf(-Infinity)).toBe(0xfc00);
    expect(halfBitsOf(NaN)).toBe(0x7e00);
    expect(halfBitsOf(65504)).toBe(0x7bff);
    expect(halfBitsOf(65519.999)).toBe(0x7bff);
    expect(halfBitsOf(65520)).toBe(0x7c00);
    expect(halfBitsOf(2 ** -24)).toBe(1);
    expect(halfBitsOf(2 ** -25)).toBe(0); // a tie between 0 and the smallest subnormal: to even
    expect(halfBitsOf(3 * 2 ** -25)).toBe(2);
    expect(halfBitsOf(2 ** -14 - 2 ** -25)).toBe(0x0400); // rounds up out of the subnormals
    expect(Object.is(numberOfHalfBits(0x8000), -0)).toBe(true);
    expect(numberOfHalfBits(0xfc00)).toBe(-Infinity);
    expect(numberOfHalfBits(0x7e00)).toBeNaN();
    expect(numberOfHalfBits(0x7c01)).toBeNaN();
    expect(numberOfHalfBits(0x0001)).toBe(2 ** -24);
    expect(numberOfHalfBits(0x7bff)).toBe(65504);
  });

  it('round-trips every one of the 65,536 bit patterns (NaNs to a NaN)', () => {
    const all = Uint16Array.from({ length: 65536 }, (_, i) => i);
    const numbers = decodeHalf(all, null);
    const back = encodeHalf(numbers, null);
    for (let i = 0; i < 65536; i++) {
      const nan = (i & 0x7c00) === 0x7c00 && (i & 0x3ff) !== 0;
      if (nan) expect(Number.isNaN(numbers[i])).toBe(true);
      else if (back[i] !== i) throw new Error(`0x${i.toString(16)} came back as 0x${back[i]!.toString(16)}`);
    }
  });

  it('gives the same results through a platform Float16Array as through the converter', () => {
    const native = fakeNative();
    const values = reference.pairs.map(([v]) => v);
    expect(Array.from(encodeHalf(values, native))).toEqual(Array.from(encodeHalf(values, null)));
    const bits = Uint16Array.from({ length: 4096 }, (_, i) => i * 16);
    expect(Array.from(decodeHalf(bits, native))).toEqual(Array.from(decodeHalf(bits, null)));
  });
});
