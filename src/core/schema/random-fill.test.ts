import { describe, expect, it } from 'vitest';
import { seededRandom, tensorValues } from './host-tensor';
import { isRandomFill, randomFill } from './random-fill';

describe('random fills', () => {
  it('gives an image input pixels over its scale, and says so', () => {
    const fill = randomFill('uint8', [2, 3, 4, 4], { min: 0, max: 255 }, seededRandom(1));
    expect(fill.source).toBe('random uint8 pixels from 0 to 255 (96)');
    expect(Math.max(...tensorValues(fill.tensor).map(Number))).toBeGreaterThan(9);
    expect(isRandomFill(fill.source)).toBe(true);
  });

  it('encodes a float16 image input’s pixels as half floats', () => {
    const fill = randomFill('float16', [1, 3, 4, 4], { min: 0, max: 1 }, seededRandom(2));
    expect(fill.tensor.data).toBeInstanceOf(Uint16Array);
    expect(fill.tensor.data.length).toBe(48);
    const values = tensorValues(fill.tensor).map(Number);
    expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('gives other inputs the dtype’s usual random values', () => {
    const fill = randomFill('unknown', [1, 1000], null, seededRandom(3));
    expect(fill.source).toBe('random float32 values (1,000)');
    expect(fill.tensor.dtype).toBe('float32');
    expect(isRandomFill('seeded random float32 values')).toBe(false);
  });
});
