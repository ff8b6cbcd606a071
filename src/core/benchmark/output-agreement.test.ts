import { describe, expect, it } from 'vitest';
import { agreementText, outputAgreements } from './output-agreement';
import type { BackendResult } from './run';

function result(backend: 'wasm' | 'webgpu', threads: number, outputs?: Record<string, number[]>): BackendResult {
  return { backend, threads, runtimeStartMs: null, sessionCreateMs: 1, firstRunMs: 1, firstRunBatchSize: 1, points: [], completed: true, ...(outputs ? { firstRunOutputs: outputs } : {}) };
}

describe('output agreement', () => {
  it('compares every configuration with the first WASM one, value by value', () => {
    const gpu = result('webgpu', 1, { y: [1, 2.0005, NaN] });
    const wasm1 = result('wasm', 1, { y: [1, 2, NaN] });
    const wasm2 = result('wasm', 2, { y: [1, 2, NaN] });
    const agreements = outputAgreements([gpu, wasm1, wasm2]);
    expect(agreements[0]?.comparedWith).toBe('WASM · 1 thread');
    expect(agreements[0]?.maxAbsDiff).toBeCloseTo(0.0005, 10);
    expect(agreements[1]).toBeNull();
    expect(agreements[2]).toEqual({ comparedWith: 'WASM · 1 thread', maxAbsDiff: 0 });
  });

  it('says when outputs cannot be compared, and compares nothing without recorded outputs', () => {
    expect(outputAgreements([result('wasm', 1, { y: [1, 2] }), result('webgpu', 1, { y: [1] })])[1]).toEqual({ comparedWith: 'WASM · 1 thread', maxAbsDiff: null });
    expect(outputAgreements([result('wasm', 1, { y: [1] }), result('webgpu', 1, { z: [1] })])[1]?.maxAbsDiff).toBeNull();
    expect(outputAgreements([result('wasm', 1), result('webgpu', 1)])).toEqual([null, null]);
    expect(outputAgreements([result('wasm', 1, { y: [0] }), result('webgpu', 1, { y: [NaN] })])[1]?.maxAbsDiff).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('agreementText', () => {
  it('states the largest difference, exact zero, or a shape mismatch', () => {
    expect(agreementText({ comparedWith: 'WASM, 1 thread', maxAbsDiff: 0.00049 })).toBe('outputs vs WASM, 1 thread: max |Δ| 4.9e-4');
    expect(agreementText({ comparedWith: 'WASM, 1 thread', maxAbsDiff: 0 })).toBe('outputs vs WASM, 1 thread: max |Δ| 0');
    expect(agreementText({ comparedWith: 'WASM, 1 thread', maxAbsDiff: null })).toBe('outputs differ in shape from WASM, 1 thread’s');
  });
});
