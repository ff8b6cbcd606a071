import { describe, expect, it } from 'vitest';
import type { ProfileMeasurement } from '../protocol/profile';
import { configProfile, type ConfigProfile } from './config-profile';
import { parseProfilerLines } from './profiler-events';
import { WASM_PROFILE, WEBGPU_PLACEMENT_LOG, WEBGPU_PROFILE } from './ort-output.fixture';
import { coldStartSentence, explainProfiles, placementSentence, warmRunSentence } from './speed-explanation';
import type { OperatorProfile } from './operator-profile';

const SOFTWARE = { vendor: 'google', architecture: 'swiftshader', software: true };
const measured = (over: Partial<ProfileMeasurement> = {}): ProfileMeasurement => ({
  backend: 'webgpu',
  batchSize: 1,
  runtimeStartMs: 1200,
  sessionCreateMs: 300,
  firstRunMs: 3400,
  warmRunsMs: [10, 9, 11],
  events: parseProfilerLines(WEBGPU_PROFILE),
  profilerNote: null,
  placementLog: WEBGPU_PLACEMENT_LOG,
  wasmHeapBytes: null,
  ...over,
});
const webgpu = configProfile({ backend: 'webgpu', threads: 1 }, measured(), 12, 1000);
const wasm = configProfile({ backend: 'wasm', threads: 2 }, measured({ backend: 'wasm', runtimeStartMs: 350, firstRunMs: 25, warmRunsMs: [0.4, 0.5], events: parseProfilerLines(WASM_PROFILE), placementLog: null }), 12, 1000);
const withOps = (p: ConfigProfile, ops: Partial<OperatorProfile>): ConfigProfile => ({ ...p, operators: { ...p.operators!, ...ops } });

describe('the Speed tab in plain language', () => {
  it('weighs the cold start against a warm run', () => {
    expect(coldStartSentence(webgpu, 'WebGPU (software emulation here)')).toBe(
      'Cold start: a new page waits 4.91 s for WebGPU (software emulation here)’s first answer — 12 ms reading the package, 1.2 s starting the runtime (the WebGPU device), 300 ms creating the session, 3.4 s for the first run, which compiles the GPU programs. After that a run takes 10 ms. The first run costs 340× a warm one.',
    );
  });

  it('splits a WebGPU run into GPU busy and idle, and names what sets the pace', () => {
    // The run: 780.8 ms, GPU busy 772.3 ms, 4.9 ms of node dispatch.
    const heavy = withOps(webgpu, { runMs: 780.8, cpuKernelsMs: 4.9, gpuKernelsMs: 772.3, gpuBusyMs: 772.3 });
    expect(warmRunSentence(heavy, true)).toBe(
      'A warm run (781 ms inside onnxruntime, at batch 1): the GPU is busy running the model’s programs for 772 ms (99 %) and idle for the other 8.5 ms, waiting for the CPU to dispatch the nodes (4.9 ms of CPU-side node time, partly while the GPU works), for the inputs to go up and for the outputs to come back. The run is bound by GPU compute — here, CPU cores emulating a GPU.',
    );
    // The recorded fixture: the GPU works 0.664 of 6.799 ms.
    expect(warmRunSentence(webgpu, false)).toMatch(/busy running the model’s programs for 0\.664 ms \(10 %\) and idle for the other 6\.14 ms.*The GPU idles most of the run: at batch 1 the model is too small to keep it busy/);
    expect(warmRunSentence(withOps(webgpu, { gpuKernelsMs: null, gpuBusyMs: null }), false)).toMatch(/no GPU timestamps/);
  });

  it('says how much of a WASM run is computation', () => {
    // 3 nodes, 43 µs of 80 µs.
    expect(warmRunSentence(wasm, false)).toBe(
      'A warm run (0.08 ms inside onnxruntime, at batch 1) spends 0.043 ms (54 %) computing in its nodes and 0.037 ms outside them (passing inputs and outputs in and out of WebAssembly memory). Computation and overhead share the run.',
    );
  });

  it('names CPU-fallback nodes and what their copies cost', () => {
    expect(placementSentence(webgpu)).toBe('1 node falls back to the CPU (Hardmax); the 2 copies between GPU and CPU memory around them take 1.09 ms per run (16 % of the run, waiting for the GPU included).');
    expect(placementSentence(wasm)).toBeNull();
  });

  it('puts it together, with the backends compared and the adapter named', () => {
    const lines = explainProfiles([wasm, webgpu], SOFTWARE);
    expect(lines[0]).toBe('Warm, WASM, 2 threads runs in 0.45 ms, 22× faster than WebGPU (software emulation here) at 10 ms. Cold, WASM, 2 threads answers first (675 ms from a new engine).');
    expect(lines.at(-1)).toMatch(/^The WebGPU adapter \(google \/ swiftshader\) is a software emulation/);
    expect(explainProfiles([wasm], null).some((l) => l.includes('WebGPU adapter'))).toBe(false);
  });
});
