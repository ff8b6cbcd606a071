import { describe, expect, it } from 'vitest';
import { clockStep, fewestRunsFor, halfWidth, halfWidthAt, intervalsOverlap, medianInterval, medianRank, normalQuantile, runsForHalfWidth, runsToSeparate, timingInterval } from './median-interval';

/** P(B ≤ j), B ~ Binomial(n, ½), by exact integer arithmetic: the reference for the log-space loop. */
function binomialCdf(n: number, j: number): number {
  let c = 1n;
  let sum = 0n;
  for (let i = 0; i <= j; i++) {
    sum += c;
    c = (c * BigInt(n - i)) / BigInt(i + 1);
  }
  return Number((sum * 10n ** 18n) / 2n ** BigInt(n)) / 1e18;
}

describe('the median’s order-statistic interval', () => {
  it('picks the textbook ranks', () => {
    // n = 10: P(B ≤ 1) = 11/1024 ≤ 0.025 < P(B ≤ 2) = 56/1024 → [x(2), x(9)].
    expect(medianRank(10)).toEqual({ k: 2, tail: expect.closeTo(11 / 1024, 12) });
    // n = 100: the tables' (x(40), x(61)).
    expect(medianRank(100).k).toBe(40);
    // n = 6 is the fewest with a 95 % interval: [min, max] covers 1 − 2/64.
    expect(medianRank(6)).toEqual({ k: 1, tail: expect.closeTo(1 / 64, 12) });
    expect(medianRank(5).k).toBe(0);
    expect(fewestRunsFor(0.95)).toBe(6);
    expect(fewestRunsFor(0.99)).toBe(8);
  });

  it('agrees with exact binomial tails, up to large n', () => {
    for (const n of [7, 20, 31, 64, 250, 1000]) {
      const { k, tail } = medianRank(n);
      expect(tail).toBeCloseTo(binomialCdf(n, k - 1), 12);
      expect(binomialCdf(n, k - 1)).toBeLessThanOrEqual(0.025);
      expect(binomialCdf(n, k)).toBeGreaterThan(0.025);
    }
    // A million samples: no underflow, and close to the normal approximation n/2 − 1.96·√n/2.
    const big = medianRank(1_000_000).k;
    expect(Math.abs(big - (500_000 - 1.96 * 500))).toBeLessThan(3);
  });

  it('bounds the median of raw samples, whatever their order', () => {
    const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    const i = medianInterval(samples);
    expect(i).toEqual({ runs: 10, median: 5.5, low: 2, high: 9, coverage: expect.closeTo(1 - 22 / 1024, 12), meetsConfidence: true });
    expect(halfWidth(i)).toBe(3.5);
  });

  it('says when there are too few runs, and what [min, max] covers then', () => {
    const i = medianInterval([1.15, 4.98, 2.08, 1.2, 1.3]);
    expect(i.meetsConfidence).toBe(false);
    expect(i.coverage).toBeCloseTo(1 - 2 / 32, 12);
    expect([i.low, i.high]).toEqual([1.15, 4.98]);
    // Widened to what a 95 % interval would be: z(0.975)/z(0.96875).
    expect(halfWidthAt(i)).toBeCloseTo((4.98 - 1.3) * (1.959964 / 1.862732), 4);
    expect(() => medianInterval([])).toThrow(RangeError);
  });

  it('covers the true median about 95 % of the time (simulation, fixed seed)', () => {
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // A skewed latency-like law: exponential with median ln 2.
    let covered = 0;
    const trials = 2000;
    for (let t = 0; t < trials; t++) {
      const samples = Array.from({ length: 25 }, () => -Math.log(1 - random()));
      const i = medianInterval(samples);
      if (i.low <= Math.LN2 && Math.LN2 <= i.high) covered++;
    }
    // n = 25: exact coverage 0.9567; 2000 trials give a standard error near 0.0045.
    expect(covered / trials).toBeGreaterThan(0.94);
    expect(covered / trials).toBeLessThan(0.975);
  });

  it('tells overlapping intervals from separate ones', () => {
    expect(intervalsOverlap({ low: 1, high: 2 }, { low: 2, high: 3 })).toBe(true);
    expect(intervalsOverlap({ low: 1, high: 2 }, { low: 2.01, high: 3 })).toBe(false);
  });

  it('derives the runs a point or a comparison needs from the width measured', () => {
    const i = medianInterval(Array.from({ length: 20 }, (_, k) => 1 + k / 100));
    // Half-width w with 20 runs; ±w/2 needs 4× as many.
    expect(runsForHalfWidth(i, halfWidth(i) / 2)).toBe(80);
    expect(runsForHalfWidth(i, halfWidth(i) * 10)).toBe(6);
    const a = medianInterval([1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7]);
    const b = medianInterval([1.05, 1.15, 1.25, 1.35, 1.45, 1.55, 1.65, 1.75]);
    const widths = halfWidth(a) + halfWidth(b);
    expect(runsToSeparate(a, b)).toBeCloseTo(8 * (widths / 0.05) ** 2, -1);
    expect(runsToSeparate(a, a)).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts the clock’s tick in the runs that would separate two medians', () => {
    // 20 runs on a 0.1 ms clock, B = A + 0.3: each interval is [0.9, 1.1]-like (±0.1), and each is widened
    // by a tick each way, so the half-widths must shrink below 0.3 − 0.2 = 0.1 together: 20·(0.2/0.1)² = 80.
    const a = [0.8, ...new Array<number>(5).fill(0.9), ...new Array<number>(8).fill(1.0), ...new Array<number>(5).fill(1.1), 1.2];
    const b = a.map((x) => x + 0.3);
    const ia = medianInterval(a);
    const ib = medianInterval(b);
    expect(halfWidth(ia)).toBeCloseTo(0.1, 12);
    expect(runsToSeparate(ia, ib, 0.2)).toBe(80);
    // Within the ticks: no number of runs separates them.
    expect(runsToSeparate(ia, ib, 0.3)).toBe(Number.POSITIVE_INFINITY);
  });

  it('scales each interval by its own run count when the counts differ', () => {
    // A: 10 runs, ±0.2; B: 40 runs, ±0.1 (w·√n equal, 0.632 each); gap 0.5. n′ = ((0.2√10 + 0.1√40)/0.5)² = 6.4 → 7.
    const a = { runs: 10, median: 1, low: 0.8, high: 1.2, coverage: 0.98, meetsConfidence: true };
    const b = { runs: 40, median: 1.5, low: 1.4, high: 1.6, coverage: 0.96, meetsConfidence: true };
    expect(runsToSeparate(a, b)).toBe(Math.ceil(((0.2 * Math.sqrt(10) + 0.1 * Math.sqrt(40)) / 0.5) ** 2));
    expect(runsToSeparate(a, b)).toBe(7);
    // The old Math.max(runs) rule gave 40·(0.3/0.5)² = 15.
  });

  it('inverts the normal distribution', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});

describe('clockStep', () => {
  it('takes the recorded timer resolution when known, not the smallest gap between samples', () => {
    const a = [2.0, 2.03, 2.07, 2.1, 2.14, 2.17, 2.21, 2.24, 2.28, 2.32];
    expect(clockStep(a, 0.005)).toBe(0.005);
    // Unknown resolution and no grid (no ties, gaps of 0.03 and 0.04): no tick is inferred.
    expect(clockStep(a)).toBe(0);
  });

  it('infers a tick only from samples on a grid with ties', () => {
    const grid = [0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 1.1, 1.1, 1.1, 1.2];
    expect(clockStep(grid)).toBeCloseTo(0.1, 9);
    // Evenly spread, all different: a step of 2 between them is not a clock.
    expect(clockStep([50, 52, 54, 56, 58, 60])).toBe(0);
    // Ties, but off any grid of the smallest gap.
    expect(clockStep([1, 1, 1.3, 1.3, 2, 2])).toBe(0);
  });
});

describe('timingInterval', () => {
  it('is the order-statistic interval when the samples show no clock: [50, 60] for six spread runs (96.9 %)', () => {
    const i = timingInterval([50, 52, 54, 56, 58, 60]);
    expect([i.low, i.high]).toEqual([50, 60]);
    expect(i.coverage).toBeCloseTo(1 - 2 / 64, 12);
    const recorded = timingInterval([50, 52, 54, 56, 58, 60], 0.1);
    expect([recorded.low, recorded.high]).toEqual([49.9, 60.1]);
  });

  it('widens the median’s interval by the clock’s step, so that one tick apart is no difference', () => {
    const threeTicks = Array.from({ length: 200 }, () => 0.015);
    // As differences of two clock readings: equal ticks differ in the last bits.
    const fourTicks = Array.from({ length: 200 }, (_, i) => (i % 50 === 0 ? 1000.025 - 1000 : (1000 + i * 0.005 + 0.02) - (1000 + i * 0.005)));
    expect(clockStep(fourTicks)).toBeCloseTo(0.005, 9);
    // Every sample the same: no gap to read the step from, so the page's finest (5 µs).
    expect(timingInterval(threeTicks).low).toBeCloseTo(0.01, 9);
    expect(timingInterval(threeTicks).high).toBeCloseTo(0.02, 9);
    expect(intervalsOverlap(timingInterval(threeTicks), timingInterval(fourTicks))).toBe(true);
    // Three ticks apart, every run alike: told apart.
    const sixTicks = Array.from({ length: 200 }, () => 0.03);
    expect(intervalsOverlap(timingInterval(threeTicks), timingInterval(sixTicks))).toBe(false);
  });
});
