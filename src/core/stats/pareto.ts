export interface FrontierCandidate {
  readonly id: string;
  /** Higher is better (accuracy), or pass `lowerIsBetter` for RMSE. */
  readonly metric: number;
  readonly latencyMs: number;
  /**
   * The latency's measured uncertainty (e.g. the p50's 95 % interval). Two
   * latencies whose intervals overlap are a tie: neither is faster. Without it,
   * the latency is taken as exact.
   */
  readonly latencyLowMs?: number;
  readonly latencyHighMs?: number;
}

const low = (c: FrontierCandidate): number => c.latencyLowMs ?? c.latencyMs;
const high = (c: FrontierCandidate): number => c.latencyHighMs ?? c.latencyMs;

/** `a` is faster than `b` beyond noise: its whole interval lies below b's (ties on a 0.01 ms gap are noise). */
export function clearlyFaster(a: FrontierCandidate, b: FrontierCandidate): boolean {
  return high(a) < low(b);
}

/** Within each other's noise on latency. */
export function latencyTie(a: FrontierCandidate, b: FrontierCandidate): boolean {
  return !clearlyFaster(a, b) && !clearlyFaster(b, a);
}

/**
 * Pareto-optimal candidates: no other is at least as good on both axes and
 * strictly better on one, where "faster" means faster beyond the measured
 * spread. Sorted by latency.
 */
export function paretoFrontier<T extends FrontierCandidate>(candidates: readonly T[], lowerIsBetter = false): T[] {
  const better = (a: number, b: number): boolean => (lowerIsBetter ? a < b : a > b);
  const atLeast = (a: number, b: number): boolean => (lowerIsBetter ? a <= b : a >= b);
  return candidates
    .filter((c) => !candidates.some((o) => o !== c && !clearlyFaster(c, o) && atLeast(o.metric, c.metric) && (clearlyFaster(o, c) || better(o.metric, c.metric))))
    .sort((a, b) => a.latencyMs - b.latencyMs);
}

/**
 * The best-scoring candidates whose latency fits the budget: one, or several
 * when they score the same and none is faster beyond noise (a tie). Empty when
 * none fits. The first is the fastest of them.
 */
export function bestUnderBudget<T extends FrontierCandidate>(candidates: readonly T[], budgetMs: number, lowerIsBetter = false): T[] {
  const fitting = candidates.filter((c) => c.latencyMs <= budgetMs);
  if (fitting.length === 0) return [];
  const top = fitting.reduce((best, c) => (lowerIsBetter ? Math.min(best, c.metric) : Math.max(best, c.metric)), lowerIsBetter ? Infinity : -Infinity);
  const scoring = fitting.filter((c) => c.metric === top).sort((a, b) => a.latencyMs - b.latencyMs);
  const fastest = scoring[0]!;
  return scoring.filter((c) => c === fastest || latencyTie(c, fastest));
}
