import { describe, expect, it } from 'vitest';
import { classificationMetrics } from './classification';
import { comparisonResult, headlineMetrics, recordedMetricsVerdict } from './metrics-check';
import type { MetricComparison } from './recorded';
import { regressionMetrics } from './regression';

const comparison = (patch: Partial<MetricComparison>): MetricComparison => ({ key: 'accuracy', label: 'Accuracy', recorded: 0.9, measured: 0.9, decimals: 2, status: 'reproduced', difference: 0, ...patch });

describe('headlineMetrics', () => {
  it('gives accuracy and macro F1 for a classifier, RMSE, MAE and R² for a regressor, nothing without labels', () => {
    const c = classificationMetrics([0, 1, 1, 0], [0, 1, 0, 0], 2);
    expect(headlineMetrics(c, null)).toEqual([
      ['Accuracy', 0.75],
      ['F1 (macro)', c.f1Macro],
    ]);
    const r = regressionMetrics([1, 2, 3], [1, 2, 4]);
    expect(headlineMetrics(null, r).map(([name]) => name)).toEqual(['RMSE', 'MAE', 'R²']);
    expect(headlineMetrics(null, r)[1]![1]).toBeCloseTo(1 / 3, 12);
    expect(headlineMetrics(null, null)).toEqual([]);
  });
});

describe('comparisonResult', () => {
  it('says reproduced, the signed difference at ≥ 4 decimals, or not computed', () => {
    expect(comparisonResult(comparison({}))).toBe('reproduced');
    expect(comparisonResult(comparison({ status: 'differs', difference: 0.0312 }))).toBe('differs by +0.0312');
    expect(comparisonResult(comparison({ status: 'differs', difference: -0.123456, decimals: 5 }))).toBe('differs by -0.12346');
    expect(comparisonResult(comparison({ status: 'not-computed', measured: null, difference: null }))).toBe('not computed here');
  });
});

describe('recordedMetricsVerdict', () => {
  it('has no verdict when nothing could be computed', () => {
    expect(recordedMetricsVerdict([comparison({ status: 'not-computed' })], true)).toBeNull();
  });
  it('reproduced only when every computed metric is', () => {
    expect(recordedMetricsVerdict([comparison({}), comparison({ status: 'not-computed' })], true)).toEqual({ reproduced: true, text: 'Every recorded metric is reproduced to its printed precision: the package holds everything the model needs.' });
    expect(recordedMetricsVerdict([comparison({})], false)?.text).toBe('Every recorded metric is reproduced to its printed precision.');
  });
  it('reads a gap as skew on the evaluation set, as expected on other data', () => {
    const differs = [comparison({}), comparison({ status: 'differs', difference: 0.1 })];
    expect(recordedMetricsVerdict(differs, true)?.text).toMatch(/training–serving skew/);
    expect(recordedMetricsVerdict(differs, false)).toEqual({ reproduced: false, text: 'Your file gives other figures than the recorded ones, as expected for other data.' });
  });
});
