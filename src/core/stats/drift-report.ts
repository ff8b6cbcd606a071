import { KS_ALPHA, ksTwoSample, populationStabilityIndex, PSI_CONFIDENCE, PSI_MAJOR, PSI_MODERATE, psiLevel, psiNoise, psiOfCounts, rowsToTell, type DriftLevel, type KsResult, type PsiResult } from './drift';
import { suggestedBinCount } from './histogram';
import { sortAscending } from './percentile';

/** One bin of two histograms drawn over the same edges, as shares of each sample. */
export interface OverlaidBin {
  /** Inclusive lower edge. */
  readonly start: number;
  /** Exclusive upper edge, except for the last bin, which includes it. */
  readonly end: number;
  readonly reference: number;
  readonly production: number;
}

export interface FeatureDrift {
  readonly feature: string;
  readonly referenceCount: number;
  readonly productionCount: number;
  /** Null when the reference is a histogram: KS needs the raw values. */
  readonly ks: KsResult | null;
  readonly psi: PsiResult;
  /** The PSI that chance alone stays under 95 % of the time at these sample sizes (`psiNoise`). */
  readonly psiNoise: number;
  /** The fewest production rows at which chance stays under a moderate PSI, against this reference. */
  readonly rowsToTell: number;
  readonly psiLevel: DriftLevel;
  /** Cells without a number, on each side, when the caller counted them (`columnOf`). */
  readonly missing?: { readonly reference: number; readonly production: number };
  /** KS p-value below KS_ALPHA. */
  readonly ksDrifted: boolean;
  /** Flagged by either test. */
  readonly drifted: boolean;
  readonly histogram: readonly OverlaidBin[];
}

export interface DriftReport {
  readonly features: readonly FeatureDrift[];
  readonly driftedCount: number;
  /** "2 of 4 features drifted". */
  readonly summary: string;
  /** How the PSI bins were made (the same rule for every feature). */
  readonly binning: string;
  /** The flag rules, in words. */
  readonly thresholds: string;
}

/** The finite numbers of a column of cells (text from a CSV, numbers from JSON); the rest are left out (`columnOf` counts them). */
export function numericColumn(cells: readonly unknown[]): number[] {
  return columnOf(cells).values;
}

/** A column's finite numbers, and how many cells had none (blank, text, NaN, ±Infinity). */
export function columnOf(cells: readonly unknown[]): { readonly values: number[]; readonly missing: number } {
  const values: number[] = [];
  for (const cell of cells) {
    const n = typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' ? Number(cell) : Number.NaN;
    if (Number.isFinite(n)) values.push(n);
  }
  return { values, missing: cells.length - values.length };
}

/**
 * Reference and production as histograms over the same equal-width bins, spanning both samples;
 * the bin count by the Freedman–Diaconis rule on the reference (5 to 30 bins).
 */
export function overlaidHistogram(reference: ArrayLike<number>, production: ArrayLike<number>, bins?: number): OverlaidBin[] {
  if (reference.length === 0 && production.length === 0) return [];
  const ref = sortAscending(reference);
  const prod = sortAscending(production);
  const lo = Math.min(ref.length ? ref[0]! : Infinity, prod.length ? prod[0]! : Infinity);
  const hi = Math.max(ref.length ? ref[ref.length - 1]! : -Infinity, prod.length ? prod[prod.length - 1]! : -Infinity);
  if (lo === hi) return [{ start: lo, end: hi, reference: ref.length ? 1 : 0, production: prod.length ? 1 : 0 }];
  const count = Math.max(1, Math.floor(bins ?? suggestedBinCount(ref.length >= 2 ? ref : prod, 5, 30)));
  const width = (hi - lo) / count;
  const tally = (sorted: Float64Array): number[] => {
    const counts = new Array<number>(count).fill(0);
    for (const v of sorted) counts[Math.min(count - 1, Math.floor((v - lo) / width))]! += 1;
    return counts.map((c) => (sorted.length ? c / sorted.length : 0));
  };
  const r = tally(ref);
  const p = tally(prod);
  return r.map((share, i) => ({ start: lo + i * width, end: i === count - 1 ? hi : lo + (i + 1) * width, reference: share, production: p[i]! }));
}

export function featureDrift(feature: string, reference: readonly number[], production: readonly number[], missing?: FeatureDrift['missing']): FeatureDrift {
  const ks = ksTwoSample(reference, production);
  const psi = populationStabilityIndex(reference, production);
  const noise = psiNoise(psi.bins.length, reference.length, production.length);
  const level = psiLevel(psi.psi, noise);
  const ksDrifted = ks.pValue < KS_ALPHA;
  return {
    feature,
    referenceCount: reference.length,
    productionCount: production.length,
    ...(missing ? { missing } : {}),
    ks,
    psi,
    psiNoise: noise,
    rowsToTell: rowsToTell(psi.bins.length, reference.length),
    psiLevel: level,
    ksDrifted,
    drifted: ksDrifted || level === 'moderate' || level === 'major',
    histogram: overlaidHistogram(reference, production),
  };
}

export interface FeatureColumns {
  readonly feature: string;
  readonly reference: readonly number[];
  readonly production: readonly number[];
  /** Cells without a number on each side (`columnOf`), to show beside the figures. */
  readonly missing?: { readonly reference: number; readonly production: number };
}

export const PSI_RULE = `PSI counts only above ${PSI_MODERATE} (moderate; above ${PSI_MAJOR} major) and above what chance alone reaches ${Math.round(PSI_CONFIDENCE * 100)} % of the time with these numbers of rows; when chance alone can reach ${PSI_MODERATE}, the rows are too few to tell.`;
export const DRIFT_THRESHOLDS = `A feature is flagged when the KS p-value is below ${KS_ALPHA} or by PSI. ${PSI_RULE}`;

