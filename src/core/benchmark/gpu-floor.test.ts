import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { gpuFloor, gpuFloorVerdict } from './gpu-floor';
import { dispatchProbeModel } from './gpu-floor-probe';

describe('WebGPU floor', () => {
  it('builds a chain of N element-wise nodes that onnxruntime runs: y = relu(x)', async () => {
    const session = await ort.InferenceSession.create(dispatchProbeModel(8), { graphOptimizationLevel: 'disabled' });
    const x = Float32Array.from({ length: 16 }, (_, i) => i - 8);
    const { y } = await session.run({ x: new ort.Tensor('float32', x, [1, 16]) });
    expect([...(y!.data as Float32Array)]).toEqual([...x].map((v) => Math.max(0, v)));
    expect(() => dispatchProbeModel(0)).toThrow(RangeError);
  });

  it('divides the extra time by the extra nodes, and compares kernels × overhead with WASM’s p50', () => {
    const floor = gpuFloor([4, 64], [0.5, 3.5], false);
    expect(floor.perDispatchMs).toBeCloseTo(0.05, 10);
    expect(gpuFloor([4, 64], [0.5, 0.4], false).perDispatchMs).toBe(0);
    expect(gpuFloorVerdict(floor, 40, 1).sentence).toBe('WebGPU cannot win at batch 1 here: launching its 40 kernels alone takes 2.0 ms, more than WASM’s whole run (1.0 ms). Larger batches spread that cost.');
    expect(gpuFloorVerdict(floor, 10, 2).sentence).toBe('WebGPU can win at batch 1 only if its 10 kernels compute in under 1.5 ms in all: their launches already take 0.50 ms of WASM’s 2.0 ms.');
    expect(gpuFloorVerdict({ ...floor, software: true }, 10, null).sentence).toMatch(/^At least 0.50 ms per run on WebGPU before any arithmetic; .*software/);
  });
});
