import { describe, expect, it } from 'vitest';
import { histogram, suggestedBinCount } from './histogram';

describe('histogram', () => {
  it('puts every sample in one equal-width bin, the last bin closed', () => {
    const bins = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { bins: 5 });
    expect(bins.map((b) => [b.start, b.end, b.count])).toEqual([
      [0, 2, 2],
      [2, 4, 2],
      [4, 6, 2],
      [6, 8, 2],
      [8, 10, 3],
    ]);
  });

  it('gives one bin when all samples are equal, none when there are none', () => {
    expect(histogram([3, 3, 3])).toEqual([{ start: 3, end: 3, count: 3 }]);
    expect(histogram([])).toEqual([]);
  });

  it('counts every sample whatever the bin count', () => {
    const samples = Array.from({ length: 500 }, (_, i) => Math.sin(i) ** 2 * 10 + (i % 7));
    for (const bins of [1, 3, 17, 40]) {
      const h = histogram(samples, { bins });
      expect(h).toHaveLength(bins);
      expect(h.reduce((n, b) => n + b.count, 0)).toBe(500);
    }
  });

  it('chooses the bin count by Freedman–Diaconis, Sturges when the IQR is 0', () => {
    const ramp = Array.from({ length: 100 }, (_, i) => i + 1);
    // range 99, IQR 49.5: width 2 × 49.5 × 100^(−1/3) ≈ 21.33, so ⌈4.64⌉ = 5 bins.
    expect(suggestedBinCount(ramp, 1, 100)).toBe(5);
    // IQR 0: ⌈log2 8⌉ + 1 = 4.
    expect(suggestedBinCount([1, 1, 1, 1, 1, 1, 1, 5], 1, 100)).toBe(4);
    expect(suggestedBinCount([1, 1, 1, 1, 1, 1, 1, 5])).toBe(5); // clamped to the minimum
    expect(suggestedBinCount([7])).toBe(1);
  });
});
