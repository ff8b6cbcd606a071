import { describe, expect, it } from 'vitest';
import { seededRandom, tensorValues } from './host-tensor';
import { integerRange } from './feed-limits';
import { fitToDType, pixelTensor, randomPixelTensor } from './pixel-tensor';

describe('pixel values in a dtype', () => {
  it('knows what each integer dtype holds, and that floats have no such range', () => {
    expect(integerRange('int8')).toEqual({ min: -128, max: 127 });
    expect(integerRange('uint8')).toEqual({ min: 0, max: 255 });
    expect(integerRange('uint16')).toEqual({ min: 0, max: 65535 });
    expect(integerRange('bool')).toEqual({ min: 0, max: 1 });
    expect(integerRange('float16')).toBeNull();
    expect(integerRange('float64')).toBeNull();
  });

  it('rounds and clamps integers instead of wrapping them', () => {
    expect(fitToDType('int8', 255)).toBe(127);
    expect(fitToDType('int8', -300)).toBe(-128);
    expect(fitToDType('uint8', 255.4)).toBe(255);
    expect(fitToDType('uint8', 300)).toBe(255);
    expect(fitToDType('uint8', -1)).toBe(0);
    expect(fitToDType('float32', 300.25)).toBe(300.25);
  });

  it('builds each dtype’s own array: int8 saturates, float16 is encoded, float64 stays 64-bit', () => {
    const int8 = pixelTensor('int8', [1, 3], [0, 127.6, 255]);
    expect(int8.data).toBeInstanceOf(Int8Array);
    expect([...(int8.data as Int8Array)]).toEqual([0, 127, 127]);
    const half = pixelTensor('float16', [1, 2], [0.5, 255]);
    expect(half.data).toBeInstanceOf(Uint16Array);
    expect(tensorValues(half)).toEqual([0.5, 255]);
    expect(pixelTensor('float64', [1], [0.1]).data).toBeInstanceOf(Float64Array);
    expect(tensorValues(pixelTensor('int64', [1, 2], [-1.6, 300]))).toEqual([-2n, 300n]);
  });
});

describe('random pixels', () => {
  it('spreads uint8 pixels over the whole 0–255 scale, whole numbers', () => {
    const t = randomPixelTensor('uint8', [1, 3, 16, 16], { min: 0, max: 255 }, seededRandom(1));
    const values = [...(t.data as Uint8Array)];
    expect(t.data).toBeInstanceOf(Uint8Array);
    expect(Math.max(...values)).toBeGreaterThan(200);
    expect(Math.min(...values)).toBeLessThan(50);
  });

  it('reaches both ends of an integer scale', () => {
    const t = randomPixelTensor('int8', [1, 1000], { min: 0, max: 127 }, seededRandom(2));
    const values = [...(t.data as Int8Array)];
    expect(Math.min(...values)).toBe(0);
    expect(Math.max(...values)).toBe(127);
  });

  it('keeps an integer draw within the dtype when the scale goes beyond it', () => {
    const values = [...(randomPixelTensor('int8', [1, 500], { min: 0, max: 255 }, seededRandom(3)).data as Int8Array)];
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBe(127);
  });

  it('gives float16 and float64 inputs values over the scale in their own arrays', () => {
    const half = randomPixelTensor('float16', [1, 3, 4, 4], { min: 0, max: 255 }, seededRandom(4));
    expect(half.data).toBeInstanceOf(Uint16Array);
    expect(half.data.length).toBe(48);
    const halves = tensorValues(half).map(Number);
    expect(Math.max(...halves)).toBeGreaterThan(100);
    expect(Math.max(...halves)).toBeLessThanOrEqual(255);
    const double = randomPixelTensor('float64', [1, 3, 4, 4], { min: -1, max: 1 }, seededRandom(5));
    expect(double.data).toBeInstanceOf(Float64Array);
    expect(Math.min(...(double.data as Float64Array))).toBeGreaterThanOrEqual(-1);
    expect(Math.min(...(double.data as Float64Array))).toBeLessThan(0);
  });
});
