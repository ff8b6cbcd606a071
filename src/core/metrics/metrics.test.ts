import { describe, expect, it } from 'vitest';
import { classificationMetrics, createClassificationCounter } from './classification';
import { compareRecorded, printedDecimals } from './recorded';
import { regressionMetrics } from './regression';

describe('classificationMetrics (checked by hand)', () => {
  // true 0 0 1 1 2 2 / predicted 0 1 1 1 2 0
  const m = classificationMetrics([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0], 3);

  it('gives accuracy, macro F1 and the confusion matrix', () => {
    expect(m.accuracy).toBeCloseTo(4 / 6, 12);
    // F1 per class: 0.5, 0.8, 2/3.
    expect(m.perClass.map((c) => c.f1)).toEqual([0.5, 0.8, 2 / 3]);
    expect(m.f1Macro).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 12);
    expect(m.precisionMacro).toBeCloseTo((0.5 + 2 / 3 + 1) / 3, 12);
    expect(m.recallMacro).toBeCloseTo((0.5 + 1 + 0.5) / 3, 12);
    expect(m.confusion).toEqual([
      [1, 1, 0],
      [0, 2, 0],
      [1, 0, 1],
    ]);
    expect(m.f1Binary).toBeNull();
  });

  it('averages over the labels present in y_true or y_pred, as scikit-learn does', () => {
    // Class 2 never appears: macro F1 is over {0, 1}.
    const two = classificationMetrics([0, 1, 1, 0], [0, 1, 0, 0], 3);
    expect(two.perClass.map((c) => c.label)).toEqual([0, 1]);
    expect(two.f1Macro).toBeCloseTo((0.8 + 2 / 3) / 2, 12);
    expect(two.f1Binary).toBeCloseTo(2 / 3, 12);
  });
});

describe('regressionMetrics (scikit-learn’s documented example)', () => {
  it('gives RMSE, MAE and R²', () => {
    const m = regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]);
    expect(m.mse).toBeCloseTo(0.375, 12);
    expect(m.rmse).toBeCloseTo(Math.sqrt(0.375), 12);
    expect(m.mae).toBeCloseTo(0.5, 12);
    expect(m.r2).toBeCloseTo(0.9486081370449679, 12);
    expect(regressionMetrics([1, 1], [1, 2]).r2).toBeNaN();
  });
});

