import { KS_ALPHA, kolmogorovSurvival, psiLevel, type PsiBin } from './drift';
import { reportOf, type DriftReport, type FeatureDrift } from './drift-report';
import { sortAscending } from './percentile';

/**
 * A feature's training distribution as metadata.json may record it, in numpy.histogram's form:
 * `training_statistics: { "<feature>": { "histogram": { "bin_edges": [e0 … ek], "counts": [c1 … ck] } } }`.
 */
export interface BinnedReference {
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  readonly total: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function binnedFrom(entry: unknown): BinnedReference | null {
  const h = isRecord(entry) && isRecord(entry.histogram) ? entry.histogram : null;
  if (!h || !Array.isArray(h.bin_edges) || !Array.isArray(h.counts)) return null;
  const edges = h.bin_edges as unknown[];
  const counts = h.counts as unknown[];
  if (counts.length < 1 || edges.length !== counts.length + 1) return null;
  if (!edges.every((e) => typeof e === 'number' && Number.isFinite(e))) return null;
  if (!counts.every((c) => typeof c === 'number' && Number.isFinite(c) && c >= 0)) return null;
  const e = edges as number[];
  if (e.some((x, i) => i > 0 && !(x > e[i - 1]!))) return null;
  const total = (counts as number[]).reduce((a, b) => a + b, 0);
  return total > 0 ? { edges: e, counts: counts as number[], total } : null;
}

/**
 * The training histograms metadata.json records (`training_statistics`, or `feature_statistics`), by feature;
 * entries that are malformed (edges not increasing, counts not matching) are left out. null when there are none.
 */
export function trainingHistograms(metadata: unknown, features: readonly string[]): Record<string, BinnedReference> | null {
  const stats = isRecord(metadata) ? (isRecord(metadata.training_statistics) ? metadata.training_statistics : isRecord(metadata.feature_statistics) ? metadata.feature_statistics : null) : null;
  if (!stats) return null;
  const out: Record<string, BinnedReference> = {};
  for (const f of features) {
    const b = binnedFrom(stats[f]);
    if (b) out[f] = b;
  }
  return Object.keys(out).length > 0 ? out : null;
}

/** Which bin a value falls in: numpy's convention (left-closed, the last bin closed), values outside in the outer bins. */
function binOf(edges: readonly number[], v: number): number {
  const k = edges.length - 1;
  let lo = 0;
  let hi = k - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (v >= edges[mid]!) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The reference CDF at x, taking values as uniform within each bin. */
function binnedCdf(ref: BinnedReference, x: number): number {
  const { edges, counts, total } = ref;
  if (x <= edges[0]!) return 0;
  if (x >= edges[edges.length - 1]!) return 1;
  let below = 0;
  for (let i = 0; i < counts.length; i++) {
    const lo = edges[i]!;
    const hi = edges[i + 1]!;
    if (x >= hi) below += counts[i]!;
    else return (below + (counts[i]! * (x - lo)) / (hi - lo)) / total;
  }
  return 1;
}

const FLOOR = 1e-4;

export const BINNED_BINNING = 'PSI over the bins of the training histogram in metadata.json (numpy’s convention: left-closed, the last bin closed; production values outside the edges counted in the outer bins), empty shares floored at 0.0001. KS against the histogram taken as uniform within each bin (an approximation), with the histogram’s total count as the reference size';

/** KS and PSI of a production sample against a training histogram. */
export function featureDriftFromBins(feature: string, ref: BinnedReference, production: readonly number[]): FeatureDrift {
  const sorted = sortAscending(production);
  const m = sorted.length;
  let d = 0;
  for (let i = 0; i < m; i++) {
    const f = binnedCdf(ref, sorted[i]!);
    d = Math.max(d, (i + 1) / m - f, f - i / m);
  }
  const n = ref.total;
  const en = Math.sqrt((n * m) / (n + m));
  const ks = m === 0 ? { statistic: Number.NaN, pValue: Number.NaN } : { statistic: d, pValue: kolmogorovSurvival((en + 0.12 + 0.11 / en) * d) };
  const prodCounts = new Array<number>(ref.counts.length).fill(0);
  for (const v of sorted) prodCounts[binOf(ref.edges, v)]! += 1;
  let psi = 0;
  const bins: PsiBin[] = ref.counts.map((c, i) => {
    const q = c / ref.total;
    const p = m ? prodCounts[i]! / m : 0;
    psi += (Math.max(p, FLOOR) - Math.max(q, FLOOR)) * Math.log(Math.max(p, FLOOR) / Math.max(q, FLOOR));
    return { lower: ref.edges[i]!, upper: ref.edges[i + 1]!, referenceShare: q, productionShare: p };
  });
  const level = psiLevel(psi);
  const ksDrifted = ks.pValue < KS_ALPHA;
  return {
    feature,
    referenceCount: n,
    productionCount: m,
    ks,
    psi: { psi, bins, binning: `${bins.length} bins of the training histogram` },
    psiLevel: level,
    ksDrifted,
    drifted: ksDrifted || level !== 'none',
    histogram: bins.map((b) => ({ start: b.lower, end: b.upper, reference: b.referenceShare, production: b.productionShare })),
  };
}

export function driftReportFromBins(columns: readonly { feature: string; reference: BinnedReference; production: readonly number[] }[]): DriftReport {
  return reportOf(
    columns.map((c) => featureDriftFromBins(c.feature, c.reference, c.production)),
    BINNED_BINNING,
  );
}
