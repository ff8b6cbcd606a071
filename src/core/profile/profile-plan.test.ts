import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../protocol/capabilities';
import { pageMemoryOf } from './memory';
import { planProfile, type SpeedDraft } from './profile-plan';

const caps: Capabilities = { crossOriginIsolated: true, hardwareConcurrency: 4, webgpu: { available: true, vendor: 'google', architecture: 'swiftshader', software: true } };
const draft = (over: Partial<SpeedDraft> = {}): SpeedDraft => ({ wasm: true, threads: 2, webgpu: true, batchSize: 8, inputs: 'example', ...over });
const N = { kind: 'symbolic', name: 'N' } as const;

describe('profile plan', () => {
  it('puts WASM first, then WebGPU, at the batch size chosen or fixed', () => {
    expect(planProfile(draft(), N, caps, true)).toEqual({ ok: true, value: { configs: [{ backend: 'wasm', threads: 2 }, { backend: 'webgpu', threads: 1 }], batchSize: 8, inputs: 'example', tuning: {} } });
    expect(planProfile(draft({ webgpu: false }), { kind: 'fixed', size: 3 }, caps, true)).toMatchObject({ ok: true, value: { configs: [{ backend: 'wasm' }], batchSize: 3 } });
    expect(planProfile(draft({ wasm: false }), { kind: 'none' }, caps, false)).toMatchObject({ ok: false });
    expect(planProfile(draft({ wasm: false, inputs: 'random' }), { kind: 'none' }, caps, false)).toMatchObject({ ok: true, value: { configs: [{ backend: 'webgpu' }], batchSize: 1 } });
     // The Speed tab's session options: the batch dimension stays free, the others are fixed when asked.
    const session = { graphOptimizationLevel: 'extended', fixDimensions: true, preferredLayout: 'NHWC', graphCapture: false, outputsOnGpu: true } as const;
    const dims = [{ name: 'N', value: 8, detail: 'default for a batch', chosen: false }, { name: 'seq', value: 16, detail: 'default for a sequence', chosen: false }];
    expect(planProfile(draft({ session }), N, caps, true, dims)).toMatchObject({ ok: true, value: { tuning: { graphOptimizationLevel: 'extended', freeDimensionOverrides: { seq: 16 }, preferredLayout: 'NHWC', outputsOnGpu: true } } });
  });

  it('explains what cannot be done', () => {
    const message = (d: Partial<SpeedDraft>, c: Capabilities = caps) => {
      const r = planProfile(draft(d), N, c, true);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(message({ wasm: false, webgpu: false })).toMatch(/No backend/);
    expect(message({ threads: 8 })).toMatch(/at most 4/);
    expect(message({ threads: 2 }, { ...caps, crossOriginIsolated: false })).toMatch(/at most 1/);
    expect(message({}, { ...caps, webgpu: { available: false, reason: 'no adapter' } })).toMatch(/no adapter/);
    expect(message({ batchSize: 0 })).toMatch(/batch size/);
  });
});

describe('page memory', () => {
  it('sums the browser’s breakdown by kind and by where it lives', () => {
    const memory = pageMemoryOf({
      bytes: 1000,
      breakdown: [
        { bytes: 600, types: ['WebAssembly', 'JavaScript'], attribution: [{ url: 'http://x/', scope: 'DedicatedWorkerGlobalScope' }] },
        { bytes: 300, types: ['JavaScript'], attribution: [{ url: 'http://x/', scope: 'Window' }] },
        { bytes: 100, types: ['DOM'], attribution: [{ url: 'http://x/', scope: 'Window' }] },
        { bytes: 0, types: [], attribution: [] },
      ],
    });
    expect(memory).toEqual({
      status: 'done',
      bytes: 1000,
      byType: [
        { label: 'JavaScript + WebAssembly', bytes: 600 },
        { label: 'JavaScript', bytes: 300 },
        { label: 'DOM', bytes: 100 },
      ],
      byScope: [
        { label: 'DedicatedWorkerGlobalScope', bytes: 600 },
        { label: 'Window', bytes: 400 },
      ],
    });
  });
});
