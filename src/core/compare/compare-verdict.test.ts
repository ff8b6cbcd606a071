import { describe, expect, it } from 'vitest';
import { assembleComparison } from './compare';
import { measurement } from './measurement.fixture';
import { bestSentence, frontierSentence, p50WithSpread, tiedWith } from './compare-verdict';

const m = (id: string, metric: number, p50: number, spread: number) => measurement(id, metric, p50, {}, spread);

describe('the comparison’s verdict', () => {
  it('calls a 0.01 ms gap inside the spread a tie, not a win', () => {
    const r = assembleComparison([m('iris-pipeline', 0.9111, 0.05, 0.01), m('iris-trees', 0.9111, 0.06, 0.015), m('iris-mlp', 0.9333, 0.9, 0.05)], 0.5);
    expect(r.best?.id).toBe('iris-pipeline');
    expect(r.bestTies.map((x) => x.id)).toEqual(['iris-trees']);
    expect(bestSentence(r)).toBe('Best under 0.5 ms: a tie between iris-pipeline and iris-trees (91.11 % each; their latencies, p50 0.050 ms ±0.010 and p50 0.060 ms ±0.015, are within each other’s noise)');
    expect(r.rows.filter((x) => x.pareto).map((x) => x.id)).toEqual(['iris-pipeline', 'iris-trees', 'iris-mlp']);
    expect(frontierSentence(r)).toBe(
      'Pareto-optimal, from fastest to most accurate: iris-pipeline and iris-trees (a tie: 91.11 % each, latencies within each other’s noise), then iris-mlp (93.33 %, p50 0.900 ms ±0.050). Each step buys accuracy with latency beyond the measured spread.',
    );
    expect(tiedWith(r.rows[0]!, r.rows).map((x) => x.id)).toEqual(['iris-trees']);
  });

  it('names one winner when the gap is beyond the spread', () => {
    const r = assembleComparison([m('a', 0.9, 0.05, 0.002), m('b', 0.9, 0.08, 0.002)], 1);
    expect(bestSentence(r)).toBe('Best under 1 ms: a (90.00 %, p50 0.0500 ms ±0.0020)');
    expect(frontierSentence(r)).toBe('Pareto-optimal: only a (90.00 %, p50 0.0500 ms ±0.0020) — every other model is less accurate, or slower beyond the measured spread.');
    expect(bestSentence(assembleComparison([m('a', 0.9, 3, 0.1)], 1))).toBe('None fits the 1 ms budget');
  });

  it('ties identical models, whatever their order', () => {
    const r = assembleComparison([m('copy-1', 0.9111, 0.045, 0.005), m('copy-2', 0.9111, 0.04, 0.005)], 1);
    expect(frontierSentence(r)).toMatch(/^Pareto-optimal: copy-2 and copy-1 \(a tie: 91\.11 % each, latencies within each other’s noise\): neither is better\.$/);
    expect(p50WithSpread({ ...r.rows[0]!, p50IntervalMs: null })).toBe('p50 0.045 ms');
  });
});
