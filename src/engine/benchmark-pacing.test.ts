import { describe, expect, it } from 'vitest';
import type { BenchmarkProgress, BenchmarkRequest } from '../core/protocol/benchmark';
import { benchmarkPacer } from './benchmark-pacing';

const REQUEST = { runId: 'r', points: [{ batchSize: 1 }, { batchSize: 8 }] } as unknown as BenchmarkRequest;

describe('benchmarkPacer', () => {
  it('reports at most every 250 ms unless a phase starts, naming the point and the time in the phase', () => {
    const seen: BenchmarkProgress[] = [];
    const pacer = benchmarkPacer(REQUEST, (p) => seen.push(p), () => false, () => 0);
    pacer.report('warmup', 1, 0, 100, 100, true);
    pacer.report('warmup', 1, 1, 100, 200);
    pacer.report('warmup', 1, 2, 100, 349);
    pacer.report('warmup', 1, 3, 100, 350);
    pacer.report('measure', 1, 0, 360, 360, true);
    expect(seen.map((p) => [p.phase, p.runsDone, p.elapsedMs])).toEqual([
      ['warmup', 0, 0],
      ['warmup', 3, 250],
      ['measure', 0, 0],
    ]);
    expect(seen[0]).toMatchObject({ runId: 'r', pointIndex: 1, pointCount: 2, batchSize: 8 });
  });

  it('yields a macrotask only every 50 ms, reading the clock after it, and says when the run is cancelled', async () => {
    let clock = 1000;
    let reads = 0;
    let cancelled = false;
    const pacer = benchmarkPacer(REQUEST, () => undefined, () => cancelled, () => (reads++, clock));
    expect(reads).toBe(1);
    expect(await pacer.shouldStop(1049)).toBe(false);
    expect(reads).toBe(1);
    clock = 1050;
    expect(await pacer.shouldStop(1050)).toBe(false);
    expect(reads).toBe(2);
    cancelled = true;
    expect(await pacer.shouldStop(1099)).toBe(true);
    expect(reads).toBe(2);
  });
});
