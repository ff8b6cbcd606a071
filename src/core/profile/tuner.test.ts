import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Capabilities } from '../protocol/capabilities';
import type { BackendConfig, SessionTuning } from '../protocol/engine-api';
import { sampleRun } from '../benchmark/sample-run.fixture';
import { costsOf, planTuner, recommend, refinementSteps, tunerBatchSizes, tunerPointLabel, tunerPoints, tunerThreads, tuningLabel, type TunerDraft, type TunerPoint } from './tuner';
import { tuneReport, type TuneRun } from './tune-report';
import { TUNE_REPORT_SCHEMA } from './tune-report-schema';

const caps = (over: Partial<Capabilities> = {}): Capabilities => ({
  crossOriginIsolated: true,
  hardwareConcurrency: 8,
  webgpu: { available: true, vendor: 'google', architecture: 'swiftshader', software: true },
  ...over,
});
const draft = (over: Partial<TunerDraft> = {}): TunerDraft => ({ budgetP99Ms: 20, minBatch: 1, capSeconds: 30, webgpu: true, ...over });
const N = { kind: 'symbolic', name: 'N' } as const;
const WASM1: BackendConfig = { backend: 'wasm', threads: 1 };
const WASM4: BackendConfig = { backend: 'wasm', threads: 4 };
const GPU: BackendConfig = { backend: 'webgpu', threads: 1 };

/** A synthetic measurement: throughput follows from p50 and batch, as the benchmark computes it (mean = p50 here). */
function point(config: BackendConfig, batchSize: number, p50Ms: number, p99Ms: number, tuning: SessionTuning = {}, runs = 200): TunerPoint {
  return { config, tuning, batchSize, runs, p50Ms, p99Ms, throughputPerSec: (batchSize * 1000) / p50Ms, perSampleMs: p50Ms / batchSize, sessionCreateMs: 40, firstRunMs: 5 };
}

describe('tuner plan', () => {
  it('searches one, the default and all threads, WebGPU, and batches from the minimum up', () => {
    const plan = planTuner(draft({ minBatch: 4 }), N, caps());
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.steps.map((s) => [s.config.backend, s.config.threads])).toEqual([
      ['wasm', 1],
      ['wasm', 4],
      ['wasm', 8],
      ['webgpu', 1],
    ]);
    expect(plan.value.batchSizes).toEqual([4, 8, 32, 128]);
    // 45 % of 30 s shared by 16 points.
    expect(plan.value.pointMs).toBe(844);
    expect(planTuner(draft({ capSeconds: 1 }), N, caps()).ok && planTuner(draft({ capSeconds: 1 }), N, caps())).toMatchObject({ value: { pointMs: 50 } });
  });

  it('follows the model’s batch dimension and the browser', () => {
    expect(tunerBatchSizes({ kind: 'fixed', size: 8 }, 4)).toEqual({ ok: true, value: [8] });
    expect(tunerBatchSizes({ kind: 'fixed', size: 1 }, 4).ok).toBe(false);
    expect(tunerBatchSizes({ kind: 'none' }, 1)).toEqual({ ok: true, value: [1] });
    expect(tunerBatchSizes(N, 200)).toEqual({ ok: true, value: [200] });
    expect(tunerThreads(caps({ crossOriginIsolated: false }))).toEqual([1]);
    expect(tunerThreads(caps({ hardwareConcurrency: 2 }))).toEqual([1, 2]);
  });

  it('explains what is wrong with the form', () => {
    const message = (d: Partial<TunerDraft>, c = caps()) => {
      const r = planTuner(draft(d), N, c);
      return r.ok ? 'ok' : r.error.message;
    };
    expect(message({ budgetP99Ms: 0 })).toMatch(/budget must be a positive/);
    expect(message({ budgetP99Ms: Number.NaN })).toMatch(/budget/);
    expect(message({ minBatch: 1.5 })).toMatch(/minimum batch/);
    expect(message({ capSeconds: 0.5 })).toMatch(/time cap/);
    expect(message({ webgpu: true }, caps({ webgpu: { available: false, reason: 'no adapter' } }))).toMatch(/no adapter/);
    expect(message({ webgpu: false }, caps({ webgpu: { available: false, reason: 'no adapter' } }))).toBe('ok');
  });
});

