import { describe, expect, it } from 'vitest';
import { mean, standardDeviation, summarizeLatency, throughputPerSec } from './summary';

describe('latency summary', () => {
  it('computes the sample standard deviation', () => {
    // mean 5, squared deviations sum to 32: sample variance 32/7.
    expect(standardDeviation([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(standardDeviation([3])).toBe(0);
    expect(mean([2, 4, 4, 4, 5, 5, 7, 9])).toBe(5);
  });

  it('summarises raw samples', () => {
    const s = summarizeLatency([4, 1, 3, 2]);
    expect(s).toEqual({ runs: 4, p50Ms: 2.5, p95Ms: expect.closeTo(3.85, 12), p99Ms: expect.closeTo(3.97, 12), meanMs: 2.5, stdMs: expect.closeTo(Math.sqrt(5 / 3), 12), minMs: 1, maxMs: 4 });
  });

  it('keeps the tail: p99 of 99 fast runs and one slow one', () => {
    const samples = [...Array.from({ length: 99 }, () => 1), 101];
    const s = summarizeLatency(samples);
    expect(s.p50Ms).toBe(1);
    expect(s.p99Ms).toBeCloseTo(2, 9); // h = 98.01: 1 + 0.01 × 100
    expect(s.maxMs).toBe(101);
    expect(s.meanMs).toBe(2);
  });

  it('rejects an empty sample', () => {
    expect(() => summarizeLatency([])).toThrow(RangeError);
  });

  it('turns mean latency into samples per second', () => {
    expect(throughputPerSec(8, { meanMs: 4 })).toBe(2000);
    expect(throughputPerSec(1, { meanMs: 0.5 })).toBe(2000);
  });
});
