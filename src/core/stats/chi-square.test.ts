import { describe, expect, it } from 'vitest';
import { chiSquareQuantile, chiSquareSurvival } from './chi-square';

describe('chi-square', () => {
  it('matches scipy.stats.chi2', () => {
    // scipy 1.10: chi2.ppf(0.95, [1, 2, 9, 20]); chi2.sf([3, 15.5, 40], [2, 9, 20]).
    expect(chiSquareQuantile(0.95, 1)).toBeCloseTo(3.84145882, 6);
    expect(chiSquareQuantile(0.95, 2)).toBeCloseTo(5.99146455, 6);
    expect(chiSquareQuantile(0.95, 9)).toBeCloseTo(16.9189776, 6);
    expect(chiSquareQuantile(0.95, 20)).toBeCloseTo(31.41043284, 6);
    expect(chiSquareSurvival(3, 2)).toBeCloseTo(0.22313016, 8);
    expect(chiSquareSurvival(15.5, 9)).toBeCloseTo(0.07808599, 8);
    expect(chiSquareSurvival(40, 20)).toBeCloseTo(0.00499541, 8);
  });
});