describe('compareRecorded', () => {
  const classification = classificationMetrics([0, 0, 1, 1, 2, 2], [0, 1, 1, 1, 2, 0], 3);

  it('says “reproduced” when the measured figure rounds to the recorded one at its printed precision', () => {
    const rows = compareRecorded({ accuracy: 0.6667, f1_macro: 0.65, auc: 0.9 }, { classification });
    expect(rows.map((r) => [r.key, r.status, r.decimals])).toEqual([
      ['accuracy', 'reproduced', 4],
      ['f1_macro', 'differs', 2],
      ['auc', 'not-computed', 1],
    ]);
    expect(rows[1]!.difference).toBeCloseTo(0.65556 - 0.65, 4);
    expect(compareRecorded({ f1_macro: 0.66 }, { classification })[0]!.status).toBe('reproduced');
  });

  it('compares regression metrics under their usual names', () => {
    const regression = regressionMetrics([3, -0.5, 2, 7], [2.5, 0, 2, 8]);
    const rows = compareRecorded({ RMSE: 0.612, mean_absolute_error: 0.5, r2_score: 0.94, accuracy: 1 }, { regression });
    expect(rows.map((r) => r.status)).toEqual(['reproduced', 'reproduced', 'differs', 'not-computed']);
  });

  it('checks a figure printed with 0–1 decimals to ±0.005 on a bounded metric, not to half its last digit', () => {
    const accuracy = (value: number) => classificationMetrics(Array.from({ length: 100 }, () => 0), Array.from({ length: 100 }, (_, i) => (i < value * 100 ? 0 : 1)), 2);
    const one = compareRecorded({ accuracy: 1 }, { classification: accuracy(0.96) })[0]!;
    expect(one).toMatchObject({ status: 'differs', tolerance: 0.005, toleranceBasis: 'coarse' });
    expect(one.difference).toBeCloseTo(-0.04, 12);
    expect(compareRecorded({ accuracy: 0.9 }, { classification: accuracy(0.94) })[0]).toMatchObject({ status: 'differs', tolerance: 0.005 });
    expect(compareRecorded({ accuracy: 1 }, { classification: accuracy(1) })[0]).toMatchObject({ status: 'reproduced', tolerance: 0.005 });
    expect(compareRecorded({ accuracy: 0.9111 }, { classification: accuracy(0.91) })[0]).toMatchObject({ status: 'differs', tolerance: 0.00005, toleranceBasis: 'printed' });
    // An error metric's scale is the target's: 12 (read as 12.0) is checked to ±0.05, but no looser than half a percent.
    const regression = regressionMetrics([0, 0], [12.04, 12.04]);
    expect(compareRecorded({ mae: 12 }, { regression })[0]).toMatchObject({ status: 'reproduced', tolerance: 0.05 });
    expect(compareRecorded({ mae: 3 }, { regression: regressionMetrics([0], [3.04]) })[0]).toMatchObject({ status: 'differs', tolerance: 0.015, toleranceBasis: 'coarse' });
  });

  it('admits float32 rounding when the recorded figure is printed to full float64 precision', () => {
    let s = 11;
    const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const yTrue = Array.from({ length: 200 }, () => 10 * random());
    const yPred = yTrue.map((y) => y + 0.3 * (random() - 0.5));
    // Recorded from the float64 predictions at training time; measured here from the model's float32 outputs.
    const recorded = regressionMetrics(yTrue, yPred);
    const measured = regressionMetrics(yTrue, yPred.map(Math.fround));
    expect(measured.rmse).not.toBe(recorded.rmse);
    const rows = compareRecorded({ rmse: recorded.rmse, mae: recorded.mae, r2: recorded.r2 }, { regression: measured });
    expect(rows.map((r) => [r.status, r.toleranceBasis])).toEqual([
      ['reproduced', 'float32'],
      ['reproduced', 'float32'],
      ['reproduced', 'float32'],
    ]);
    expect(rows[0]!.tolerance).toBeCloseTo(1e-6 * recorded.rmse, 13);
    // The reviewer's figures: 6e-8 apart.
    expect(compareRecorded({ rmse: 0.13720932349311013 }, { regression: { ...measured, rmse: 0.13720938 } })[0]!.status).toBe('reproduced');
    // …and no further: a real gap still differs, however many decimals are printed.
    expect(compareRecorded({ rmse: 0.13720932349311013 }, { regression: { ...measured, rmse: 0.1372103 } })[0]!.status).toBe('differs');
  });

  it('reads printed precision', () => {
    expect([0.9111, 0.98, 1, 12.5, 1e-5, 2.5e-7].map(printedDecimals)).toEqual([4, 2, 1, 1, 5, 8]);
  });
});

describe('createClassificationCounter', () => {
  /** The counts as first written: a map per kind of count, bumped row by row. */
  function reference(yTrue: number[], yPred: number[]) {
    const count = (list: number[], keep: (i: number) => boolean) => list.reduce((m, k, i) => (keep(i) ? m.set(k, (m.get(k) ?? 0) + 1) : m), new Map<number, number>());
    const actual = count(yTrue, () => true);
    const predicted = count(yPred, () => true);
    const tp = count(yTrue, (i) => yTrue[i] === yPred[i]);
    return [...new Set([...actual.keys(), ...predicted.keys()])].sort((a, b) => a - b).map((label) => ({ label, hits: tp.get(label) ?? 0, predicted: predicted.get(label) ?? 0, support: actual.get(label) ?? 0 }));
  }

  it('gives, row by row, what the whole lists give, labels outside the classes included', () => {
    // Not core/schema's seededRandom: schema imports metrics, and a test importing back would close a cycle.
    let s = 5;
    const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 50; trial++) {
      const classes = 1 + Math.floor(random() * 5);
      const n = Math.floor(random() * 200);
      const label = () => Math.floor(random() * (classes + 2)) - 1;
      const yTrue = Array.from({ length: n }, label);
      const yPred = Array.from({ length: n }, label);
      const counter = createClassificationCounter(classes);
      yTrue.forEach((t, i) => counter.add(t, yPred[i]!));
      const m = counter.metrics();
      expect(m).toEqual(classificationMetrics(yTrue, yPred, classes));
      expect(m.n).toBe(n);
      expect(m.accuracy).toBeCloseTo(n === 0 ? 0 : yTrue.filter((t, i) => t === yPred[i]).length / n, 12);
      const ref = reference(yTrue, yPred);
      expect(m.perClass.map((c) => c.label)).toEqual(ref.map((r) => r.label));
      for (const [k, r] of ref.entries()) {
        expect(m.perClass[k]!.support).toBe(r.support);
        expect(m.perClass[k]!.precision).toBeCloseTo(r.predicted === 0 ? 0 : r.hits / r.predicted, 12);
        expect(m.perClass[k]!.recall).toBeCloseTo(r.support === 0 ? 0 : r.hits / r.support, 12);
      }
    }
  });
});