/** The report over features already tested, with the binning they share stated. */
export function reportOf(features: readonly FeatureDrift[], binning: string): DriftReport {
  const driftedCount = features.filter((f) => f.drifted).length;
  const unclear = features.filter((f) => !f.drifted && f.psiLevel === 'unclear').length;
  const untold = unclear === 0 ? '' : ` (${unclear === features.length && features.length > 1 ? 'all' : unclear} with too few rows to tell)`;
  return {
    features,
    driftedCount,
    summary: `${driftedCount} of ${features.length} ${features.length === 1 ? 'feature' : 'features'} drifted${untold}`,
    binning,
    thresholds: DRIFT_THRESHOLDS,
  };
}

export function driftReport(columns: readonly FeatureColumns[]): DriftReport {
  const features = columns.map((c) => featureDrift(c.feature, c.reference, c.production, c.missing));
  const binning = features[0]?.psi.binning ?? populationStabilityIndex([0], [0]).binning;
  return reportOf(features, `PSI over ${binning.replace(/^\d+ bins/, 'up to 10 bins')}`);
}

export interface ClassShare {
  readonly name: string;
  readonly referenceCount: number;
  readonly productionCount: number;
  readonly referenceShare: number;
  readonly productionShare: number;
}

export interface ClassShares {
  readonly classes: readonly ClassShare[];
  readonly referenceTotal: number;
  readonly productionTotal: number;
  /** PSI over the predicted classes (smoothed as for features, psiOfCounts). */
  readonly psi: number;
  /** The PSI chance alone stays under 95 % of the time with these totals (`psiNoise`, classes seen as bins). */
  readonly psiNoise: number;
  readonly rowsToTell: number;
  readonly psiLevel: DriftLevel;
}

/**
 * Shares of each predicted class in the two sets. Classes come in `order` (the model's), then any
 * other predicted name in order of first appearance; empty names (rows not scored) are left out.
 */
export function classShares(reference: readonly string[], production: readonly string[], order: readonly string[] = []): ClassShares {
  const names = [...order];
  const count = (labels: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const l of labels) {
      if (l === '') continue;
      if (!names.includes(l)) names.push(l);
      m.set(l, (m.get(l) ?? 0) + 1);
    }
    return m;
  };
  const r = count(reference);
  const p = count(production);
  const rt = [...r.values()].reduce((a, b) => a + b, 0);
  const pt = [...p.values()].reduce((a, b) => a + b, 0);
  const classes = names.map((name) => {
    const rc = r.get(name) ?? 0;
    const pc = p.get(name) ?? 0;
    return { name, referenceCount: rc, productionCount: pc, referenceShare: rt ? rc / rt : 0, productionShare: pt ? pc / pt : 0 };
  });
  const psi = psiOfCounts(classes.map((c) => c.productionCount), classes.map((c) => c.referenceCount));
  const seen = classes.filter((c) => c.referenceCount + c.productionCount > 0).length;
  const noise = rt && pt ? psiNoise(seen, rt, pt) : Number.NaN;
  return { classes, referenceTotal: rt, productionTotal: pt, psi, psiNoise: noise, rowsToTell: rt ? rowsToTell(seen, rt) : Number.POSITIVE_INFINITY, psiLevel: Number.isNaN(psi) ? 'none' : psiLevel(psi, noise) };
}

const figure = (x: number): string => (x >= 10 ? x.toFixed(0) : x.toFixed(2));

/**
 * The flag in words: "drifted (KS p < 0.05; PSI major)", "stable", or, when chance alone could
 * reach a moderate PSI, "too few rows to tell" with what would: "stable" is not claimed then.
 */
export function driftFlag(f: Pick<FeatureDrift, 'ksDrifted' | 'psiLevel'> & Partial<Pick<FeatureDrift, 'psiNoise' | 'rowsToTell'>>): string {
  const psiFlag = f.psiLevel === 'moderate' || f.psiLevel === 'major';
  const reasons = [...(f.ksDrifted ? [`KS p < ${KS_ALPHA}`] : []), ...(psiFlag ? [`PSI ${f.psiLevel}`] : [])];
  if (reasons.length) return `drifted (${reasons.join('; ')})`;
  if (f.psiLevel !== 'unclear') return 'stable';
  const noise = f.psiNoise !== undefined && Number.isFinite(f.psiNoise) ? `: chance alone reaches PSI ${figure(f.psiNoise)}` : '';
  const more = f.rowsToTell !== undefined && Number.isFinite(f.rowsToTell) ? `; about ${f.rowsToTell.toLocaleString('en-US')} production rows would tell` : '; a larger reference and more production rows would tell';
  return `too few rows to tell${noise}${more}`;
}

/** "12 of 50 blank in production (24 %)": a feature's missing cells, or null when none are missing or they were not counted. */
export function missingText(f: Pick<FeatureDrift, 'missing' | 'referenceCount' | 'productionCount'>): string | null {
  if (!f.missing || f.missing.reference + f.missing.production === 0) return null;
  const side = (missing: number, kept: number, where: string): string | null => (missing > 0 ? `${missing.toLocaleString('en-US')} of ${(missing + kept).toLocaleString('en-US')} without a number in ${where} (${Math.round((100 * missing) / (missing + kept))} %)` : null);
  return [side(f.missing.reference, f.referenceCount, 'the reference'), side(f.missing.production, f.productionCount, 'production')].filter((s) => s !== null).join('; ');
}

/** A share as a percentage with one decimal ("33.3%"). */
export const percentText = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** A bin's range, short ("4.35–4.71"). */
export const binLabel = (b: Pick<OverlaidBin, 'start' | 'end'>): string => `${Number(b.start.toPrecision(3))}–${Number(b.end.toPrecision(3))}`;
