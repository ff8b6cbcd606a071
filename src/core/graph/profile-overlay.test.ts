import { describe, expect, it } from 'vitest';
import { configProfile, type ConfigProfile } from '../profile/config-profile';
import { WASM_PROFILE, WEBGPU_PLACEMENT_LOG, WEBGPU_PROFILE } from '../profile/ort-output.fixture';
import { parseProfilerLines } from '../profile/profiler-events';
import type { ProfileMeasurement } from '../protocol/profile';
import type { GraphModel } from './graph-model';
import { bindingsFromProfile, workByNode } from './node-work';
import { heatBin, placementOverlay, timeOverlay, workOverlay } from './overlays';
import { copyEdges, graphProfileOf } from './profile-overlay';
import { modelNameCandidates } from './profiled-names';
import { encodeModel, graphFrom, tensorType, weight } from './test-models.fixture';

/** The model the profiler fixtures were recorded on: x → MatMul "project" → Hardmax "odd_one" → Relu "relu". */
function fallbackGraph(): GraphModel {
  return graphFrom(
    encodeModel({
      initializer: [weight('W', [4, 4], 0.1)],
      node: [
        { opType: 'MatMul', name: 'project', input: ['x', 'W'], output: ['h'] },
        { opType: 'Hardmax', name: 'odd_one', input: ['h'], output: ['k'] },
        { opType: 'Relu', name: 'relu', input: ['k'], output: ['y'] },
      ],
      input: [{ name: 'x', type: tensorType(['N', 4]) }],
      output: [{ name: 'y', type: tensorType(['N', 4]) }],
    }),
  );
}

const measurement = (backend: 'wasm' | 'webgpu', lines: readonly string[], placementLog: readonly string[] | null): ProfileMeasurement => ({
  backend,
  batchSize: 1,
  runtimeStartMs: 1,
  sessionCreateMs: 1,
  firstRunMs: 1,
  warmRunsMs: [1],
  events: parseProfilerLines(lines),
  profilerNote: null,
  placementLog,
  wasmHeapBytes: null,
});
const webgpu = (): ConfigProfile => configProfile({ backend: 'webgpu', threads: 1 }, measurement('webgpu', WEBGPU_PROFILE, WEBGPU_PLACEMENT_LOG), null, 1);
const wasm = (): ConfigProfile => configProfile({ backend: 'wasm', threads: 1 }, measurement('wasm', WASM_PROFILE, null), null, 1);

describe('a profile laid onto the graph', () => {
  it('times each node by name, keeps the inserted copies aside, and finds the slowest', () => {
    const model = fallbackGraph();
    const gp = graphProfileOf(model, webgpu());
    expect(Object.keys(gp.byNode).sort()).toEqual(['n0', 'n1', 'n2']);
    expect(gp.byNode.n0).toMatchObject({ ms: 0.102, clock: 'gpu', executedAs: 'MatMul' });
    expect(gp.byNode.n1).toMatchObject({ clock: 'cpu', provider: 'CPUExecutionProvider' });
    expect(gp.unmatched.map((n) => n.opType).sort()).toEqual(['MemcpyFromHost', 'MemcpyToHost']);
    // The slowest node of the run is the copy back to the CPU, which is not on the model's graph.
    expect(gp.slowest).toMatchObject({ name: 'Memcpy_token_0', nodeId: null });
    expect(gp.shapes.h).toEqual({ dtype: 'float32', dims: [1, 4] });
    expect(gp.shapes.W).toEqual({ dtype: 'float32', dims: [4, 4] });
  });

  it('marks the CPU fallback and the copies around it, MemcpyToHost into the CPU', () => {
    const model = fallbackGraph();
    const gp = graphProfileOf(model, webgpu());
    expect(gp.placement).toEqual({ n0: 'gpu', n1: 'cpu', n2: 'gpu' });
    expect(copyEdges(model, gp.placement)).toEqual({ 'n0->n1:0': 'MemcpyToHost', 'n1->n2:0': 'MemcpyFromHost' });
    const overlay = placementOverlay(model, gp);
    expect(overlay.nodes.n1).toEqual({ tone: 'cpu', badge: 'CPU fallback' });
    expect(overlay.edges).toEqual({ 'n0->n1:0': 'MemcpyToHost', 'n1->n2:0': 'MemcpyFromHost' });
    expect(overlay.legend.notes[0]).toBe('1 node fell back to the CPU: WebGPU has no kernel for it here.');
    expect(overlay.legend.notes[1]).toContain('inserted 2 copies');
  });

  it('colours time on a log scale of the slowest node and names it in the legend', () => {
    const model = fallbackGraph();
    const gp = graphProfileOf(model, wasm());
    const top = Object.entries(gp.byNode).sort((a, b) => b[1].ms - a[1].ms)[0]!;
    const overlay = timeOverlay(model, gp, 'WASM · 1 thread');
    expect(overlay.nodes[top[0]]!.tone).toBe('heat-4');
    expect(gp.slowest?.nodeId).toBe(top[0]);
    expect(overlay.legend.notes[1]).toMatch(/^Hottest: /);
    expect([heatBin(10, 10), heatBin(5, 10), heatBin(2.5, 10), heatBin(1.25, 10), heatBin(0.4, 10), heatBin(0.1, 10), heatBin(0, 10)]).toEqual([4, 4, 3, 2, 1, 0, 0]);
  });

  it('counts work with the profiled shapes and reports GFLOP/s', () => {
    const model = fallbackGraph();
    const gp = graphProfileOf(model, webgpu());
    expect(bindingsFromProfile(model, gp.shapes)).toEqual({ N: 1 });
    const work = workByNode(model, {}, gp.shapes);
    // [1,4] × [4,4]: 4 outputs × K = 4.
    expect(work.n0).toMatchObject({ kind: 'macs', macs: 16, flops: 32 });
    const overlay = workOverlay(model, work, gp, 'WebGPU');
    // 32 FLOPs in 0.102 ms = 0.000314 GFLOP/s.
    expect(overlay.nodes.n0!.badge).toBe('16 MAC · 0.000314 GFLOP/s');
    // Without a profile or a binding for N, MatMul's work is unknown.
    expect(workByNode(model, {}).n0!.kind).toBe('unknown');
  });
});

describe('profiled names', () => {
  it('maps onnxruntime’s renamed nodes back to the model’s: fused, and rewritten by the NHWC layout transform', () => {
    expect(modelNameCandidates('/features/features.2/Conv_token_5')).toEqual(['/features/features.2/Conv_token_5', '/features/features.2/Conv']);
    expect(modelNameCandidates('fused /head/head.1/Gemm')).toEqual(['fused /head/head.1/Gemm', '/head/head.1/Gemm']);
    expect(modelNameCandidates('relu')).toEqual(['relu']);
  });
});
