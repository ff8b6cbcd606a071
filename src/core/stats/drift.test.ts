import { describe, expect, it } from 'vitest';
import { kolmogorovSurvival, ksTwoSample, populationStabilityIndex, psiLevel } from './drift';
import { bestUnderBudget, paretoFrontier } from './pareto';

// Samples and expectations from scipy 1.10 (scripted in Python: numpy default_rng(0), rounded to 3 decimals).
const A = [0.126, -0.132, 0.64, 0.105, -0.536, 0.362, 1.304, 0.947, -0.704, -1.265, -0.623, 0.041, -2.325, -0.219, -1.246, -0.732, -0.544, -0.316, 0.412, 1.043, -0.129, 1.366, -0.665, 0.352, 0.903, 0.094, -0.743, -0.922, -0.458, 0.22, -1.01, -0.209, -0.159, 0.541, 0.215, 0.355, -0.654, -0.13, 0.784, 1.493];
const B = [-1.011, 2.317, 2.115, 1.438, 0.817, 0.123, 2.25, 2.852, 2.662, 2.078, 0.929, -0.95, 0.495, 1.288, -1.046, 0.974, 1.016, 1.335, -0.921, -0.294, -0.024, -0.904, 2.587, -0.095, 0.895, 0.19, 2.4, 2.084, 1.26, -2.144];

describe('ksTwoSample', () => {
  it('matches scipy.stats.ks_2samp: statistic exactly, p-value to the asymptotic formula', () => {
    const result = ksTwoSample(A, B);
    expect(result.statistic).toBeCloseTo(0.45, 12);
    // scipy.stats.kstwobign.sf((√en + 0.12 + 0.11/√en)·D) = 0.001170930645859842; ks_2samp(method='asymp') gives 0.00116329.
    expect(result.pValue).toBeCloseTo(0.001170930645859842, 9);
    expect(Math.abs(result.pValue - 0.0011632861449437648) / 0.0011632861449437648).toBeLessThan(0.01);
  });

  it('finds no difference between a sample and itself', () => {
    expect(ksTwoSample(A, A)).toEqual({ statistic: 0, pValue: 1 });
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
    expect(populationStabilityIndex(ref, prod).psi).toBeCloseTo(3.4041141744549024, 10);
  });

  it('grades drift at the seeds’ thresholds', () => {
    expect([0.05, 0.1, 0.11, 0.25, 0.26].map(psiLevel)).toEqual(['none', 'none', 'moderate', 'moderate', 'major']);
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
