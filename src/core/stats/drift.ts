import { chiSquareQuantile } from './chi-square';
import { percentileOfSorted, sortAscending } from './percentile';

export interface KsResult {
  /** Largest distance between the two empirical CDFs. */
  readonly statistic: number;
  /** Two-sided p-value: exact (`ksExactPValue`) when n·m ≤ KS_EXACT_LIMIT, else asymptotic. */
  readonly pValue: number;
  readonly method: 'exact' | 'asymptotic';
}

/** Above this n·m the exact p-value's lattice walk gets slow (it is O(n·m)); the asymptotic one is close by then. */
export const KS_EXACT_LIMIT = 1_000_000;

/** NaN has no place in an ordering: comparisons with it are all false, so it is left out. */
const ordered = (values: ArrayLike<number>): Float64Array => sortAscending(Array.from(values).filter((v) => !Number.isNaN(v)));

/** Two-sample Kolmogorov–Smirnov test, as scipy.stats.ks_2samp (method 'auto') computes it. NaN values are left out. */
export function ksTwoSample(reference: ArrayLike<number>, production: ArrayLike<number>): KsResult {
  const a = ordered(reference);
  const b = ordered(production);
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { statistic: Number.NaN, pValue: Number.NaN, method: 'asymptotic' };
  let i = 0;
  let j = 0;
  // max |i·m − j·n| in whole numbers: D = that / (n·m), with no rounding to compare against the lattice.
  let gap = 0;
  while (i < n && j < m) {
    const x = Math.min(a[i]!, b[j]!);
    while (i < n && a[i]! <= x) i++;
    while (j < m && b[j]! <= x) j++;
    gap = Math.max(gap, Math.abs(i * m - j * n));
  }
  const d = gap / (n * m);
  if (n * m <= KS_EXACT_LIMIT) return { statistic: d, pValue: ksExactPValue(n, m, gap), method: 'exact' };
  const en = Math.sqrt((n * m) / (n + m));
  return { statistic: d, pValue: kolmogorovSurvival((en + 0.12 + 0.11 / en) * d), method: 'asymptotic' };
}

/**
 * P(max |i·m − j·n| ≥ gap) over the C(n+m, n) equally likely orderings of n and m values
 * with no ties (scipy's ks_2samp, method 'exact', two-sided): one minus the share of lattice
 * paths from (0, 0) to (n, m) that stay strictly inside the band. Each cell holds the paths
 * reaching it over C(i+j, i), so the numbers stay in [0, 1]: w(i, j) = (i·w(i−1, j) + j·w(i, j−1))/(i + j).
 */
export function ksExactPValue(n: number, m: number, gap: number): number {
  if (gap <= 0) return 1;
  const inside = (i: number, j: number): boolean => Math.abs(i * m - j * n) < gap;
  const w = new Float64Array(m + 1);
  w[0] = 1;
  for (let j = 1; j <= m; j++) w[j] = inside(0, j) ? w[j - 1]! : 0;
  for (let i = 1; i <= n; i++) {
    w[0] = inside(i, 0) ? w[0]! : 0;
    for (let j = 1; j <= m; j++) w[j] = inside(i, j) ? (i * w[j]! + j * w[j - 1]!) / (i + j) : 0;
  }
  return Math.min(1, Math.max(0, 1 - w[m]!));
}

/** Q(λ) = 2 Σ (−1)^(k−1) exp(−2k²λ²), the Kolmogorov distribution's survival function. */
export function kolmogorovSurvival(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = 2 * (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12) break;
  }
  return Math.min(1, Math.max(0, sum));
}

export interface PsiBin {
  readonly lower: number;
  readonly upper: number;
  readonly referenceShare: number;
  readonly productionShare: number;
}

export interface PsiResult {
  readonly psi: number;
  readonly bins: readonly PsiBin[];
  /** How the bins were made, for the UI to state. */
  readonly binning: string;
}

/**
 * PSI = Σ (p − q)·ln(p/q) over bins, from counts per bin. Empty bins would make it infinite, so
 * every bin gets half a row more on each side (p = (count + ½)/(rows + ½·bins)): an empty bin in
 * 50 rows weighs like 1 %, not like a floor of 0.01 % whose logarithm alone flagged small samples.
 * Bins empty on both sides carry nothing and are left out. NaN when either side has no rows.
 */
