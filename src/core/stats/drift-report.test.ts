import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binLabel, classShares, columnOf, driftFlag, driftReport, featureDrift, missingText, numericColumn, overlaidHistogram, percentText } from './drift-report';

const A = [0.126, -0.132, 0.64, 0.105, -0.536, 0.362, 1.304, 0.947, -0.704, -1.265, -0.623, 0.041, -2.325, -0.219, -1.246, -0.732, -0.544, -0.316, 0.412, 1.043, -0.129, 1.366, -0.665, 0.352, 0.903, 0.094, -0.743, -0.922, -0.458, 0.22, -1.01, -0.209, -0.159, 0.541, 0.215, 0.355, -0.654, -0.13, 0.784, 1.493];
const B = [-1.011, 2.317, 2.115, 1.438, 0.817, 0.123, 2.25, 2.852, 2.662, 2.078, 0.929, -0.95, 0.495, 1.288, -1.046, 0.974, 1.016, 1.335, -0.921, -0.294, -0.024, -0.904, 2.587, -0.095, 0.895, 0.19, 2.4, 2.084, 1.26, -2.144];

describe('numericColumn', () => {
  it('keeps finite numbers from text and numbers, drops blanks and words', () => {
    expect(numericColumn(['1.5', ' 2 ', '', 'abc', 3, Number.NaN, null, 'Infinity', '-0.25'])).toEqual([1.5, 2, 3, -0.25]);
  });

  it('counts the cells it leaves out, so a mostly blank column is said to be so', () => {
    expect(columnOf(['1', '', '2', 'x', null])).toEqual({ values: [1, 2], missing: 3 });
    const f = featureDrift('x', A, A.slice(0, 4), { reference: 0, production: 36 });
    expect(missingText(f)).toBe('36 of 40 without a number in production (90 %)');
    expect(driftReport([{ feature: 'x', reference: A, production: A.slice(0, 4), missing: { reference: 2, production: 36 } }]).features[0]!.missing).toEqual({ reference: 2, production: 36 });
    expect(missingText(featureDrift('x', A, A))).toBeNull();
  });
});

