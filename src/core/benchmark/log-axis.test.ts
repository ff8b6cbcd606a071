import { describe, expect, it } from 'vitest';
import { batchAxis, logAxis } from './log-axis';

describe('log chart axes', () => {
  it('spans every series, from a slow software WebGPU to a fast WASM', () => {
    // WebGPU on SwiftShader at ~30 samples/s, WASM at ~90,000: five decades, all visible.
    const axis = logAxis([31.5, 90_000, 4_500, 0, Number.NaN]);
    expect(axis).toEqual({ domain: [10, 100_000], ticks: [10, 100, 1000, 10_000, 100_000] });
  });

  it('uses 1-2-5 ticks over two decades or less, and one decade for one value', () => {
    expect(logAxis([0.12, 3.4])).toEqual({ domain: [0.1, 10], ticks: [0.1, 0.2, 0.5, 1, 2, 5, 10] });
    expect(logAxis([1000])).toEqual({ domain: [1000, 10_000], ticks: [1000, 2000, 5000, 10_000] });
    expect(logAxis([-1, 0])).toBeNull();
  });

  it('puts a tick at each batch size', () => {
    expect(batchAxis([32, 1, 8, 128, 8])).toEqual({ domain: [1 / 1.3, 128 * 1.3], ticks: [1, 8, 32, 128] });
    expect(batchAxis([])).toBeNull();
  });
});