describe('tuner choice on synthetic measurements', () => {
  const measured = [
    point(WASM1, 1, 2, 3),
    point(WASM1, 8, 9, 12),
    point(WASM1, 32, 30, 35),
    point(WASM4, 1, 1.5, 2.5),
    point(WASM4, 8, 5, 7),
    point(WASM4, 32, 14, 19),
    point(GPU, 1, 25, 40),
    point(GPU, 32, 28, 45),
  ];

  it('picks the lowest p99 and, apart, the most samples per second within the budget', () => {
    const r = recommend(measured, 20, 1);
    expect(r.fastest).toBe(measured[3]);
    expect(r.throughputOptimal).toBe(measured[5]);
    expect(r.closest).toBeNull();
    expect(r.summary).toBe(
      'For the lowest latency use WASM · 4 threads, batch 1 (p99 2.5 ms); for the most samples per second within the 20 ms budget use WASM · 4 threads, batch 32 (2,286 samples/s at p99 19 ms).',
    );
  });

  it('never goes below the minimum batch, and says when one point is best at both', () => {
    const r = recommend(measured, 10, 8);
    expect(r.fastest).toBe(measured[4]);
    expect(r.throughputOptimal).toBe(measured[4]);
    expect(r.summary).toMatch(/^Use WASM · 4 threads, batch 8: p99 7 ms within the 10 ms budget, and also the most samples per second \(1,600\)\.$/);
  });

  it('says how far off the closest is when nothing fits', () => {
    const r = recommend(measured, 2, 1);
    expect(r.fastest).toBeNull();
    expect(r.throughputOptimal).toBeNull();
    expect(r.closest).toBe(measured[3]);
    expect(r.summary).toBe('Nothing fits p99 ≤ 2 ms at batch 1. The closest is WASM · 4 threads, batch 1 at p99 2.5 ms, 1.25× the budget.');
    expect(recommend([], 20, 1).summary).toMatch(/^Nothing was measured/);
    expect(recommend(measured, 20, 64).summary).toMatch(/^Nothing was measured at or above the minimum batch/);
  });

  it('compares the fastest at the request’s own size: a larger batch makes the request wait', () => {
    const one = point(WASM4, 1, 0.015, 0.075);
    const many = point(WASM4, 32, 0.015, 0.07);
    expect(recommend([one, many], 20, 1)).toMatchObject({ fastest: one, throughputOptimal: many });
    const slowAlone = point(WASM1, 1, 10, 30);
    const batched = point(WASM1, 8, 5, 7);
    const r = recommend([slowAlone, batched], 20, 1);
    expect(r).toMatchObject({ fastest: null, throughputOptimal: batched, closest: slowAlone });
    expect(r.summary).toBe('Nothing fits p99 ≤ 20 ms at batch 1. The closest is WASM · 1 thread, batch 1 at p99 30 ms, 1.5× the budget. Larger batches fit it: WASM · 1 thread, batch 8 at p99 7 ms, 1,600 samples/s.');
  });

  it('prefers higher throughput between equal latencies', () => {
    const a = point(WASM1, 1, 2, 3);
    const b = { ...point(WASM4, 1, 1.9, 3) };
    expect(recommend([a, b], 20, 1).fastest).toBe(b);
  });

  it('tries the session options on the leaders only, once each', () => {
    const steps = refinementSteps(measured, { budgetP99Ms: 20, minBatch: 1 }, N);
    expect(steps.map((s) => [s.config.threads, s.batchSizes, s.tuning])).toEqual([
      [4, [1], { graphOptimizationLevel: 'basic' }],
      [4, [1], { freeDimensionOverrides: { N: 1 } }],
      [4, [32], { graphOptimizationLevel: 'basic' }],
      [4, [32], { freeDimensionOverrides: { N: 32 } }],
    ]);
    // A batch dimension the model leaves unnamed (`x[0]`) has no name onnxruntime could fix.
    const unnamed = refinementSteps(measured, { budgetP99Ms: 20, minBatch: 1 }, { kind: 'symbolic', name: 'x[0]' });
    expect(unnamed.map((s) => s.tuning)).toEqual([{ graphOptimizationLevel: 'basic' }, { graphOptimizationLevel: 'basic' }]);
    const again = refinementSteps([...measured, point(WASM4, 1, 1.4, 2.4, { graphOptimizationLevel: 'basic' })], { budgetP99Ms: 20, minBatch: 1 }, { kind: 'fixed', size: 1 });
    expect(again.map((s) => [s.batchSizes, s.tuning])).toEqual([[[32], { graphOptimizationLevel: 'basic' }]]);
  });

  it('tries both WebGPU layouts and graph capture when WebGPU leads, and names them', () => {
    const gpuLeads = refinementSteps([point(WASM1, 1, 9, 12), point(GPU, 1, 2, 3)], { budgetP99Ms: 20, minBatch: 1 }, { kind: 'fixed', size: 1 });
    expect(gpuLeads.map((s) => [s.config.backend, s.tuning])).toEqual([
      ['webgpu', { graphOptimizationLevel: 'basic' }],
      ['webgpu', { preferredLayout: 'NHWC' }],
      ['webgpu', { preferredLayout: 'NCHW' }],
      ['webgpu', { enableGraphCapture: true }],
    ]);
    expect(tuningLabel({ preferredLayout: 'NHWC', enableGraphCapture: true })).toBe('layout NHWC, graph capture');
  });

  it('turns a benchmark measurement into points, and states costs', () => {
    const m = { backend: 'wasm' as const, runtimeStartMs: 1, sessionCreateMs: 7, firstRunMs: 2, firstRunBatchSize: 1, completed: false, timerResolutionMs: 0.005, wasmSimd: true, points: [{ batchSize: 8, warmupRuns: 3, samplesMs: [4, 4, 4, 4] }, { batchSize: 32, warmupRuns: 3, samplesMs: [] }] };
    const [p, ...rest] = tunerPoints({ config: WASM4, tuning: { graphOptimizationLevel: 'basic' }, batchSizes: [8, 32] }, m);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ batchSize: 8, runs: 4, p50Ms: 4, p99Ms: 4, throughputPerSec: 2000, perSampleMs: 0.5, sessionCreateMs: 7, firstRunMs: 2 });
    expect(tunerPointLabel(p!)).toBe('WASM · 4 threads, batch 8 (graph optimisation basic)');
    expect(costsOf(p!)).toEqual([
      '4 CPU threads while it runs',
      'p99 4 ms per batch (p50 4 ms), 2,000 samples/s',
      'a cold start of 9 ms (session 7 ms + first run 2 ms)',
      'requests wait until 8 are gathered: add that wait to each request’s latency',
      'p99 from 4 runs only: close to the slowest run; give the search more time to firm it up',
    ]);
    expect(costsOf(point(GPU, 1, 25, 40))[0]).toBe('the GPU, plus one CPU thread to drive it');
  });
});

