import { describe, expect, it } from 'vitest';
import { recordedMetricsVerdict } from '../metrics/metrics-check';
import { ROW_OK, type ScoredChunk } from './batch-chunk';
import type { BatchPredictions } from './prediction';
import { summarizeBatch } from './batch-summary';

function chunk(truth: string[], predictions: Partial<BatchPredictions> & Pick<BatchPredictions, 'kind'>): ScoredChunk {
  const n = truth.length;
  return {
    start: 0,
    count: n,
    values: { kind: 'lists', rows: truth.map(() => []) },
    truth,
    status: new Uint8Array(n).fill(ROW_OK),
    notes: new Map(),
    predictions: { rows: n, classIndex: new Int32Array(n).fill(-1), className: truth.map(() => ''), confidence: new Float32Array(n), scores: null, classes: [], scoreKind: null, values: null, ...predictions },
  };
}

const regressor = (truth: string[], values: number[]) => chunk(truth, { kind: 'regression', values: Float64Array.from(values) });
const classifier = (truth: string[], classIndex: number[]) => chunk(truth, { kind: 'classification', classes: ['a', 'b'], classIndex: Int32Array.from(classIndex), className: classIndex.map((i) => ['a', 'b'][i] ?? '') });

describe('summarizeBatch: labelled rows left out of the metrics', () => {
  it('counts NaN and infinite regression predictions, and gives no “reproduced” verdict on the rest', () => {
    const s = summarizeBatch([regressor(['1', '2', '3', '4'], [1, NaN, 3, Infinity])], { rmse: 0 });
    expect(s.regression).toMatchObject({ n: 2, rmse: 0 });
    expect(s.coverage).toEqual({ task: 'regression', labelled: 4, measured: 2, unknownLabel: 0, nonFinite: 2 });
    expect(s.comparisons[0]!.status).toBe('reproduced');
    const verdict = recordedMetricsVerdict(s.comparisons, true, s.coverage)!;
    expect(verdict.reproduced).toBe(false);
    expect(verdict.text).toMatch(/cover 2 of 4 labelled rows \(left out: 2 with a NaN or infinite prediction\)/);
  });

  it('counts regression labels that are not numbers', () => {
    const s = summarizeBatch([regressor(['1', 'n/a', '3', ''], [1, 2, 3, 4])], null);
    // A blank label is an unlabelled row, not one left out.
    expect(s.coverage).toEqual({ task: 'regression', labelled: 3, measured: 2, unknownLabel: 1, nonFinite: 0 });
  });

  it('counts class labels that are not among the model’s classes, and gives no “package is complete” verdict', () => {
    const s = summarizeBatch([classifier(['a', 'b', 'c', 'zebra', 'b', '7'], [0, 1, 0, 0, 1, 1])], { accuracy: 1 });
    expect(s.labelled).toBe(3);
    expect(s.classification!.accuracy).toBe(1);
    expect(s.coverage).toEqual({ task: 'classification', labelled: 6, measured: 3, unknownLabel: 3, nonFinite: 0 });
    const verdict = recordedMetricsVerdict(s.comparisons, true, s.coverage)!;
    expect(verdict).toMatchObject({ reproduced: false });
    expect(verdict.text).not.toMatch(/holds everything/);
    expect(verdict.text).toMatch(/cover 3 of 6 labelled rows \(left out: 3 with a label the model cannot read\)/);
  });

  it('covers every labelled row when none is left out, so a verdict may rest on them', () => {
    const s = summarizeBatch([classifier(['a', 'b', '1', ''], [0, 1, 1, 0])], { accuracy: 1 });
    expect(s.coverage).toEqual({ task: 'classification', labelled: 3, measured: 3, unknownLabel: 0, nonFinite: 0 });
    expect(recordedMetricsVerdict(s.comparisons, true, s.coverage)).toMatchObject({ reproduced: true });
  });
});
