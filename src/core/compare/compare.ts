import type { TensorSpec } from '../protocol/tensor';
import { bestUnderBudget, paretoFrontier } from '../stats/pareto';

/** What decides whether a model can join a comparison. */
export interface CompareCandidateInfo {
  readonly id: string;
  readonly name: string;
  readonly ready: boolean;
  /** From `signatureKey`; null before the model has loaded. */
  readonly signature: string | null;
  /** The package's evaluation CSV (test.csv), or null. */
  readonly evaluationCsv: Uint8Array | null;
}

export type Eligibility = { readonly eligible: true; readonly reason: string } | { readonly eligible: false; readonly reason: string };

/** Input names, element types and shapes (symbolic dimensions as "?"), in a comparable form. */
export function signatureKey(inputs: readonly TensorSpec[]): string {
  return inputs
    .map((i) => `${i.name}:${i.dtype}[${(i.shape ?? []).map((d) => (typeof d === 'number' && d > 0 ? String(d) : '?')).join(',')}]`)
    .sort()
    .join(';');
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Whether `candidate` can be compared with `reference` (the first selected model, whose
 * evaluation CSV scores everyone): same input signature, or the same evaluation CSV.
 */
export function eligibility(reference: CompareCandidateInfo | null, candidate: CompareCandidateInfo): Eligibility {
  if (!candidate.ready) return { eligible: false, reason: 'still loading' };
  if (reference === null || reference.id === candidate.id) {
    return candidate.evaluationCsv ? { eligible: true, reason: 'its test.csv scores every model' } : { eligible: false, reason: 'its package has no evaluation CSV (test.csv) to score the models on' };
  }
  if (reference.evaluationCsv && candidate.evaluationCsv && sameBytes(reference.evaluationCsv, candidate.evaluationCsv)) return { eligible: true, reason: `same evaluation CSV as ${reference.name}` };
  if (reference.signature !== null && reference.signature === candidate.signature) return { eligible: true, reason: `same input signature as ${reference.name}` };
  return { eligible: false, reason: `neither its inputs nor its evaluation CSV match ${reference.name}` };
}

export type MetricKind = 'accuracy' | 'rmse';

/** One compared model, as measured. */
export interface CompareMeasurement {
  readonly id: string;
  readonly name: string;
  /** The model's own name (metadata model_name, else the package name): what `variantOf` refers to. */
  readonly identity: string;
  /** The identity of the model this is a reduced-precision variant of, or null. */
  readonly variantOf: string | null;
  /** How it was reduced (metadata `quantization.weights`), or null. */
  readonly quantization: string | null;
  readonly metricKind: MetricKind | null;
  readonly metric: number | null;
  readonly p50Ms: number | null;
  /** The p50's 95 % interval (order statistics of the timed runs): differences inside it are ties. Null when not timed. */
  readonly p50IntervalMs: { readonly low: number; readonly high: number } | null;
  readonly p95Ms: number | null;
  readonly modelBytes: number;
  readonly packageBytes: number;
  /** Why it has no metric or latency, when it has none. */
  readonly problem: string | null;
}

export interface CompareRow extends CompareMeasurement {
  readonly pareto: boolean;
  /** Metric minus the base model's (accuracy: negative = lost), or null when not a variant / not measured. */
  readonly accuracyCost: number | null;
  readonly costBase: string | null;
}

export interface ComparisonResult {
  readonly metricKind: MetricKind | null;
  readonly rows: readonly CompareRow[];
  /** Pareto-optimal rows, by latency: the frontier line. */
  readonly frontier: readonly CompareRow[];
  readonly budgetMs: number;
  /** The best model under the budget; with `bestTies`, the others that score the same within latency noise. */
  readonly best: CompareRow | null;
  readonly bestTies: readonly CompareRow[];
  /** Models left out of the chart, with why (no metric, another metric kind, no latency). */
  readonly unplotted: readonly CompareRow[];
}

/** Metric change of a variant against its base: accuracy − base accuracy, or RMSE − base RMSE. */
export function accuracyCost(variant: number, base: number): number {
  return variant - base;
}

/** Pareto marks, the budget's best model and the variants' accuracy costs, from the measurements. */
export function assembleComparison(measurements: readonly CompareMeasurement[], budgetMs: number): ComparisonResult {
  const kinds = measurements.map((m) => m.metricKind).filter((k): k is MetricKind => k !== null);
  const metricKind = kinds[0] ?? null;
  const lowerIsBetter = metricKind === 'rmse';
  const plottable = measurements.filter((m) => m.metricKind === metricKind && m.metric !== null && m.p50Ms !== null);
  const candidates = plottable.map((m) => ({ id: m.id, metric: m.metric!, latencyMs: m.p50Ms!, latencyLowMs: m.p50IntervalMs?.low, latencyHighMs: m.p50IntervalMs?.high }));
  const frontierIds = new Set(paretoFrontier(candidates, lowerIsBetter).map((c) => c.id));
  const best = Number.isFinite(budgetMs) ? bestUnderBudget(candidates, budgetMs, lowerIsBetter) : [];
  const rows: CompareRow[] = measurements.map((m) => {
    const base = m.variantOf === null ? undefined : measurements.find((o) => o !== m && o.identity === m.variantOf);
    const cost = base && base.metric !== null && m.metric !== null && base.metricKind === m.metricKind ? accuracyCost(m.metric, base.metric) : null;
    return { ...m, pareto: frontierIds.has(m.id), accuracyCost: cost, costBase: base ? base.name : null };
  });
  return {
    metricKind,
    rows,
    frontier: rows.filter((r) => r.pareto).sort((a, b) => a.p50Ms! - b.p50Ms!),
    budgetMs,
    best: best[0] ? rows.find((r) => r.id === best[0]!.id)! : null,
    bestTies: best.slice(1).map((b) => rows.find((r) => r.id === b.id)!),
    unplotted: rows.filter((r) => !plottable.some((p) => p.id === r.id)),
  };
}

/** Reads `quantization` from metadata.json: how the weights were reduced and from which model. */
export function quantizationOf(metadata: Readonly<Record<string, unknown>> | null | undefined): { weights: string | null; sourceModel: string | null } {
  const q = metadata?.quantization;
  if (typeof q !== 'object' || q === null || Array.isArray(q)) return { weights: null, sourceModel: null };
  const r = q as Record<string, unknown>;
  return { weights: typeof r.weights === 'string' ? r.weights : null, sourceModel: typeof r.source_model === 'string' ? r.source_model : null };
}
