import { describe, expect, it } from 'vitest';
import { percentile, percentileOfSorted, sortAscending } from './percentile';

describe('percentile (linear interpolation, type 7)', () => {
  it('matches hand-computed values on 1, 2, 3, 4', () => {
    const x = [1, 2, 3, 4];
    expect(percentileOfSorted(x, 0)).toBe(1);
    expect(percentileOfSorted(x, 50)).toBeCloseTo(2.5, 12); // h = 1.5
    expect(percentileOfSorted(x, 95)).toBeCloseTo(3.85, 12); // h = 2.85
    expect(percentileOfSorted(x, 99)).toBeCloseTo(3.97, 12); // h = 2.97
    expect(percentileOfSorted(x, 100)).toBe(4);
  });

  it('matches the textbook example 15, 20, 35, 40, 50', () => {
    expect(percentileOfSorted([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 12); // 20 + 0.6 × 15
    expect(percentileOfSorted([15, 20, 35, 40, 50], 50)).toBe(35);
  });

  it('sorts unsorted samples first and leaves them unchanged', () => {
    const samples = [9, 1, 5, 3, 7];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 25)).toBe(3);
    expect(samples).toEqual([9, 1, 5, 3, 7]);
    expect([...sortAscending(samples)]).toEqual([1, 3, 5, 7, 9]);
  });

  it('handles one sample, no sample and out-of-range p', () => {
    expect(percentile([4.2], 99)).toBe(4.2);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1, 2], 101)).toThrow(RangeError);
    expect(() => percentile([1, 2], Number.NaN)).toThrow(RangeError);
  });
});
