import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ort from 'onnxruntime-node';
import type { InferenceSession } from 'onnxruntime-common';
import { describe, expect, it } from 'vitest';
import { createEngine } from './create-engine';
import type { OrtRuntime } from './ort-runtime';
import { installRuntimeTap, type RuntimeTap } from './runtime-tap';
import type { BackendId } from '../core/protocol/engine-api';
import type { ProfileProgress, ProfileRequest } from '../core/protocol/profile';
import type { Result } from '../core/protocol/engine-error';
import { randomTensor, seededRandom, toPayload } from '../core/schema/host-tensor';
import { WASM_PLACEMENT_LOG, WASM_PROFILE } from '../core/profile/ort-output.fixture';

const CPU = 'cpu' as BackendId;
const IRIS = new Uint8Array(readFileSync(new URL('../../public/examples/iris-pipeline/model.onnx', import.meta.url)));

function request(runId: string, placement = false): ProfileRequest {
  return {
    runId,
    backend: CPU,
    model: { fileName: 'model.onnx', format: 'onnx', modelBytes: IRIS.slice().buffer },
    batchSize: 4,
    feeds: { float_input: toPayload(randomTensor('float32', [4, 4], seededRandom(1))) },
    warmRuns: 5,
    profiledRuns: 3,
    placement,
  };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** onnxruntime-node, recording the options of every session it creates; `endProfiling` would write a file, so it prints instead. */
function recordingOrt(print: (lines: readonly string[]) => void) {
  const created: InferenceSession.SessionOptions[] = [];
  const runtime: OrtRuntime = {
    Tensor: ort.Tensor as unknown as OrtRuntime['Tensor'],
    env: ort.env,
    InferenceSession: {
      async create(model, options) {
        created.push(options ?? {});
        // onnxruntime-node writes its profile to a file when the session ends: keep it out of the repository.
        // (and keep its verbose log out of the test output: what it prints comes from the fixture).
        const quiet = { ...options };
        delete quiet.logSeverityLevel;
        const session = await ort.InferenceSession.create(model, quiet.enableProfiling ? { ...quiet, profileFilePrefix: join(tmpdir(), 'op-profile-test') } : quiet);
        if (options?.logSeverityLevel === 0) print(WASM_PLACEMENT_LOG);
        return Object.assign(session, { endProfiling: () => print(WASM_PROFILE) }) as unknown as InferenceSession;
      },
    },
  };
  return { runtime, created };
}

describe('profile (onnxruntime-node)', () => {
  it('times the cold start apart, and says why there is no profile without a console tap', async () => {
    const progress: ProfileProgress[] = [];
    const engine = createEngine(ort as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false });
    const m = value(await engine.profile(request('p1'), (p) => progress.push(p)));
    expect(m.backend).toBe(CPU);
    expect(m.batchSize).toBe(4);
    expect(m.runtimeStartMs).toBeGreaterThan(0);
    expect(m.sessionCreateMs).toBeGreaterThan(0);
    expect(m.firstRunMs).toBeGreaterThan(0);
    expect(m.warmRunsMs.length).toBeGreaterThanOrEqual(1);
    expect(m.warmRunsMs.length).toBeLessThanOrEqual(5);
    expect(m.events).toEqual([]);
    expect(m.profilerNote).toMatch(/console/);
    expect(m.placementLog).toBeNull();
    expect(m.wasmHeapBytes).toBeNull();
    expect(progress.map((p) => p.phase)).toEqual(['runtime', 'session', 'first-run', 'warm-runs']);
  });

  it('records a second session with the profiler and a third with the verbose log, reading what they print', async () => {
    let sink: ((lines: readonly string[]) => void) | null = null;
    const { runtime, created } = recordingOrt((lines) => sink?.(lines));
    const tap: RuntimeTap = {
      async capture(task) {
        const lines: { level: 'log'; text: string }[] = [];
        sink = (printed) => lines.push(...printed.map((text) => ({ level: 'log' as const, text })));
        try {
          return { value: await task(), lines };
        } finally {
          sink = null;
        }
      },
      wasmMemoryBytes: () => 1 << 24,
    };
    const progress: ProfileProgress[] = [];
    const engine = createEngine(runtime, { now: () => performance.now(), crossOriginIsolated: false, tap });
    const m = value(await engine.profile(request('p2', true), (p) => progress.push(p)));
    // The probe, the timed session, the profiled one, the verbose one.
    expect(created.map((o) => [o.enableProfiling ?? false, o.logSeverityLevel ?? null])).toEqual([
      [false, null],
      [false, null],
      [true, null],
      [false, 0],
    ]);
    expect(m.profilerNote).toBeNull();
    expect(m.events.filter((e) => e.cat === 'Node')).toHaveLength(6);
    expect(m.placementLog).toEqual(WASM_PLACEMENT_LOG);
    expect(m.profilerNote).toBeNull();
    expect(m.wasmHeapBytes).toEqual({ afterLoad: 1 << 24, afterRuns: 1 << 24 });
    expect(progress.map((p) => p.phase)).toEqual(['runtime', 'session', 'first-run', 'warm-runs', 'profiler', 'placement']);
  });

  it('passes the tuner’s session options to onnxruntime', async () => {
    const { runtime, created } = recordingOrt(() => undefined);
    const engine = createEngine(runtime, { now: () => performance.now(), crossOriginIsolated: false });
    const tuned = { ...request('p3'), model: { ...request('p3').model, tuning: { graphOptimizationLevel: 'basic' as const, freeDimensionOverrides: { N: 4 } } } };
    value(await engine.profile(tuned, () => undefined));
    expect(created[1]).toMatchObject({ graphOptimizationLevel: 'basic', freeDimensionOverrides: { N: 4 }, executionProviders: [CPU] });
  });

  it('reports a model that cannot load with the engine’s message', async () => {
    const engine = createEngine(ort as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false });
    const bad = { ...request('p4'), model: { fileName: 'model.onnx', format: 'onnx' as const, modelBytes: new Uint8Array([1, 2, 3]).buffer } };
    const result = await engine.profile(bad, () => undefined);
    expect(result.ok).toBe(false);
  });
});

