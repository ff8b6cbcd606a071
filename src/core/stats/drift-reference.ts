import { PSI_SMOOTHING, psiLevel, psiNoise, psiOfCounts, rowsToTell, type PsiBin } from './drift';
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

export const BINNED_BINNING = `From the training histogram in metadata.json, not raw rows: PSI over its own bins (numpy’s convention: left-closed, the last bin closed; production values outside the edges counted in the outer bins), ${PSI_SMOOTHING}, chance judged with the histogram’s count and the production rows. No KS test: it needs the raw training values`;

/**
 * PSI of a production sample over a training histogram's own bins. No KS: a histogram is not
 * its raw values, and taking them as uniform within each bin made the training distribution
 * itself look drifted once production had thousands of rows.
 */
export function featureDriftFromBins(feature: string, ref: BinnedReference, production: readonly number[]): FeatureDrift {
  const sorted = sortAscending(production.filter((v) => !Number.isNaN(v)));
  const m = sorted.length;
  const n = ref.total;
  const prodCounts = new Array<number>(ref.counts.length).fill(0);
  for (const v of sorted) prodCounts[binOf(ref.edges, v)]! += 1;
  const psi = psiOfCounts(prodCounts, ref.counts);
  const bins: PsiBin[] = ref.counts.map((c, i) => ({ lower: ref.edges[i]!, upper: ref.edges[i + 1]!, referenceShare: c / n, productionShare: m ? prodCounts[i]! / m : 0 }));
  // Bins empty on both sides carry nothing: chance is judged over the others.
  const used = bins.filter((b) => b.referenceShare > 0 || b.productionShare > 0).length;
  const noise = psiNoise(used, n, m);
  const level = m === 0 ? 'unclear' : psiLevel(psi, noise);
  return {
    feature,
    referenceCount: n,
    productionCount: m,
    ks: null,
    psi: { psi, bins, binning: `${bins.length} bins of the training histogram` },
    psiNoise: noise,
    rowsToTell: rowsToTell(used, n),
    psiLevel: level,
    ksDrifted: false,
    drifted: level === 'moderate' || level === 'major',
    histogram: bins.map((b) => ({ start: b.lower, end: b.upper, reference: b.referenceShare, production: b.productionShare })),
  };
}

export function driftReportFromBins(columns: readonly { feature: string; reference: BinnedReference; production: readonly number[] }[]): DriftReport {
  return reportOf(
    columns.map((c) => featureDriftFromBins(c.feature, c.reference, c.production)),
    BINNED_BINNING,
  );
}
