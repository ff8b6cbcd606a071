import { describe, expect, it } from 'vitest';
import type { ProfilerEvent } from '../protocol/profile';
import { operatorProfile } from './operator-profile';
import { gpuProgramOf, nodeNameOf, parseProfilerLines } from './profiler-events';
import { WASM_PROFILE, WEBGPU_PROFILE } from './ort-output.fixture';

const node = (name: string, opType: string, ts: number, dur: number, provider = 'CPUExecutionProvider'): ProfilerEvent => ({ cat: 'Node', name: `${name}_kernel_time`, ts, dur, opType, provider });
const run = (ts: number, dur: number): ProfilerEvent => ({ cat: 'Session', name: 'model_run', ts, dur, opType: null, provider: null });
const gpu = (name: string, ts: number, dur: number): ProfilerEvent => ({ cat: 'Api', name, ts, dur, opType: null, provider: null });

describe('profiler output', () => {
  it('reads the events onnxruntime-web prints, one per line, and skips the rest', () => {
    const events = parseProfilerLines(['[', ...WASM_PROFILE.slice(1), 'not json {', '{"broken": ', '{"cat": "Node"}']);
    expect(events).toHaveLength(12);
    expect(events[0]).toEqual({ cat: 'Session', name: 'model_loading_array', ts: 145, dur: 10609, opType: null, provider: null });
    // On WASM the pre-packed weight is not among the recorded inputs.
    const shape = { dtype: 'float32', dims: [1, 4] };
    expect(events[2]).toEqual({ cat: 'Node', name: 'project_kernel_time', ts: 175004, dur: 1180, opType: 'MatMul', provider: 'CPUExecutionProvider', shapes: { inputs: [shape], outputs: [shape] } });
    // Several lines in one console call count too.
    expect(parseProfilerLines([WASM_PROFILE.join('\n')])).toEqual(parseProfilerLines(WASM_PROFILE));
  });

  it('names nodes and GPU programs', () => {
    expect(nodeNameOf(node('fused /head/Gemm', 'FusedGemm', 0, 1))).toBe('fused /head/Gemm');
    expect(nodeNameOf(run(0, 1))).toBeNull();
    expect(gpuProgramOf(gpu('project&MatMul&MatMulNaive', 0, 1))).toEqual({ node: 'project', opType: 'MatMul', program: 'MatMulNaive' });
    expect(gpuProgramOf(gpu('a&b&Conv&Conv2dMM', 0, 1))).toEqual({ node: 'a&b', opType: 'Conv', program: 'Conv2dMM' });
    // A node without a name is named by its index.
    const [unnamed] = parseProfilerLines(['{"cat" : "Node","pid" :1,"tid" :1,"dur" :5,"ts" :9,"ph" : "X","name" :"_kernel_time","args" : {"node_index" : "3","op_name" : "Relu","provider" : "CPUExecutionProvider"}},']);
    expect(unnamed!.name).toBe('#3_kernel_time');
  });
});

