import { describe, expect, it } from 'vitest';
import { bestUnderBudget, clearlyFaster, latencyTie, paretoFrontier } from './pareto';

/** A model with its p50 and the p50's interval. */
const c = (id: string, metric: number, latencyMs: number, spread = 0) => ({ id, metric, latencyMs, latencyLowMs: latencyMs - spread, latencyHighMs: latencyMs + spread });

describe('Pareto frontier with latencies measured in noise', () => {
  it('does not crown a 0.01 ms gap inside the spread', () => {
    const a = c('a', 0.9111, 0.05, 0.01);
    const b = c('b', 0.9111, 0.06, 0.012);
    expect(latencyTie(a, b)).toBe(true);
    // Same accuracy, latencies within noise: both on the frontier, both best.
    expect(paretoFrontier([a, b]).map((x) => x.id)).toEqual(['a', 'b']);
    expect(bestUnderBudget([a, b], 1).map((x) => x.id)).toEqual(['a', 'b']);
    // Exact figures (no spread) still rank on any gap.
    expect(paretoFrontier([c('a', 0.9, 0.05), c('b', 0.9, 0.06)]).map((x) => x.id)).toEqual(['a']);
  });

  it('ranks a gap beyond the spread, and a better metric at a tied latency', () => {
    const fast = c('fast', 0.9, 0.05, 0.005);
    const slow = c('slow', 0.9, 0.5, 0.05);
    expect(clearlyFaster(fast, slow)).toBe(true);
    expect(paretoFrontier([fast, slow]).map((x) => x.id)).toEqual(['fast']);
    expect(bestUnderBudget([fast, slow], 1).map((x) => x.id)).toEqual(['fast']);
    // Tied on latency, better on accuracy: dominates.
    const better = c('better', 0.95, 0.052, 0.01);
    expect(paretoFrontier([fast, better]).map((x) => x.id)).toEqual(['better']);
    // Slower beyond noise but more accurate: a trade-off, both stay.
    expect(paretoFrontier([fast, c('accurate', 0.97, 2, 0.1)]).map((x) => x.id)).toEqual(['fast', 'accurate']);
  });
});
