import { describe, expect, it } from 'vitest';
import { backendResult, type BenchmarkRun } from './run';
import { browserName, byBatchRows, compareRuns, comparisonThroughput, latencyDistributions, runLabel, summaryBars } from './series';
import { sampleRun } from './sample-run.fixture';

const webgpu = backendResult(
  { backend: 'webgpu', threads: 1 },
  { backend: 'webgpu', runtimeStartMs: null, sessionCreateMs: 300, firstRunMs: 90, firstRunBatchSize: 8, completed: true, timerResolutionMs: 0.005, wasmSimd: true, points: [{ batchSize: 8, warmupRuns: 1, samplesMs: [20, 30] }] },
);
const run: BenchmarkRun = { ...sampleRun(), results: [...sampleRun().results, webgpu] };

describe('chart series', () => {
  it('draws the latency distribution at batch 1, else at the smallest batch', () => {
    const charts = latencyDistributions(run.results);
    expect(charts.map((c) => [c.key, c.batchSize])).toEqual([
      ['wasm-1', 1],
      ['webgpu', 8],
    ]);
    expect(charts[0]!.bins.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(charts[0]!.bins[0]!.label).toMatch(/^1\.0+–/);
  });

  it('lays out metrics by batch size, one column per configuration', () => {
    const { series, rows } = byBatchRows(run.results, 'throughputPerSec');
    expect(series).toEqual([
      { key: 'wasm-1', label: 'WASM · 1 thread' },
      { key: 'webgpu', label: 'WebGPU' },
    ]);
    expect(rows).toEqual([
      { batchSize: 1, 'wasm-1': 400 },
      { batchSize: 8, 'wasm-1': 1000, webgpu: 320 },
    ]);
  });

  it('compares configurations at batch 1 and at their best batch', () => {
    expect(summaryBars(run.results, run.environment.webgpuAdapter)).toEqual([
      { key: 'wasm-1', label: 'WASM · 1 thread', atBatch1: 400, atBest: 1000, bestBatch: 8 },
      { key: 'webgpu', label: 'WebGPU (google / swiftshader, software)', atBatch1: null, atBest: 320, bestBatch: 8 },
    ]);
  });

  it('puts runs side by side, with gaps where a run did not measure', () => {
    const other: BenchmarkRun = { ...sampleRun({ id: 'r2' }), results: [webgpu] };
    const rows = compareRuns([run, other]);
    expect(rows.map((r) => [r.key, r.cells.map((c) => c?.p50Ms ?? null)])).toEqual([
      ['wasm-1@1', [2.5, null]],
      ['wasm-1@8', [8, null]],
      ['webgpu@8', [25, 25]],
    ]);
    const chart = comparisonThroughput([run, other]);
    expect(chart.series.map((s) => s.label)).toEqual(['#1 WASM · 1 thread', '#1 WebGPU', '#2 WebGPU']);
    expect(chart.rows[1]).toEqual({ batchSize: 8, 'r0-wasm-1': 1000, 'r0-webgpu': 320, 'r1-webgpu': 320 });
  });

  it('names browsers and runs', () => {
    expect(browserName(run.environment.userAgent)).toBe('Chrome (headless) 141');
    expect(browserName('Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15')).toBe('Safari 18');
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox 128');
    expect(runLabel(run, 0)).toBe('#1 · 2026-02-03 04:05 · Chrome (headless) 141');
  });
});
