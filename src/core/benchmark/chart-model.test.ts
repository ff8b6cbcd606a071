import { describe, expect, it } from 'vitest';
import { LABEL_LINE_PX, logLineChart, throughputDots } from './chart-model';

describe('chart models', () => {
  it('puts both axes on log scales spanning every series, and finds where each series ends', () => {
    const chart = logLineChart({
      series: [
        { key: 'wasm-1', label: 'WASM · 1 thread' },
        { key: 'webgpu', label: 'WebGPU' },
      ],
      rows: [
        { batchSize: 1, 'wasm-1': 40_000, webgpu: 30 },
        { batchSize: 8, 'wasm-1': 90_000 },
      ],
    })!;
    expect(chart.x.ticks).toEqual([1, 8]);
    expect(chart.y.domain).toEqual([10, 100_000]);
    expect(chart.series.map((s) => [s.key, s.lastIndex])).toEqual([
      ['wasm-1', 1],
      ['webgpu', 0],
    ]);
    expect(chart.series.map((s) => s.labelDy)).toEqual([-10, -10]);
  });

  it('keeps labels that end together apart', () => {
    const chart = logLineChart({
      series: [
        { key: 'a', label: 'A' },
        { key: 'b', label: 'B' },
        { key: 'c', label: 'C' },
      ],
      rows: [{ batchSize: 32, a: 0.00105, b: 0.0011, c: 1 }],
    })!;
    const [a, b, c] = chart.series;
    // b is drawn above a (larger value), a's label goes one line below b's; c is far away and stays put.
    expect(b!.labelDy).toBe(-10);
    expect(c!.labelDy).toBe(-10);
    const pxPerDecade = 190 / 3;
    const gap = Math.log10(0.0011 / 0.00105) * pxPerDecade;
    expect(a!.labelDy).toBeCloseTo(LABEL_LINE_PX - 10 - gap, 9);
  });

  it('draws throughput dots on one log axis, batch 1 and best together', () => {
    const dots = throughputDots([{ key: 'webgpu', label: 'WebGPU', atBatch1: 31, atBest: 2000, bestBatch: 128 }, { key: 'wasm-1', label: 'WASM', atBatch1: null, atBest: 90_000, bestBatch: 8 }])!;
    expect(dots.x.domain).toEqual([10, 100_000]);
    expect(throughputDots([])).toBeNull();
  });
});
