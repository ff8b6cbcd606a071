export interface FrontierCandidate {
  readonly id: string;
  /** Higher is better (accuracy), or pass `lowerIsBetter` for RMSE. */
  readonly metric: number;
  readonly latencyMs: number;
}

/**
 * Pareto-optimal candidates: no other is at least as good on both axes and strictly
 * better on one. Sorted by latency.
 */
export function paretoFrontier<T extends FrontierCandidate>(candidates: readonly T[], lowerIsBetter = false): T[] {
  const better = (a: number, b: number): boolean => (lowerIsBetter ? a < b : a > b);
  const atLeast = (a: number, b: number): boolean => (lowerIsBetter ? a <= b : a >= b);
  return candidates
    .filter((c) => !candidates.some((o) => o !== c && o.latencyMs <= c.latencyMs && atLeast(o.metric, c.metric) && (o.latencyMs < c.latencyMs || better(o.metric, c.metric))))
    .sort((a, b) => a.latencyMs - b.latencyMs);
}

/** The best-scoring candidate whose latency fits the budget, or null when none does. */
export function bestUnderBudget<T extends FrontierCandidate>(candidates: readonly T[], budgetMs: number, lowerIsBetter = false): T | null {
  const fitting = candidates.filter((c) => c.latencyMs <= budgetMs);
  if (fitting.length === 0) return null;
  return fitting.reduce((best, c) => ((lowerIsBetter ? c.metric < best.metric : c.metric > best.metric) || (c.metric === best.metric && c.latencyMs < best.latencyMs) ? c : best));
}