describe('runtime tap', () => {
  it('collects what is printed during a task only, and sees the WebAssembly memories created', async () => {
    const printed: string[] = [];
    const fakeConsole = { log: (...a: unknown[]) => printed.push(a.join(' ')), info: () => undefined, warn: () => undefined, error: (...a: unknown[]) => printed.push(`E ${a.join(' ')}`), debug: () => undefined } as unknown as Console;
    const scope = { console: fakeConsole, WebAssembly: { Memory: WebAssembly.Memory } as unknown as typeof WebAssembly };
    const tap = installRuntimeTap(scope);
    expect(tap.wasmMemoryBytes()).toBeNull();
    // Bound once, like Emscripten's print: the tap still decides where it goes.
    const print = scope.console.log.bind(scope.console);
    print('before');
    const { value: answer, lines } = await tap.capture(async () => {
      print('{"cat" : "Session"}');
      scope.console.error('[V:onnxruntime] verbose', 3);
      return 42;
    });
    print('after');
    expect(answer).toBe(42);
    expect(lines).toEqual([
      { level: 'log', text: '{"cat" : "Session"}' },
      { level: 'error', text: '[V:onnxruntime] verbose 3' },
    ]);
    expect(printed).toEqual(['before', 'after']);
    const memory = new scope.WebAssembly.Memory({ initial: 2, maximum: 4 });
    expect(memory).toBeInstanceOf(WebAssembly.Memory);
    memory.grow(1);
    expect(tap.wasmMemoryBytes()).toBe(3 * 65536);
    await expect(tap.capture(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    print('restored');
    expect(printed.at(-1)).toBe('restored');
  });
});
