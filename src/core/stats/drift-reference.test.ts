import { describe, expect, it } from 'vitest';
import { kolmogorovSurvival } from './drift';
import { driftReportFromBins, featureDriftFromBins, trainingHistograms } from './drift-reference';

const uniform = { edges: [0, 1, 2], counts: [50, 50], total: 100 };

describe('trainingHistograms', () => {
  it('reads numpy.histogram-shaped entries per feature and leaves out malformed ones', () => {
    const meta = {
      training_statistics: {
        a: { histogram: { bin_edges: [0, 1, 2], counts: [50, 50] } },
        b: { histogram: { bin_edges: [0, 2, 1], counts: [1, 1] } },
        c: { histogram: { bin_edges: [0, 1], counts: [1, 1] } },
        d: { mean: 3 },
      },
    };
    expect(trainingHistograms(meta, ['a', 'b', 'c', 'd', 'e'])).toEqual({ a: uniform });
    expect(trainingHistograms({ feature_statistics: meta.training_statistics }, ['a'])).toEqual({ a: uniform });
    expect(trainingHistograms({ training_statistics: { b: meta.training_statistics.b } }, ['b'])).toBeNull();
    expect(trainingHistograms({}, ['a'])).toBeNull();
    expect(trainingHistograms(null, ['a'])).toBeNull();
  });
});

describe('featureDriftFromBins', () => {
  it('computes KS against the histogram as uniform within bins, and PSI over its bins', () => {
    // F(0.5) = 0.25, F(1.5) = 0.75; the ECDF steps 0 → 0.5 → 1 there: D = 0.25.
    const f = featureDriftFromBins('x', uniform, [0.5, 0.5, 1.5, 1.5]);
    expect(f.ks.statistic).toBeCloseTo(0.25, 12);
    const en = Math.sqrt((100 * 4) / 104);
    expect(f.ks.pValue).toBeCloseTo(kolmogorovSurvival((en + 0.12 + 0.11 / en) * 0.25), 12);
    expect(f.psi.psi).toBeCloseTo(0, 12);
    expect(f.drifted).toBe(false);
    expect(f.histogram).toEqual([
      { start: 0, end: 1, reference: 0.5, production: 0.5 },
      { start: 1, end: 2, reference: 0.5, production: 0.5 },
    ]);
  });

  it('counts values outside the edges in the outer bins (numpy’s convention inside) and flags a shift', () => {
    // 1 falls in the second bin (left-closed), 2 in the last (closed), 5 beyond: all in bin 2.
    const f = featureDriftFromBins('x', uniform, [1, 2, 5, 7]);
    expect(f.psi.bins.map((b) => b.productionShare)).toEqual([0, 1]);
    // PSI = (1e-4 − 0.5)·ln(1e-4/0.5) + (1 − 0.5)·ln(1/0.5)
    expect(f.psi.psi).toBeCloseTo((1e-4 - 0.5) * Math.log(1e-4 / 0.5) + 0.5 * Math.log(2), 12);
    expect(f.psiLevel).toBe('major');
    // F(2) = 1 against the ECDF's 0.25 just below 2: D = 0.75.
    expect(f.ks.statistic).toBeCloseTo(0.75, 12);
    expect(f.drifted).toBe(true);
  });

  it('reports over features with the binning stated', () => {
    const r = driftReportFromBins([
      { feature: 'x', reference: uniform, production: [0.5, 0.5, 1.5, 1.5] },
      { feature: 'y', reference: uniform, production: [5, 6, 7, 8, 9, 10] },
    ]);
    expect(r.summary).toBe('1 of 2 features drifted');
    expect(r.binning).toContain('training histogram in metadata.json');
  });
});