describe('operator profile', () => {
  it('shows the median warm run, leaving the cold one out', () => {
    const events = [
      run(0, 100),
      node('a', 'Conv', 10, 60),
      node('b', 'Relu', 70, 20),
      run(200, 30),
      node('a', 'Conv', 205, 12),
      node('b', 'Relu', 220, 4),
      run(300, 34),
      node('a', 'Conv', 305, 14),
      node('b', 'Relu', 322, 6),
      { cat: 'Session', name: 'SequentialExecutor::Execute', ts: 204, dur: 20, opType: null, provider: null },
      { cat: 'Session', name: 'SequentialExecutor::Execute', ts: 304, dur: 24, opType: null, provider: null },
    ];
    const p = operatorProfile(events)!;
    expect(p.runs).toBe(2);
    // Of two, the faster.
    expect(p.runMs).toBeCloseTo(0.03);
    expect(p.runRangeMs).toEqual({ min: 0.03, max: 0.034 });
    expect(p.executeMs).toBeCloseTo(0.02);
    expect(p.nodes.map((n) => [n.name, n.opType, n.clock, Number(n.ms.toFixed(4))])).toEqual([
      ['a', 'Conv', 'cpu', 0.012],
      ['b', 'Relu', 'cpu', 0.004],
    ]);
    expect(p.cpuKernelsMs).toBeCloseTo(0.016);
    expect(p.gpuKernelsMs).toBeNull();
    expect(p.byOpType.map((t) => [t.opType, t.count])).toEqual([
      ['Conv', 1],
      ['Relu', 1],
    ]);
  });

  it('leaves out a run slowed by something else', () => {
    const p = operatorProfile([run(0, 100), run(200, 30), node('a', 'Add', 201, 20), run(300, 900), node('a', 'Add', 301, 800), run(1300, 34), node('a', 'Add', 1301, 24)])!;
    expect(p.runs).toBe(3);
    expect(p.runMs).toBeCloseTo(0.034);
    expect(p.nodes[0]!.ms).toBeCloseTo(0.024);
    expect(p.runRangeMs).toEqual({ min: 0.03, max: 0.9 });
  });

  it('sums nodes of one type, counting nodes, most time first', () => {
    const p = operatorProfile([run(0, 1), run(10, 100), node('c1', 'Conv', 11, 30), node('c2', 'Conv', 41, 30), node('g', 'Gemm', 71, 50)])!;
    expect(p.byOpType).toEqual([
      { opType: 'Conv', totalMs: 0.06, count: 2 },
      { opType: 'Gemm', totalMs: 0.05, count: 1 },
    ]);
  });

  it('counts the GPU busy once where programs overlap, and only within the run', () => {
    const events = [run(0, 10), run(100, 50), node('a', 'MatMul', 101, 2, 'WebGpuExecutionProvider'), gpu('a&MatMul&P1', 110, 20), gpu('a&MatMul&P2', 120, 20), gpu('a&MatMul&P3', 145, 30)];
    const p = operatorProfile(events)!;
    expect(p.gpuKernelsMs).toBeCloseTo(0.07);
    // [110, 140] ∪ [145, 150] within [100, 150]: 35 µs, never more than the run.
    expect(p.gpuBusyMs).toBeCloseTo(0.035);
    expect(operatorProfile([run(0, 10), run(100, 50), node('a', 'Add', 101, 2)])!.gpuBusyMs).toBeNull();
  });

  it('keeps a lone run rather than nothing, and gives up without any', () => {
    expect(operatorProfile([run(0, 10), node('a', 'Add', 1, 8)])!.runs).toBe(1);
    expect(operatorProfile([node('a', 'Add', 1, 8)])).toBeNull();
  });

  it('times WebGPU nodes by their GPU programs, and the others on the CPU (onnxruntime-web output)', () => {
    const p = operatorProfile(parseProfilerLines(WEBGPU_PROFILE))!;
    expect(p.runs).toBe(1);
    expect(p.runMs).toBeCloseTo(6.799);
    const byName = Object.fromEntries(p.nodes.map((n) => [n.name, n]));
    expect(byName.project).toMatchObject({ opType: 'MatMul', provider: 'WebGpuExecutionProvider', clock: 'gpu', gpuMs: 0.102, cpuMs: 1.125, ms: 0.102 });
    // Each node keeps the shapes the profiler recorded for it.
    expect(byName.project!.shapes).toEqual({ inputs: [{ dtype: 'float32', dims: [1, 4] }, { dtype: 'float32', dims: [4, 4] }], outputs: [{ dtype: 'float32', dims: [1, 4] }] });
    expect(byName.relu).toMatchObject({ clock: 'gpu', ms: 0.562 });
    expect(byName.odd_one).toMatchObject({ opType: 'Hardmax', provider: 'CPUExecutionProvider', clock: 'cpu', gpuMs: null, ms: 0.029 });
    // The copy back to the CPU waits for the GPU: its CPU time is what it costs.
    expect(byName.Memcpy_token_0).toMatchObject({ opType: 'MemcpyToHost', clock: 'cpu', ms: 0.855 });
    expect(p.nodes[0]!.name).toBe('Memcpy_token_0');
    expect(p.gpuKernelsMs).toBeCloseTo(0.664);
    // Both programs fall inside the warm run's window [443025, 449824] µs.
    expect(p.gpuBusyMs).toBeCloseTo(0.664);
    expect(p.cpuKernelsMs).toBeCloseTo(1.125 + 0.855 + 0.029 + 0.235 + 0.499);
  });
});
