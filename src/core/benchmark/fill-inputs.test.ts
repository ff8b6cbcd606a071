import { describe, expect, it } from 'vitest';
import { BENCHMARK_SEED, randomFeeds } from './feeds';
import type { TensorSpec } from '../protocol/tensor';
import { seededRandom, tensorValues } from '../schema/host-tensor';
import { drain, fillInputs, inputLayout } from './fill-inputs';

const SPECS: TensorSpec[] = [
  { name: 'a', dtype: 'float32', shape: ['N', 3] },
  { name: 'b', dtype: 'int64', shape: ['N'] },
  { name: 'c', dtype: 'bool', shape: ['N', 2] },
  { name: 'd', dtype: 'float16', shape: ['N'] },
  { name: 'e', dtype: 'string', shape: ['N'] },
  { name: 'g', dtype: 'uint8', shape: ['N'] },
  { name: 'h', dtype: 'unknown', shape: null },
];
const BATCH = { kind: 'symbolic', name: 'N' } as const;
const shown = (feeds: Record<string, { dtype: string; dims: readonly number[] }>) =>
  Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, [t.dtype, t.dims, tensorValues(t as never).map(String)]]));

describe('fillInputs', () => {
  it('draws the values random inputs always had (recorded before inputs were made in steps)', () => {
    expect(shown(randomFeeds(SPECS, BATCH, 3, {}))).toEqual({
      a: ['float32', [3, 3], ['0.011704753153026104', '0.06195825710892677', '0.9769076108932495', '0.699028730392456', '0.5214452743530273', '0.4055216908454895', '0.46623262763023376', '0.23992519080638885', '0.5533255934715271']],
      b: ['int64', [3], ['7', '2', '1']],
      c: ['bool', [3, 2], ['1', '1', '0', '0', '0', '1']],
      d: ['float16', [3], ['0.29638671875', '0.97802734375', '0.24755859375']],
      e: ['string', [3], ['s8', 's1', 's1']],
      g: ['uint8', [3], ['1', '2', '5']],
      h: ['float32', [3], ['0.761873722076416', '0.07451809197664261', '0.9129406809806824']],
    });
  });

  it('gives the same values in steps of 7 elements as at once, and says how far it got after each step', () => {
    const layout = inputLayout(SPECS, BATCH, 50, {});
    const steps = fillInputs(layout, 'random', seededRandom(BENCHMARK_SEED), 7);
    const progress: number[] = [];
    let next = steps.next();
    while (!next.done) {
      progress.push(next.value);
      next = steps.next();
    }
    expect(shown(next.value)).toEqual(shown(randomFeeds(SPECS, BATCH, 50, {})));
    const total = layout.reduce((n, l) => n + l.dims.reduce((a, b) => a * b, 1), 0);
    expect(progress.at(-1)).toBe(total);
    expect(progress.every((p, i) => i === 0 || p > progress[i - 1]!)).toBe(true);
    expect(Math.max(...progress.map((p, i) => p - (progress[i - 1] ?? 0)))).toBeLessThanOrEqual(7);
  });

  it('fills ones, zeros, positions and drawn integers in a range the same in steps as at once', () => {
    const layout = [
      { name: 'm', dtype: 'bool' as const, dims: [2, 5], fill: { kind: 'ones' as const } },
      { name: 't', dtype: 'int64' as const, dims: [2, 5], fill: { kind: 'zeros' as const } },
      { name: 'p', dtype: 'int32' as const, dims: [2, 5], fill: { kind: 'positions' as const } },
      { name: 'i', dtype: 'int64' as const, dims: [2, 5], fill: { kind: 'drawn' as const, ints: { min: 100, max: 102 } } },
      { name: 'h', dtype: 'float16' as const, dims: [3], fill: { kind: 'positions' as const } },
    ];
    const once = drain(fillInputs(layout, 'random', seededRandom(BENCHMARK_SEED)));
    expect(shown(drain(fillInputs(layout, 'random', seededRandom(BENCHMARK_SEED), 3)))).toEqual(shown(once));
    expect(tensorValues(once.m!)).toEqual(new Array(10).fill(1));
    expect(tensorValues(once.t!)).toEqual(new Array(10).fill(0n));
    expect(tensorValues(once.p!)).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    expect(tensorValues(once.h!)).toEqual([0, 1, 2]);
    expect(new Set(tensorValues(once.i!))).toEqual(new Set([100n, 101n, 102n]));
  });

  it('makes zeros without a step for numbers (new buffers are zeroed) and empty strings in steps', () => {
    const steps = [...fillInputs(inputLayout(SPECS, BATCH, 20, {}), 'zeros', () => 0.5, 8)];
    expect(steps).toEqual([8, 16, 20]);
    const feeds = drain(fillInputs(inputLayout(SPECS, BATCH, 20, {}), 'zeros', () => 0.5, 8));
    expect(feeds.e!.data).toEqual(new Array(20).fill(''));
    expect([...(feeds.a!.data as Float32Array)].every((v) => v === 0)).toBe(true);
    expect(feeds.b!.data).toBeInstanceOf(BigInt64Array);
  });

  it('throws RangeError when a buffer cannot be had (the caller reports it)', () => {
    expect(() => drain(fillInputs([{ name: 'x', dtype: 'float64', dims: [2 ** 40] }], 'zeros', () => 0))).toThrow(RangeError);
  });
});
