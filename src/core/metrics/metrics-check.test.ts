import { describe, expect, it } from 'vitest';
import { classificationMetrics } from './classification';
import { coverageHeading, coverageNotes, type MetricsCoverage } from './coverage';
import { comparisonResult, formatTolerance, headlineMetrics, recordedMetricsVerdict } from './metrics-check';
import type { MetricComparison } from './recorded';
import { regressionMetrics } from './regression';

const comparison = (patch: Partial<MetricComparison>): MetricComparison => ({ key: 'accuracy', label: 'Accuracy', recorded: 0.9, measured: 0.9, decimals: 2, status: 'reproduced', difference: 0, tolerance: 0.005, toleranceBasis: 'printed', ...patch });
const ALL: MetricsCoverage = { task: 'classification', labelled: 10, measured: 10, unknownLabel: 0, nonFinite: 0 };

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
  it('says within which tolerance of the recorded figure, by how much beyond it, or not computed', () => {
    expect(comparisonResult(comparison({}))).toBe('reproduced: within ±0.005 of the recorded 0.9');
    expect(comparisonResult(comparison({ recorded: 0.9111, measured: 0.91112, tolerance: 0.00005, decimals: 4 }))).toBe('reproduced: within ±0.00005 of the recorded 0.9111');
    expect(comparisonResult(comparison({ status: 'differs', difference: 0.0312 }))).toBe('differs by +0.0312: more than ±0.005');
    expect(comparisonResult(comparison({ status: 'differs', difference: -0.123456, decimals: 5, tolerance: 0.000005 }))).toBe('differs by -0.12346: more than ±0.000005');
    expect(comparisonResult(comparison({ recorded: 1, status: 'differs', difference: -0.04, decimals: 1, toleranceBasis: 'coarse' }))).toBe('differs by -0.0400: more than ±0.005 (the recorded figure shows too few decimals to check more closely)');
    expect(comparisonResult(comparison({ recorded: 0.13720932349311013, tolerance: 1.372e-7, toleranceBasis: 'float32', decimals: 17 }))).toBe('reproduced: within ±1.4e-7 (float32 rounding) of the recorded 0.13720932349311013');
    expect(comparisonResult(comparison({ status: 'not-computed', measured: null, difference: null, tolerance: null, toleranceBasis: null }))).toBe('not computed here');
  });
  it('prints tolerances with two significant digits', () => {
    expect([0.5, 0.005, 0.00005, 0.0005, 1.372e-7, 0.06].map(formatTolerance)).toEqual(['0.5', '0.005', '0.00005', '0.0005', '1.4e-7', '0.06']);
  });
});

describe('recordedMetricsVerdict', () => {
  it('has no verdict when nothing could be computed', () => {
    expect(recordedMetricsVerdict([comparison({ status: 'not-computed' })], true, ALL)).toBeNull();
  });
  it('reproduced only when every computed metric is, naming the tolerance of each', () => {
    expect(recordedMetricsVerdict([comparison({}), comparison({ status: 'not-computed' })], true, ALL)).toEqual({
      reproduced: true,
      text: 'Every recorded metric is reproduced (Accuracy within ±0.005 of 0.9): the package holds everything the model needs.',
    });
    expect(recordedMetricsVerdict([comparison({})], false, ALL)?.text).toBe('Every recorded metric is reproduced (Accuracy within ±0.005 of 0.9).');
  });
  it('reads a gap as skew on the evaluation set, as expected on other data', () => {
    const differs = [comparison({}), comparison({ status: 'differs', difference: 0.1 })];
    expect(recordedMetricsVerdict(differs, true, ALL)?.text).toMatch(/training–serving skew/);
    expect(recordedMetricsVerdict(differs, false, ALL)).toEqual({ reproduced: false, text: 'Your file gives other figures than the recorded ones, as expected for other data.' });
  });
  it('gives no verdict on metrics that leave labelled rows out, and says how many and why', () => {
    const subset: MetricsCoverage = { task: 'regression', labelled: 10, measured: 7, unknownLabel: 1, nonFinite: 2 };
    const verdict = recordedMetricsVerdict([comparison({})], true, subset)!;
    expect(verdict.reproduced).toBe(false);
    expect(verdict.text).toBe(
      'No verdict on the recorded metrics: the measured ones cover 7 of 10 labelled rows (left out: 2 with a NaN or infinite prediction, 1 with a label the model cannot read), and the recorded ones cover them all. Fix the rows left out (see above) and score the file again.',
    );
    expect(verdict.text).not.toMatch(/reproduced|holds everything/);
  });
});

describe('coverage', () => {
  it('heads the metrics with the rows they cover', () => {
    expect(coverageHeading(ALL)).toBe('Metrics on 10 labelled rows');
    expect(coverageHeading({ ...ALL, measured: 7, unknownLabel: 3 })).toBe('Metrics on 7 of 10 labelled rows');
  });
  it('says how many labelled rows were left out, why, and what to do', () => {
    expect(coverageNotes(ALL)).toEqual([]);
    expect(coverageNotes({ ...ALL, measured: 7, unknownLabel: 3 })).toEqual([
      '3 labelled rows left out: their label is not one of the model’s classes. Spell the labels as the classes are named, or as class indices from 0.',
    ]);
    const regression = coverageNotes({ task: 'regression', labelled: 3, measured: 1, unknownLabel: 1, nonFinite: 1 });
    expect(regression[0]).toBe('1 labelled row left out: its label is not a number. Write the label column as plain decimals (a point, not a comma; no units).');
    expect(regression[1]).toMatch(/^1 labelled row left out: the model predicted NaN or ±Infinity for it\. Look for those rows/);
  });
});
