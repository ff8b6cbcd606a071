import { describe, expect, it } from 'vitest';
import { chiSquareQuantile } from './chi-square';
import { KS_EXACT_LIMIT, kolmogorovSurvival, ksExactPValue, ksTwoSample, populationStabilityIndex, psiLevel, psiNoise, rowsToTell } from './drift';
import { bestUnderBudget, paretoFrontier } from './pareto';

// Samples and expectations from scipy 1.10 (scripted in Python: numpy default_rng(0), rounded to 3 decimals).
const A = [0.126, -0.132, 0.64, 0.105, -0.536, 0.362, 1.304, 0.947, -0.704, -1.265, -0.623, 0.041, -2.325, -0.219, -1.246, -0.732, -0.544, -0.316, 0.412, 1.043, -0.129, 1.366, -0.665, 0.352, 0.903, 0.094, -0.743, -0.922, -0.458, 0.22, -1.01, -0.209, -0.159, 0.541, 0.215, 0.355, -0.654, -0.13, 0.784, 1.493];
const B = [-1.011, 2.317, 2.115, 1.438, 0.817, 0.123, 2.25, 2.852, 2.662, 2.078, 0.929, -0.95, 0.495, 1.288, -1.046, 0.974, 1.016, 1.335, -0.921, -0.294, -0.024, -0.904, 2.587, -0.095, 0.895, 0.19, 2.4, 2.084, 1.26, -2.144];

describe('ksTwoSample', () => {
  it('matches scipy.stats.ks_2samp(method="exact"): statistic and exact p-value', () => {
    const result = ksTwoSample(A, B);
    expect(result.statistic).toBeCloseTo(0.45, 12);
    expect(result.method).toBe('exact');
    // scipy 1.10: ks_2samp(A, B, method='exact').pvalue
    expect(result.pValue).toBeCloseTo(0.0012654664726545505, 12);
  });

  it('gives small samples their exact p-value, not the asymptotic one (which said 0.033 for 3 vs 3 apart)', () => {
    // scipy 1.10, ks_2samp(…, method='exact'): (statistic, pvalue) for each pair.
    const cases: [number[], number[], number, number][] = [
      [[1, 2, 3], [4, 5, 6], 1, 0.09999999999999999],
      [[1, 2, 3, 4, 5], [3.5, 6, 7], 0.6666666666666666, 0.2857142857142857],
      [[1, 2, 3, 4, 5, 6, 7, 8], [2.5, 9, 10, 11], 0.75, 0.08484848484848485],
      [A.slice(0, 10), B.slice(0, 10), 0.7, 0.012340600575894691],
      [Array.from({ length: 20 }, (_, i) => i), Array.from({ length: 15 }, (_, i) => i + 7.5), 0.4, 0.10191783128372234],
    ];
    for (const [a, b, d, p] of cases) {
      const r = ksTwoSample(a, b);
      expect(r.statistic).toBeCloseTo(d, 12);
      expect(r.pValue).toBeCloseTo(p, 12);
    }
    expect(ksTwoSample([1, 2, 3], [4, 5, 6]).pValue).toBeGreaterThan(0.05);
  });

  it('stays exact up to KS_EXACT_LIMIT, and fast (300 × 200 rows)', () => {
    const a = Array.from({ length: 300 }, (_, i) => ((i * 37) % 300) / 300);
    const b = Array.from({ length: 200 }, (_, j) => (((j * 53) % 200) / 200) * 1.1 + 0.02);
    const r = ksTwoSample(a, b);
    // scipy 1.10: ks_2samp(a, b, method='exact') = (0.11166666666666666, 0.09514476355265436); 'asymp' gives 0.0928.
    expect(r.statistic).toBeCloseTo(0.11166666666666666, 12);
    expect(r.pValue).toBeCloseTo(0.09514476355265436, 9);
    const big = ksTwoSample(new Array(1001).fill(0).map((_, i) => i), new Array(1000).fill(0).map((_, i) => i + 0.5));
    expect(1001 * 1000).toBeGreaterThan(KS_EXACT_LIMIT);
    expect(big.method).toBe('asymptotic');
    expect(ksExactPValue(3, 3, 0)).toBe(1);
  });

  it('finds no difference between a sample and itself', () => {
    expect(ksTwoSample(A, A)).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
  });

  it('leaves NaN out instead of looping for ever', () => {
    const r = ksTwoSample([1, Number.NaN, 2, 3], [4, 5, Number.NaN, 6]);
    expect(r.statistic).toBe(1);
    expect(r.pValue).toBeCloseTo(0.09999999999999999, 12);
    expect(ksTwoSample([Number.NaN], [1]).pValue).toBeNaN();
  });

  it('handles ties across the two samples', () => {
    expect(ksTwoSample([1, 1, 2, 2], [1, 2, 2, 2]).statistic).toBeCloseTo(0.25, 12);
  });

  it('has the Kolmogorov survival function of scipy.stats.kstwobign', () => {
    expect(kolmogorovSurvival(1.0)).toBeCloseTo(0.26999967167735456, 10);
    expect(kolmogorovSurvival(0.5)).toBeCloseTo(0.9639452436648751, 10);
    expect(kolmogorovSurvival(1.36)).toBeCloseTo(0.049485876755377876, 10);
  });
});

