import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { BENCHMARK_REPORT_SCHEMA } from '../benchmark/report-schema';
import { benchmarkReport } from '../benchmark/report';
import { sampleRun } from '../benchmark/sample-run.fixture';
import type { ProfileMeasurement } from '../protocol/profile';
import { configProfile, copyMsOf, reportSpeedFields } from './config-profile';
import { parseProfilerLines } from './profiler-events';
import { coldStartRows, opTypeBars, runBreakdown } from './speed-series';
import { WASM_PROFILE, WEBGPU_PLACEMENT_LOG, WEBGPU_PROFILE } from './ort-output.fixture';

const measured = (over: Partial<ProfileMeasurement> = {}): ProfileMeasurement => ({
  backend: 'webgpu',
  batchSize: 1,
  runtimeStartMs: 120,
  sessionCreateMs: 300,
  firstRunMs: 80,
  warmRunsMs: [5, 3, 4, 100],
  events: parseProfilerLines(WEBGPU_PROFILE),
  profilerNote: null,
  placementLog: WEBGPU_PLACEMENT_LOG,
  wasmHeapBytes: { afterLoad: 1 << 24, afterRuns: 1 << 25 },
  ...over,
});
const WEBGPU = { backend: 'webgpu' as const, threads: 1 };

describe('a configuration taken apart', () => {
  it('puts the cold start together: read on the page, the rest in the engine, the median warm run', () => {
    const p = configProfile(WEBGPU, measured(), 12.5, 1000);
    expect(p.coldStart).toEqual({ readMs: 12.5, runtimeMs: 120, sessionCreateMs: 300, firstRunMs: 80, warmRunMs: 4.5 });
    expect(p).toMatchObject({ backend: 'webgpu', threads: 1, batchSize: 1, modelBytes: 1000, profilerNote: null });
    expect(p.placement).toMatchObject({ source: 'verbose-log', cpuNodeCount: 1 });
    expect(copyMsOf(p)).toBeCloseTo(0.855 + 0.235);
  });

  it('explains a missing profile, and falls back to the profiler for placement', () => {
    const silent = configProfile(WEBGPU, measured({ events: [], placementLog: [] }), null, 1);
    expect(silent.operators).toBeNull();
    expect(silent.profilerNote).toBe('onnxruntime printed no profile for this session.');
    expect(silent.placement).toBeNull();
    const fromProfiler = configProfile(WEBGPU, measured({ placementLog: null }), null, 1);
    expect(fromProfiler.placement).toMatchObject({ source: 'profiler', cpuNodeCount: 1 });
    const wasm = configProfile({ backend: 'wasm', threads: 2 }, measured({ backend: 'wasm', events: parseProfilerLines(WASM_PROFILE), placementLog: null }), null, 1);
    expect(wasm.placement).toBeNull();
    expect(wasm.profilerNote).toBeNull();
  });

  it('writes the issue’s fields, which the benchmark schema accepts, and only together', () => {
    const validate = new Ajv({ allErrors: true }).compile(BENCHMARK_REPORT_SCHEMA);
    const fields = reportSpeedFields(configProfile(WEBGPU, measured(), 12.5, 1000));
    expect(fields.profile.map((t) => t.opType)).toEqual(['MemcpyToHost', 'Relu', 'MemcpyFromHost', 'MatMul', 'Hardmax']);
    expect(fields.profile[0]).toEqual({ opType: 'MemcpyToHost', totalMs: 0.855, count: 1 });
    expect(fields.slowestNodes[0]).toEqual({ name: 'Memcpy_token_0', opType: 'MemcpyToHost', ms: 0.855 });
    expect(fields.placement).toEqual({ cpuNodes: 1, nodes: [{ name: 'odd_one', opType: 'Hardmax' }] });
    expect(fields.coldStart).toEqual({ readMs: 12.5, runtimeMs: 120, sessionCreateMs: 300, firstRunMs: 80, warmRunMs: 4.5 });

    const run = sampleRun();
    const profiled = { ...run, results: run.results.map((r) => ({ ...r, profile: configProfile({ backend: r.backend, threads: r.threads }, measured({ backend: r.backend }), 1, 1) })) };
    const report = JSON.parse(JSON.stringify(benchmarkReport(profiled, { name: 'onnx-playground', version: '0.1.0' })));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.results[0].profile).toHaveLength(5);
    expect(report.results[0].placement).toBeUndefined();
    const partial = { ...report.results[0] };
    delete partial.profile;
    expect(validate({ ...report, results: [partial] })).toBe(false);
    expect(validate({ ...report, results: [{ ...report.results[0], coldStart: { ...report.results[0].coldStart, warmRunMs: -1 } }] })).toBe(false);
    // Without profiling, nothing changes.
    expect(Object.keys(benchmarkReport(run, { name: 'onnx-playground', version: '0.1.0' }).results[0]!)).toEqual(['backend', 'threads', 'sessionCreateMs', 'firstRunMs', 'points', 'config']);
  });

  it('draws a stacked cold start and the heaviest operator types', () => {
    const p = configProfile(WEBGPU, measured(), null, 1);
    expect(coldStartRows([p])).toEqual([{ key: 'webgpu', label: 'WebGPU', totalMs: 504.5, readMs: 0, runtimeMs: 120, sessionCreateMs: 300, firstRunMs: 80, warmRunMs: 4.5 }]);
    const bars = opTypeBars(p.operators!, 2);
    expect(bars.map((b) => b.opType)).toEqual(['MemcpyToHost', 'Relu', 'other (3 types)']);
    expect(bars.reduce((s, b) => s + b.share, 0)).toBeCloseTo(1);
    const parts = runBreakdown(p.operators!);
    expect(parts).toEqual({ runMs: 6.799, nodesMs: expect.closeTo(2.743, 9), outsideMs: expect.closeTo(6.799 - 2.743, 9), gpuBusyMs: expect.closeTo(0.664, 9), gpuIdleMs: expect.closeTo(6.799 - 0.664, 9) });
  });

  it('splits a warm run into parts that add up to it, on each side (the issue’s 780.8 ms run)', () => {
    // Seen on screen: run 780.8 ms, nodes 4.9 ms on the CPU side, GPU programs 772.3 ms.
    const ops = { runs: 3, runMs: 780.8, runRangeMs: { min: 770, max: 790 }, executeMs: 6, cpuKernelsMs: 4.9, gpuKernelsMs: 772.3, gpuBusyMs: 772.3, nodes: [], byOpType: [] };
    const parts = runBreakdown(ops);
    expect(parts.nodesMs + parts.outsideMs).toBeCloseTo(780.8, 9);
    expect(parts.gpuBusyMs! + parts.gpuIdleMs!).toBeCloseTo(780.8, 9);
    expect(parts.gpuIdleMs).toBeCloseTo(8.5, 9);
    // A profile saved before the busy time was recorded: the programs' sum, never more than the run.
    const old = runBreakdown({ ...ops, gpuBusyMs: undefined as unknown as null, gpuKernelsMs: 800 });
    expect([old.gpuBusyMs, old.gpuIdleMs]).toEqual([780.8, 0]);
    expect(runBreakdown({ ...ops, cpuKernelsMs: 900 }).outsideMs).toBe(0);
  });
});
