import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../protocol/capabilities';
import { batchDimension, defaultDraft, parseBatchSizes, planBenchmark, threadChoices, type BenchmarkDraft } from './plan';

const caps = (over: Partial<Capabilities> = {}): Capabilities => ({
  crossOriginIsolated: true,
  hardwareConcurrency: 4,
  webgpu: { available: true, vendor: 'google', architecture: 'swiftshader', software: true },
  ...over,
});
const draft = (over: Partial<BenchmarkDraft> = {}): BenchmarkDraft => ({ ...defaultDraft({ kind: 'symbolic', name: 'N' }, true, 1), ...over });
const spec = (shape: (number | string)[] | null) => ({ name: 'x', dtype: 'float32' as const, shape });

describe('batch dimension', () => {
  it('is symbolic when every input starts with a named or negative dimension', () => {
    expect(batchDimension([spec(['N', 4])])).toEqual({ kind: 'symbolic', name: 'N' });
    expect(batchDimension([spec([-1, 4]), spec(['batch', 2])])).toEqual({ kind: 'symbolic', name: 'batch' });
    expect(batchDimension([spec([-1, 4])])).toEqual({ kind: 'symbolic', name: 'batch' });
  });
  it('is fixed when an input fixes it, absent when shapes are unknown', () => {
    expect(batchDimension([spec([1, 1, 8, 8])])).toEqual({ kind: 'fixed', size: 1 });
    expect(batchDimension([spec(['N', 4]), spec([3, 4])])).toEqual({ kind: 'fixed', size: 3 });
    expect(batchDimension([spec(null)])).toEqual({ kind: 'none' });
    expect(batchDimension([spec([])])).toEqual({ kind: 'none' });
    expect(batchDimension([])).toEqual({ kind: 'none' });
  });
  it('defaults to 1, 8, 32, 128 only when symbolic', () => {
    expect(defaultDraft({ kind: 'symbolic', name: 'N' }, false, 2)).toMatchObject({ batchSizes: '1, 8, 32, 128', wasmThreads: [1, 2], inputs: 'random' });
    expect(defaultDraft({ kind: 'fixed', size: 4 }, true, 1)).toMatchObject({ batchSizes: '4', inputs: 'example' });
  });
});

describe('plan', () => {
  it('parses batch sizes: sorted, unique, whole and in range', () => {
    expect(parseBatchSizes('32, 1;8 8  128')).toEqual({ ok: true, value: [1, 8, 32, 128] });
    for (const bad of ['', '0', '1.5', 'eight', '70000']) expect(parseBatchSizes(bad).ok).toBe(false);
  });

  it('adds WebNN where navigator.ml gave a context, and says why not elsewhere', () => {
    const withWebNn = caps({ webnn: { available: true, deviceTypes: ['cpu', 'gpu'] } });
    const plan = planBenchmark(draft({ wasmThreads: [1], webnn: true }), { kind: 'symbolic', name: 'N' }, withWebNn, true);
    expect(plan.ok && plan.value.configs).toEqual([
      { backend: 'wasm', threads: 1 },
      { backend: 'webnn', threads: 1 },
    ]);
    const refused = planBenchmark(draft({ wasmThreads: [1], webnn: true }), { kind: 'symbolic', name: 'N' }, caps({ webnn: { available: false, reason: 'this browser has no WebNN (navigator.ml is missing)' } }), true);
    expect(!refused.ok && refused.error.message).toBe('WebNN is not available: this browser has no WebNN (navigator.ml is missing).');
    // Capabilities that were never probed for WebNN (older saved state, tests) count as unavailable.
    expect(planBenchmark(draft({ wasmThreads: [1], webnn: true }), { kind: 'symbolic', name: 'N' }, caps(), true).ok).toBe(false);
  });

  it('orders configurations WASM by threads, then WebGPU, never duplicated', () => {
    const plan = planBenchmark(draft({ wasmThreads: [2, 1, 2], webgpu: true, stopKind: 'time', seconds: 1.5 }), { kind: 'symbolic', name: 'N' }, caps(), true);
    expect(plan).toEqual({
      ok: true,
      value: {
        configs: [
          { backend: 'wasm', threads: 1 },
          { backend: 'wasm', threads: 2 },
          { backend: 'webgpu', threads: 1 },
        ],
        batchSizes: [1, 8, 32, 128],
        warmupRuns: 10,
        stop: { kind: 'time', ms: 1500 },
        inputs: 'example',
        tuning: {},
      },
    });
  });

  it('uses the fixed batch size whatever the text says', () => {
    const plan = planBenchmark(draft({ batchSizes: 'nonsense' }), { kind: 'fixed', size: 3 }, caps(), true);
    expect(plan.ok && plan.value.batchSizes).toEqual([3]);
  });

  it('explains what is wrong', () => {
    const message = (d: Partial<BenchmarkDraft>, c = caps(), hasExample = true) => {
      const r = planBenchmark(draft(d), { kind: 'symbolic', name: 'N' }, c, hasExample);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(message({ wasmThreads: [8] })).toMatch(/at most 4/);
    expect(message({ wasmThreads: [2] }, caps({ crossOriginIsolated: false }))).toMatch(/at most 1/);
    expect(message({ wasmThreads: [], webgpu: false })).toMatch(/No backend/);
    expect(message({ webgpu: true }, caps({ webgpu: { available: false, reason: 'no adapter' } }))).toMatch(/no adapter/);
    expect(message({ warmupRuns: -1 })).toMatch(/Warm-up runs/);
    expect(message({ runs: 0 })).toMatch(/Runs per point/);
    expect(message({ stopKind: 'time', seconds: 0 })).toMatch(/Time per point/);
    expect(message({ inputs: 'example' }, caps(), false)).toMatch(/no input example/);
  });

  it('offers every thread count up to 8 cores, powers of two beyond', () => {
    expect(threadChoices(caps())).toEqual([1, 2, 3, 4]);
    expect(threadChoices(caps({ hardwareConcurrency: 12 }))).toEqual([1, 2, 4, 8, 12]);
    expect(threadChoices(caps({ crossOriginIsolated: false }))).toEqual([1]);
  });
});
