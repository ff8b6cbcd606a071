import { describe, expect, it } from 'vitest';
import { describeProgress, progressFraction, type ProgressState } from './progress';

const state = (over: Partial<ProgressState> = {}): ProgressState => ({
  configs: [
    { backend: 'wasm', threads: 1 },
    { backend: 'webgpu', threads: 1 },
  ],
  configIndex: 0,
  progress: null,
  stop: { kind: 'runs', runs: 100 },
  warmupRuns: 10,
  ...over,
});
const at = (phase: 'session' | 'first-run' | 'warmup' | 'measure', pointIndex: number, runsDone: number, elapsedMs = 0) => ({ runId: 'r', phase, pointIndex, pointCount: 4, batchSize: [1, 8, 32, 128][pointIndex]!, runsDone, elapsedMs });

describe('benchmark progress', () => {
  it('counts configurations, points, and warm-up and measuring as halves of a point', () => {
    expect(progressFraction(state())).toBe(0);
    expect(progressFraction(state({ progress: at('warmup', 0, 5) }))).toBeCloseTo(0.25 / 4 / 2, 12);
    expect(progressFraction(state({ progress: at('measure', 1, 50) }))).toBeCloseTo((1 + 0.75) / 4 / 2, 12);
    expect(progressFraction(state({ configIndex: 1, progress: at('measure', 3, 100) }))).toBe(1);
    expect(progressFraction(state({ stop: { kind: 'time', ms: 2000 }, progress: at('measure', 0, 7, 1000) }))).toBeCloseTo(0.75 / 4 / 2, 12);
    expect(progressFraction(state({ warmupRuns: 0, progress: at('warmup', 0, 0) }))).toBeCloseTo(0.5 / 8, 12);
  });

  it('says where the benchmark is', () => {
    expect(describeProgress(state())).toBe('WASM · 1 thread (1 of 2) · starting the engine');
    expect(describeProgress(state({ configIndex: 1, progress: at('measure', 1, 45, 1234) }))).toBe('WebGPU (2 of 2) · batch 8 (point 2 of 4) · measuring: 45 runs, 1.2 s');
    expect(describeProgress(state({ progress: at('first-run', 0, 0) }))).toBe('WASM · 1 thread (1 of 2) · batch 1 (point 1 of 4) · first (cold) run');
  });
});
