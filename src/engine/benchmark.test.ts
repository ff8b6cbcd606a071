import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { createEngine } from './create-engine';
import { MAX_RUNS_PER_POINT } from './benchmark';
import type { OrtRuntime } from './ort-runtime';
import type { BenchmarkProgress, BenchmarkRequest, StopRule } from '../core/protocol/benchmark';
import type { BackendId, EngineApi } from '../core/protocol/engine-api';
import type { Result } from '../core/protocol/engine-error';
import { randomTensor, seededRandom, toPayload } from '../core/schema/host-tensor';

// onnxruntime-node registers 'cpu', not the browser backends that BackendId lists.
const CPU = 'cpu' as BackendId;
const IRIS = new Uint8Array(readFileSync(new URL('../../public/examples/iris-pipeline/model.onnx', import.meta.url)));

/** A clock that moves `step` ms each time it is read: every sample then measures exactly `step`. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

function engine(now: () => number = () => performance.now()): EngineApi {
  return createEngine(ort as unknown as OrtRuntime, { now, crossOriginIsolated: false });
}

function irisRequest(runId: string, batchSizes: readonly number[], stop: StopRule, warmupRuns = 2): BenchmarkRequest {
  const random = seededRandom(1);
  return {
    runId,
    backend: CPU,
    model: { fileName: 'model.onnx', format: 'onnx', modelBytes: IRIS.slice().buffer },
    warmupRuns,
    stop,
    points: batchSizes.map((batchSize) => ({ batchSize, feeds: { float_input: toPayload(randomTensor('float32', [batchSize, 4], random)) } })),
  };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('benchmark loop (onnxruntime-node)', () => {
  it('times each point from raw samples, with the session and the cold run apart', async () => {
    const progress: BenchmarkProgress[] = [];
    const m = value(await engine(steppingClock(0.5)).benchmark(irisRequest('a', [1, 8], { kind: 'runs', runs: 7 }), (p) => progress.push(p)));
    expect(m.completed).toBe(true);
    expect(m.runtimeStartMs).toBe(0.5);
    expect(m.sessionCreateMs).toBe(0.5);
    expect(m.firstRunMs).toBe(0.5);
    expect(m.firstRunBatchSize).toBe(1);
    expect(m.points.map((p) => [p.batchSize, p.warmupRuns, p.samplesMs.length])).toEqual([
      [1, 2, 7],
      [8, 2, 7],
    ]);
    // Two clock reads per sample, nothing else between them.
    expect(m.points.flatMap((p) => p.samplesMs).every((s) => s === 0.5)).toBe(true);
    expect(m.timerResolutionMs).toBe(0.5);
    expect(m.wasmSimd).toBe(true);
    // Every phase of every point announced, and far fewer messages than runs.
    const phases = progress.map((p) => `${p.phase}@${p.batchSize}`);
    expect(phases).toEqual(expect.arrayContaining(['session@1', 'first-run@1', 'warmup@1', 'measure@1', 'warmup@8', 'measure@8']));
    expect(progress.length).toBeLessThan(2 * (7 + 2) + 2);
  });

  it('warms up for warmupMs past the runs asked for, and records the runs it made', async () => {
    // Every clock read moves 0.5 ms; a warm-up run reads it twice (1 ms), and the loop once more.
    const m = value(await engine(steppingClock(0.5)).benchmark({ ...irisRequest('w', [1], { kind: 'runs', runs: 3 }, 2), warmupMs: 20 }, () => undefined));
    const made = m.points[0]!.warmupRuns;
    expect(made).toBeGreaterThan(2);
    expect(made).toBeLessThan(20);
    // Asked for more runs than warmupMs lasts: the runs asked for.
    const n = value(await engine(steppingClock(0.5)).benchmark({ ...irisRequest('v', [1], { kind: 'runs', runs: 3 }, 40), warmupMs: 1 }, () => undefined));
    expect(n.points[0]!.warmupRuns).toBe(40);
  });

  it('stops on a time budget, and measures real runs on the real clock', async () => {
    const m = value(await engine().benchmark(irisRequest('b', [1], { kind: 'time', ms: 30 }, 1), () => undefined));
    const samples = m.points[0]!.samplesMs;
    expect(samples.length).toBeGreaterThan(0);
    expect(samples.length).toBeLessThanOrEqual(MAX_RUNS_PER_POINT);
    expect(samples.every((s) => s >= 0 && Number.isFinite(s))).toBe(true);
    // The budget is met, give or take one run.
    expect(samples.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30 + Math.max(...samples) + 30);
  });

  it('stops between runs when cancelled, keeping the points already measured', async () => {
    const api = engine(steppingClock(1));
    let asked = false;
    const result = value(
      await api.benchmark(irisRequest('c', [1, 2, 4], { kind: 'runs', runs: 400 }, 0), (p) => {
        if (p.phase === 'measure' && p.pointIndex === 1 && !asked) {
          asked = true;
          void api.cancelBenchmark('c');
        }
      }),
    );
    expect(result.completed).toBe(false);
    expect(result.points.map((p) => p.batchSize)).toEqual([1]);
    // The engine is usable afterwards, and the benchmark's session is gone.
    const again = value(await api.benchmark(irisRequest('d', [1], { kind: 'runs', runs: 3 }, 0), () => undefined));
    expect(again.completed).toBe(true);
  });

  it('reports a model that cannot load as the engine does', async () => {
    const request = { ...irisRequest('e', [1], { kind: 'runs', runs: 1 }), model: { fileName: 'model.onnx', format: 'onnx' as const, modelBytes: new Uint8Array([8, 1, 18, 0]).buffer } };
    const result = await engine().benchmark(request, () => undefined);
    expect(result.ok).toBe(false);
  });

  it('reports a run that fails (wrong input shape) as an error value', async () => {
    const request = irisRequest('f', [1], { kind: 'runs', runs: 2 });
    const bad = { ...request, points: [{ batchSize: 1, feeds: { float_input: toPayload(randomTensor('float32', [1, 3], seededRandom(2))) } }] };
    const result = await engine().benchmark(bad, () => undefined);
    expect(result.ok ? 'ok' : result.error.code).toBe('run-failed');
  });
});
