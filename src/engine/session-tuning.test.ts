import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { describe, expect, it } from 'vitest';
import { createEngine } from './create-engine';
import { timedRun, type LoadedSession } from './ort-io';
import type { OrtRuntime } from './ort-runtime';
import type { BenchmarkRequest } from '../core/protocol/benchmark';
import type { BackendId, SessionTuning } from '../core/protocol/engine-api';
import type { Result } from '../core/protocol/engine-error';
import { randomTensor, seededRandom, toPayload } from '../core/schema/host-tensor';

const CPU = 'cpu' as BackendId;
const IRIS = new Uint8Array(readFileSync(new URL('../../public/examples/iris-pipeline/model.onnx', import.meta.url)));

function recordingOrt() {
  const created: InferenceSession.SessionOptions[] = [];
  const runtime: OrtRuntime = {
    Tensor: ort.Tensor as unknown as OrtRuntime['Tensor'],
    env: ort.env,
    InferenceSession: {
      async create(model, options) {
        created.push(options ?? {});
        return ort.InferenceSession.create(model, options) as unknown as InferenceSession;
      },
    },
  };
  return { runtime, created };
}

function bench(runId: string, batchSize: number, tuning: SessionTuning): BenchmarkRequest {
  return {
    runId,
    backend: CPU,
    model: { fileName: 'model.onnx', format: 'onnx', modelBytes: IRIS.slice().buffer, tuning },
    warmupRuns: 0,
    stop: { kind: 'runs', runs: 2 },
    points: [{ batchSize, feeds: { float_input: toPayload(randomTensor('float32', [batchSize, 4], seededRandom(1))) } }],
  };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

describe('session tuning in the engine (onnxruntime-node)', () => {
  it('passes the benchmark’s session options to onnxruntime, and they take effect', async () => {
    const { runtime, created } = recordingOrt();
    const engine = createEngine(runtime, { now: () => performance.now(), crossOriginIsolated: false });
    const m = value(await engine.benchmark(bench('t1', 3, { graphOptimizationLevel: 'disabled', freeDimensionOverrides: { batch: 3 }, preferredLayout: 'NHWC' }), () => undefined));
    // The runtime probe first, then the session: the WebGPU-only layout is dropped for this backend.
    expect(created[1]).toEqual({ graphOptimizationLevel: 'disabled', freeDimensionOverrides: { batch: 3 }, executionProviders: [CPU], externalData: [] });
    expect(m.points[0]!.samplesMs).toHaveLength(2);
    expect(m.points[0]!.withoutReadBackMs).toBeUndefined();
    // The first run's outputs are kept for the comparison between configurations.
    expect(Object.keys(m.firstRunOutputs ?? {})).toContain('probabilities');
    // What the worker passed is returned with the measurement, and is what the result records.
    expect(m.appliedTuning).toEqual({ graphOptimizationLevel: 'disabled', freeDimensionOverrides: { batch: 3 } });
    // (onnxruntime-node 1.x ignores freeDimensionOverrides; its effect is shown on onnxruntime-web in session-tuning-web.test.ts.)
  });

  it('times outputs kept on the GPU twice: the run alone, and with the read-back that brings them to JavaScript', async () => {
    let t = 0;
    const now = () => (t += 1);
    const data = new Float32Array([1, 2, 3]);
    let released = false;
    const gpuOutput = {
      type: 'float32',
      dims: [3],
      location: 'gpu-buffer',
      getData: async (release?: boolean) => {
        released = release === true;
        t += 10; // the download takes 10 clock steps
        return data;
      },
    } as unknown as Tensor;
    const loaded: LoadedSession = { session: { run: async () => ({ y: gpuOutput }) } as unknown as InferenceSession, fetches: null };
    const timed = await timedRun(ort as unknown as OrtRuntime, loaded, {}, now);
    expect(timed.gpuMs).toBe(1);
    expect(timed.ms).toBe(12);
    expect(released).toBe(true);
    expect(timed.outputs.y!.location).toBe('cpu');
    expect([...(timed.outputs.y!.data as Float32Array)]).toEqual([1, 2, 3]);
  });
});