describe('overlaidHistogram', () => {
  it('puts both samples on the same bins over their joint range, as shares', () => {
    const bins = overlaidHistogram([0, 1, 2, 3], [2, 3, 4, 4], 4);
    expect(bins.map((b) => [b.start, b.end])).toEqual([[0, 1], [1, 2], [2, 3], [3, 4]]);
    expect(bins.map((b) => b.reference)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(bins.map((b) => b.production)).toEqual([0, 0, 0.25, 0.75]);
  });

  it('has one bin when every value is the same', () => {
    expect(overlaidHistogram([2, 2], [2])).toEqual([{ start: 2, end: 2, reference: 1, production: 1 }]);
  });
});

describe('featureDrift', () => {
  it('flags scipy’s samples by KS (D 0.45, exact p 0.00127) and by PSI', () => {
    const f = featureDrift('x', A, B);
    expect(f.ks!.statistic).toBeCloseTo(0.45, 12);
    // scipy 1.10: ks_2samp(A, B, method='exact').pvalue
    expect(f.ks!.pValue).toBeCloseTo(0.0012654664726545505, 12);
    expect(f.ksDrifted).toBe(true);
    // PSI 0.98, but with 40 rows against 30 chance alone reaches 0.99: KS flags it, PSI cannot tell.
    expect(f.psi.psi).toBeGreaterThan(0.25);
    expect(f.psiNoise).toBeGreaterThan(f.psi.psi);
    expect(f.psiLevel).toBe('unclear');
    expect(f.drifted).toBe(true);
    expect(f.referenceCount).toBe(40);
    expect(f.productionCount).toBe(30);
    const shares = f.histogram.reduce((s, b) => [s[0]! + b.reference, s[1]! + b.production], [0, 0]);
    expect(shares[0]).toBeCloseTo(1, 12);
    expect(shares[1]).toBeCloseTo(1, 12);
  });

  it('does not flag a sample against itself', () => {
    const f = featureDrift('x', A, A);
    // 40 rows against 40: chance alone reaches a PSI near 0.85, so PSI cannot tell; KS sees nothing.
    expect(f).toMatchObject({ ksDrifted: false, psiLevel: 'unclear', drifted: false });
    expect(f.ks).toEqual({ statistic: 0, pValue: 1, method: 'exact' });
    expect(f.psi.psi).toBeCloseTo(0, 12);
  });
});

describe('driftReport', () => {
  // The e2e's shifted file: iris test.csv with petal length + 2 cm and sepal width × 1.3.
  const [header, ...lines] = readFileSync(new URL('../../../public/examples/iris-pipeline/test.csv', import.meta.url), 'utf8').trim().split('\n');
  const names = header!.split(',');
  const rows = lines.map((l) => l.split(',').map(Number));
  const column = (name: string) => rows.map((r) => r[names.indexOf(name)]!);
  const shift: Record<string, (v: number) => number> = { 'petal length (cm)': (v) => v + 2, 'sepal width (cm)': (v) => v * 1.3 };
  const features = names.filter((n) => n !== 'target');

  it('flags exactly the shifted iris features and says how many', () => {
    const report = driftReport(features.map((f) => ({ feature: f, reference: column(f), production: column(f).map(shift[f] ?? ((v) => v)) })));
    expect(report.summary).toBe('2 of 4 features drifted (2 with too few rows to tell)');
    expect(report.driftedCount).toBe(2);
    const byName = Object.fromEntries(report.features.map((f) => [f.feature, f]));
    for (const f of ['petal length (cm)', 'sepal width (cm)']) {
      expect(byName[f]!.ksDrifted).toBe(true);
      expect(byName[f]!.ks!.pValue).toBeLessThan(0.001);
      expect(byName[f]!.psiLevel).toBe('major');
    }
    for (const f of ['sepal length (cm)', 'petal width (cm)']) {
      // 30 rows against 30: PSI 0, but chance alone could reach a moderate PSI, so it is not called stable.
      expect(byName[f]).toMatchObject({ drifted: false, psiLevel: 'unclear', ks: { statistic: 0, pValue: 1 } });
    }
    expect(report.binning).toBe('PSI over up to 10 bins at the reference deciles (right-closed), each bin’s count on each side plus one half (so that an empty bin is not infinite)');
    expect(report.thresholds).toContain('below 0.05');
  });

  it('speaks of one feature in the singular', () => {
    expect(driftReport([{ feature: 'x', reference: A, production: A }]).summary).toBe('0 of 1 feature drifted (1 with too few rows to tell)');
  });
});

describe('classShares', () => {
  it('counts each set’s predicted classes in the model’s order, leaving out unscored rows', () => {
    const s = classShares(['a', 'a', 'b', 'c'], ['c', 'c', 'c', '', 'd'], ['a', 'b', 'c']);
    expect(s.referenceTotal).toBe(4);
    expect(s.productionTotal).toBe(4);
    expect(s.classes.map((c) => [c.name, c.referenceCount, c.productionCount])).toEqual([['a', 2, 0], ['b', 1, 0], ['c', 1, 3], ['d', 0, 1]]);
    expect(s.classes.map((c) => c.referenceShare)).toEqual([0.5, 0.25, 0.25, 0]);
    expect(s.classes.map((c) => c.productionShare)).toEqual([0, 0, 0.75, 0.25]);
    // Σ (p − q) ln(p/q) with half a row added to each class's count (numpy: 1.1851160204964715).
    expect(s.psi).toBeCloseTo(1.1851160204964715, 12);
    // 4 rows a side: chance alone reaches PSI χ²₀.₉₅(3)·(1/4 + 1/4) = 3.9, so the shift cannot be told from noise.
    expect(s.psiNoise).toBeCloseTo(3.9073639516255896, 6);
    expect(s.psiLevel).toBe('unclear');
    const times = (labels: string[], k: number): string[] => Array.from({ length: k }, () => labels).flat();
    expect(classShares(times(['a', 'a', 'b', 'c'], 100), times(['c', 'c', 'c', '', 'd'], 100), ['a', 'b', 'c']).psiLevel).toBe('major');
  });

  it('is stable for the same predictions', () => {
    const s = classShares(['a', 'b'], ['b', 'a'], ['a', 'b']);
    expect(s.psi).toBe(0);
    expect(s.psiLevel).toBe('unclear');
    expect(classShares(Array.from({ length: 5000 }, (_, i) => (i % 2 ? 'a' : 'b')), Array.from({ length: 3000 }, (_, i) => (i % 2 ? 'b' : 'a')), ['a', 'b']).psiLevel).toBe('none');
  });
});

describe('driftFlag', () => {
  it('names each test that flagged the feature', () => {
    expect(driftFlag({ ksDrifted: true, psiLevel: 'major' })).toBe('drifted (KS p < 0.05; PSI major)');
    expect(driftFlag({ ksDrifted: false, psiLevel: 'moderate' })).toBe('drifted (PSI moderate)');
    expect(driftFlag({ ksDrifted: true, psiLevel: 'none' })).toBe('drifted (KS p < 0.05)');
    expect(driftFlag({ ksDrifted: false, psiLevel: 'none' })).toBe('stable');
    expect(driftFlag({ ksDrifted: false, psiLevel: 'unclear', psiNoise: 0.347, rowsToTell: 173 })).toBe('too few rows to tell: chance alone reaches PSI 0.35; about 173 production rows would tell');
    expect(driftFlag({ ksDrifted: false, psiLevel: 'unclear', psiNoise: 0.8, rowsToTell: Number.POSITIVE_INFINITY })).toBe('too few rows to tell: chance alone reaches PSI 0.80; a larger reference and more production rows would tell');
    expect(percentText(1 / 3)).toBe('33.3%');
    expect(binLabel({ start: 4.3456, end: 4.7123 })).toBe('4.35–4.71');
  });
});