describe('populationStabilityIndex', () => {
  const ref = Array.from({ length: 100 }, (_, i) => i + 1);

  it('is 0 for the same distribution, with ten decile bins of 10% each', () => {
    const result = populationStabilityIndex(ref, ref);
    expect(result.psi).toBeCloseTo(0, 12);
    expect(result.bins).toHaveLength(10);
    expect(result.bins.every((b) => Math.abs(b.referenceShare - 0.1) < 1e-12)).toBe(true);
    expect(result.binning).toContain('reference deciles');
  });

  it('matches a numpy computation of the same definition', () => {
    const prod = [...Array.from({ length: 50 }, (_, i) => i + 1), ...Array.from({ length: 50 }, () => 95)];
    // numpy, with half a row added to every bin's count on each side: (c + ½)/(rows + ½·bins).
    expect(populationStabilityIndex(ref, prod).psi).toBeCloseTo(1.7581411492728607, 10);
  });

  it('grades drift at the seeds’ thresholds when chance is no concern', () => {
    expect([0.05, 0.1, 0.11, 0.25, 0.26].map((p) => psiLevel(p))).toEqual(['none', 'none', 'moderate', 'moderate', 'major']);
  });

  it('counts PSI only beyond what sampling noise gives, and says when the rows are too few', () => {
    // χ²₀.₉₅(9) = 16.9189776 (scipy.stats.chi2.ppf); with 50 vs 2,000 rows: 16.92·(1/50 + 1/2000).
    expect(psiNoise(10, 2000, 50)).toBeCloseTo(16.9189776 * (1 / 50 + 1 / 2000), 6);
    expect(psiLevel(0.3, psiNoise(10, 2000, 50))).toBe('unclear');
    expect(psiLevel(0.5, psiNoise(10, 2000, 50))).toBe('major');
    expect(psiLevel(0.05, psiNoise(10, 100_000, 100_000))).toBe('none');
    // Noise alone reaches 0.1 until about 170 production rows against 2,000: 1/(0.1/16.92 − 1/2000).
    expect(rowsToTell(10, 2000)).toBe(Math.ceil(1 / (0.1 / chiSquareQuantile(0.95, 9) - 1 / 2000)));
    expect(rowsToTell(10, 100)).toBe(Number.POSITIVE_INFINITY);
  });

  it('flags about 5 %, not most, of small production samples drawn from the reference’s own law', () => {
    let seed = 2024;
    const uniform = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed + 0.5) / 2 ** 31;
    };
    const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    const reference = Array.from({ length: 2000 }, normal);
    let flagged = 0;
    const trials = 300;
    for (let t = 0; t < trials; t++) {
      const production = Array.from({ length: 50 }, normal);
      const psi = populationStabilityIndex(reference, production);
      const level = psiLevel(psi.psi, psiNoise(psi.bins.length, 2000, 50));
      if (level === 'moderate' || level === 'major') flagged++;
    }
    // The fixed 0.1 threshold flagged 87 % of these.
    expect(flagged / trials).toBeLessThan(0.1);
  });
});

describe('paretoFrontier', () => {
  const models = [
    { id: 'small', metric: 0.9, latencyMs: 1 },
    { id: 'medium', metric: 0.95, latencyMs: 3 },
    { id: 'slow-worse', metric: 0.93, latencyMs: 5 },
    { id: 'large', metric: 0.97, latencyMs: 20 },
    { id: 'tie-slower', metric: 0.9, latencyMs: 2 },
  ];

  it('keeps only the models nothing beats on both accuracy and latency', () => {
    expect(paretoFrontier(models).map((m) => m.id)).toEqual(['small', 'medium', 'large']);
  });

  it('handles metrics where lower is better (RMSE)', () => {
    const rmse = [{ id: 'a', metric: 2, latencyMs: 1 }, { id: 'b', metric: 1, latencyMs: 2 }, { id: 'c', metric: 3, latencyMs: 3 }];
    expect(paretoFrontier(rmse, true).map((m) => m.id)).toEqual(['a', 'b']);
  });

  it('names the best model under a latency budget, or none', () => {
    expect(bestUnderBudget(models, 4).map((m) => m.id)).toEqual(['medium']);
    expect(bestUnderBudget(models, 0.5)).toEqual([]);
  });
});
