import { percentileOfSorted, sortAscending } from './percentile';

export interface KsResult {
  /** Largest distance between the two empirical CDFs. */
  readonly statistic: number;
  /** Asymptotic two-sided p-value (Kolmogorov distribution with Stephens' small-sample correction). */
  readonly pValue: number;
}

/** Two-sample Kolmogorov–Smirnov test, as scipy.stats.ks_2samp computes the statistic. */
export function ksTwoSample(reference: ArrayLike<number>, production: ArrayLike<number>): KsResult {
  const a = sortAscending(reference);
  const b = sortAscending(production);
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { statistic: Number.NaN, pValue: Number.NaN };
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const x = Math.min(a[i]!, b[j]!);
    while (i < n && a[i]! <= x) i++;
    while (j < m && b[j]! <= x) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  const en = Math.sqrt((n * m) / (n + m));
  return { statistic: d, pValue: kolmogorovSurvival((en + 0.12 + 0.11 / en) * d) };
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

/** Empty bins would make PSI infinite; this floor is the usual convention. */
const PSI_FLOOR = 1e-4;

/**
 * Population stability index over bins at the reference sample's deciles (fewer when
 * values repeat): PSI = Σ (p − q) · ln(p / q), p the production share, q the reference share.
 */
export function populationStabilityIndex(reference: ArrayLike<number>, production: ArrayLike<number>, binCount = 10): PsiResult {
  const ref = sortAscending(reference);
  const prod = sortAscending(production);
  const inner = [...new Set(Array.from({ length: binCount - 1 }, (_, k) => percentileOfSorted(ref, ((k + 1) * 100) / binCount)))];
  const edges = [-Infinity, ...inner, Infinity];
  const share = (sorted: Float64Array, lower: number, upper: number, first: boolean): number => {
    let count = 0;
    for (const v of sorted) if ((first ? v >= lower : v > lower) && v <= upper) count++;
    return sorted.length ? count / sorted.length : 0;
  };
  const bins: PsiBin[] = [];
  let psi = 0;
  for (let k = 0; k < edges.length - 1; k++) {
    const lower = edges[k]!;
    const upper = edges[k + 1]!;
    const q = share(ref, lower, upper, k === 0);
    const p = share(prod, lower, upper, k === 0);
    psi += (Math.max(p, PSI_FLOOR) - Math.max(q, PSI_FLOOR)) * Math.log(Math.max(p, PSI_FLOOR) / Math.max(q, PSI_FLOOR));
    bins.push({ lower, upper, referenceShare: q, productionShare: p });
  }
  return { psi, bins, binning: `${bins.length} bins at the reference deciles (right-closed), empty shares floored at ${PSI_FLOOR}` };
}

export type DriftLevel = 'none' | 'moderate' | 'major';

/** The seeds' thresholds: PSI > 0.1 moderate, > 0.25 major; KS p < 0.05 drifted. */
export function psiLevel(psi: number): DriftLevel {
  return psi > 0.25 ? 'major' : psi > 0.1 ? 'moderate' : 'none';
}

export const KS_ALPHA = 0.05;