describe('tuner file', () => {
  it('has the documented shape and validates against its schema', () => {
    const measured = [point(WASM1, 1, 2, 3), point(GPU, 1, 25, 40, { freeDimensionOverrides: { N: 1 } }, 12)];
    const env = sampleRun().environment;
    const run: TuneRun = {
      id: 't1',
      createdAt: '2026-02-03T04:05:06.000Z',
      status: 'capped',
      modelId: 'm1',
      model: { name: 'iris', file: 'model.onnx', bytes: 10, sha256: 'b'.repeat(64) },
      settings: draft(),
      environment: env,
      elapsedMs: 30012.4,
      skipped: 2,
      points: measured,
      failures: [{ backend: 'webgpu', threads: 1, tuning: {}, error: { code: 'session-failed', message: 'no', hint: '' } }],
      recommendation: recommend(measured, 20, 1),
    };
    const report = tuneReport(run, { name: 'onnx-playground', version: '0.1.0' });
    expect(report.recommendation.fastest).toMatchObject({ backend: 'wasm', threads: 1, batchSize: 1, graphOptimizationLevel: 'all', freeDimensionOverrides: null, withinBudget: true });
    expect(report.recommendation.fastest!.costs).toHaveLength(2 + 1);
    expect(report.tried[1]).toMatchObject({ backend: 'webgpu', freeDimensionOverrides: { N: 1 }, withinBudget: false, runs: 12 });
    expect(report.elapsedMs).toBe(30012);
    const validate = new Ajv({ allErrors: true }).compile(TUNE_REPORT_SCHEMA);
    const json = JSON.parse(JSON.stringify(report));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...json, extra: 1 })).toBe(false);
    expect(validate({ ...json, tried: [{ ...json.tried[0], p99Ms: -1 }] })).toBe(false);
    expect(validate({ ...json, environment: null, recommendation: { ...json.recommendation, fastest: null } })).toBe(true);
  });
});
