import { describe, expect, it } from 'vitest';
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
  it('compares binned to binned: PSI over the histogram’s own bins, and no KS from a histogram', () => {
    const f = featureDriftFromBins('x', uniform, [0.5, 0.5, 1.5, 1.5]);
    expect(f.ks).toBeNull();
    expect(f.ksDrifted).toBe(false);
    expect(f.psi.psi).toBeCloseTo(0, 12);
    expect(f.drifted).toBe(false);
    // 4 production rows: chance alone reaches χ²₀.₉₅(1)·(1/100 + 1/4) ≈ 1.0, so too few to tell.
    expect(f.psiLevel).toBe('unclear');
    expect(f.histogram).toEqual([
      { start: 0, end: 1, reference: 0.5, production: 0.5 },
      { start: 1, end: 2, reference: 0.5, production: 0.5 },
    ]);
  });

  it('counts values outside the edges in the outer bins (numpy’s convention inside) and flags a shift', () => {
    // 1 falls in the second bin (left-closed), 2 in the last (closed), 5 beyond: all in bin 2.
    const f = featureDriftFromBins('x', uniform, [1, 2, 5, 7, 1, 2, 5, 7, 1, 2, 5, 7]);
    expect(f.psi.bins.map((b) => b.productionShare)).toEqual([0, 1]);
    // Counts +½ each: p = (0.5, 12.5)/13, q = (50.5, 50.5)/101.
    const p = [0.5 / 13, 12.5 / 13];
    const q = [0.5, 0.5];
    expect(f.psi.psi).toBeCloseTo((p[0]! - q[0]!) * Math.log(p[0]! / q[0]!) + (p[1]! - q[1]!) * Math.log(p[1]! / q[1]!), 12);
    expect(f.psiLevel).toBe('major');
    expect(f.drifted).toBe(true);
  });

  it('does not flag production rows drawn from the histogram’s own distribution (200k-row histogram, 20k rows)', () => {
    // N(0, 1) in numpy.histogram's 10 bins over [−4.5, 4.5]: expected counts of 200,000 rows, and 20,000 production rows at the
    // same law's quantiles (the most typical sample). Uniform-within-bins KS called this "drifted" (p 2.9e-9).
    const edges = Array.from({ length: 11 }, (_, i) => -4.5 + 0.9 * i);
    const phi = (x: number): number => 0.5 * (1 + erf(x / Math.SQRT2));
    const counts = edges.slice(1).map((e, i) => Math.round(200_000 * (phi(e) - phi(edges[i]!))));
    const ref = { edges, counts, total: counts.reduce((a, b) => a + b, 0) };
    const production = Array.from({ length: 20_000 }, (_, i) => quantile((i + 0.5) / 20_000));
    const f = featureDriftFromBins('x', ref, production);
    expect(f.drifted).toBe(false);
    expect(f.psiLevel).toBe('none');
    expect(f.psi.psi).toBeLessThan(f.psiNoise);
  });

  it('reports over features with the binning stated', () => {
    const r = driftReportFromBins([
      { feature: 'x', reference: uniform, production: [0.5, 0.5, 1.5, 1.5] },
      { feature: 'y', reference: uniform, production: [5, 6, 7, 8, 9, 10] },
    ]);
    expect(r.summary).toBe('1 of 2 features drifted (1 with too few rows to tell)');
    expect(r.binning).toContain('From the training histogram in metadata.json, not raw rows');
    expect(r.binning).toContain('No KS test');
  });
});

/** erf, Abramowitz–Stegun 7.1.26 (error < 1.5e-7): enough for expected counts. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

/** The standard normal quantile, by bisection on erf. */
function quantile(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (0.5 * (1 + erf(mid / Math.SQRT2)) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