export function psiOfCounts(production: readonly number[], reference: readonly number[]): number {
  const used = production.map((c, i) => c + reference[i]! > 0);
  const bins = used.filter(Boolean).length;
  const m = production.reduce((a, b) => a + b, 0);
  const n = reference.reduce((a, b) => a + b, 0);
  if (!(m > 0 && n > 0)) return Number.NaN;
  let psi = 0;
  for (let i = 0; i < production.length; i++) {
    if (!used[i]) continue;
    const p = (production[i]! + 0.5) / (m + 0.5 * bins);
    const q = (reference[i]! + 0.5) / (n + 0.5 * bins);
    psi += (p - q) * Math.log(p / q);
  }
  return psi;
}

/** The wording of `psiOfCounts`'s smoothing, for the binning note. */
export const PSI_SMOOTHING = 'each bin’s count on each side plus one half (so that an empty bin is not infinite)';

/**
 * Population stability index over bins at the reference sample's deciles (fewer when
 * values repeat): PSI = Σ (p − q) · ln(p / q), p the production share, q the reference share.
 */
export function populationStabilityIndex(reference: ArrayLike<number>, production: ArrayLike<number>, binCount = 10): PsiResult {
  const ref = ordered(reference);
  const prod = ordered(production);
  const inner = [...new Set(Array.from({ length: binCount - 1 }, (_, k) => percentileOfSorted(ref, ((k + 1) * 100) / binCount)))];
  const edges = [-Infinity, ...inner, Infinity];
  const count = (sorted: Float64Array, lower: number, upper: number, first: boolean): number => {
    let c = 0;
    for (const v of sorted) if ((first ? v >= lower : v > lower) && v <= upper) c++;
    return c;
  };
  const bins: PsiBin[] = [];
  const refCounts: number[] = [];
  const prodCounts: number[] = [];
  for (let k = 0; k < edges.length - 1; k++) {
    const lower = edges[k]!;
    const upper = edges[k + 1]!;
    refCounts.push(count(ref, lower, upper, k === 0));
    prodCounts.push(count(prod, lower, upper, k === 0));
    bins.push({ lower, upper, referenceShare: ref.length ? refCounts[k]! / ref.length : 0, productionShare: prod.length ? prodCounts[k]! / prod.length : 0 });
  }
  return { psi: psiOfCounts(prodCounts, refCounts), bins, binning: `${bins.length} bins at the reference deciles (right-closed), ${PSI_SMOOTHING}` };
}

/**
 * 'unclear': not beyond chance, and chance alone could reach a moderate PSI at these sample
 * sizes, so the sample is too small to tell drift from none.
 */
export type DriftLevel = 'none' | 'moderate' | 'major' | 'unclear';

export const PSI_MODERATE = 0.1;
export const PSI_MAJOR = 0.25;
/** How sure "beyond chance" is: PSI above what sampling noise stays under 95 % of the time. */
export const PSI_CONFIDENCE = 0.95;

/**
 * The PSI that sampling alone stays under 95 % of the time, with no drift, for samples of n
 * and m rows over `bins` bins: PSI·nm/(n+m) is then about χ²(bins − 1), so the bound is
 * χ²₀.₉₅(bins − 1)·(1/n + 1/m). 0 with one bin; Infinity with an empty sample.
 */
export function psiNoise(bins: number, n: number, m: number): number {
  if (bins < 2) return 0;
  if (!(n > 0 && m > 0)) return Number.POSITIVE_INFINITY;
  return chiSquareQuantile(PSI_CONFIDENCE, bins - 1) * (1 / n + 1 / m);
}

/** The fewest production rows, against a reference of n, at which chance stays under a moderate PSI (Infinity when the reference is too small). */
export function rowsToTell(bins: number, n: number): number {
  if (bins < 2) return 0;
  const perRow = PSI_MODERATE / chiSquareQuantile(PSI_CONFIDENCE, bins - 1) - 1 / n;
  return perRow > 0 ? Math.ceil(1 / perRow) : Number.POSITIVE_INFINITY;
}

/**
 * The seeds' thresholds — PSI > 0.1 moderate, > 0.25 major — counted only beyond what sampling
 * noise gives at these sizes (`psiNoise`); below it, 'unclear' when noise alone exceeds 0.1.
 */
export function psiLevel(psi: number, noise = 0): DriftLevel {
  if (!(psi > noise)) return noise > PSI_MODERATE ? 'unclear' : 'none';
  return psi > PSI_MAJOR ? 'major' : psi > PSI_MODERATE ? 'moderate' : 'none';
}

export const KS_ALPHA = 0.05;
