import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BenchmarkProgress } from '../../core/protocol/benchmark';
import type { ProfileProgress } from '../../core/protocol/profile';
import { toPayload } from '../../core/schema/host-tensor';
import { disposeRigs, loadOptions, rig, WASM } from './engine-client.fixture';

afterEach(disposeRigs);

/** One configuration's benchmark: `runs` timed runs of a one-element input. */
const benchmarkRequest = (runId: string, runs = 1) => ({
  runId,
  model: loadOptions(),
  warmupRuns: 0,
  stop: { kind: 'runs' as const, runs },
  points: [{ batchSize: 1, feeds: { x: toPayload({ dtype: 'float32', dims: [1], data: Float32Array.of(1) }) } }],
});

describe('EngineClient benchmarks', () => {
  const request = benchmarkRequest;

  it('runs a configuration on its worker, with progress and the engine environment', async () => {
    const { client, factory } = rig();
    const progress: BenchmarkProgress[] = [];
    const result = await client.benchmark(WASM, request('b1', 3), (p) => progress.push(p));
    expect(result.ok && result.value.measurement).toMatchObject({ backend: 'wasm', completed: true, points: [{ samplesMs: [1, 1, 1] }] });
    expect(result.ok && result.value.environment).toEqual({ ortVersion: 'fake', threads: 1, crossOriginIsolated: false });
    await vi.waitFor(() => expect(progress.map((p) => p.runsDone)).toEqual([1, 2, 3]));
    expect(factory).toHaveBeenCalledWith(WASM, expect.stringMatching(/^onnx-playground-engine:wasm-1/));
  });

  it('cancels between runs, keeping the worker', async () => {
    const { client, workers, engines } = rig();
    const pending = client.benchmark(WASM, request('b2', 1000), () => undefined);
    await vi.waitFor(() => expect(engines[0]?.benchmarks).toEqual(['b2']));
    await client.cancelBenchmark('b2');
    const result = await pending;
    expect(result.ok && result.value.measurement.completed).toBe(false);
    expect(engines[0]!.cancels).toEqual(['b2']);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('ends the worker when a run outlasts the grace period, and starts a fresh one next time', async () => {
    const { client, factory, workers, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    await client.load(WASM, 'm1', loadOptions());
    engines[0]!.benchmarkRun = () => new Promise(() => {});
    const pending = client.benchmark(WASM, request('b3', 5), () => undefined);
    await vi.waitFor(() => expect(engines[0]!.benchmarks).toEqual(['b3']));
    await client.cancelBenchmark('b3', 20);
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('cancelled');
    expect(workers[0]!.terminated).toBe(true);
    expect(died).not.toHaveBeenCalled();
    expect(client.hasSession(WASM, 'm1')).toBe(false);
    expect((await client.benchmark(WASM, request('b4', 1), () => undefined)).ok).toBe(true);
    expect(factory).toHaveBeenCalledTimes(2);
  });

  it('does not start a benchmark cancelled while its worker was starting', async () => {
    const { client, engines, workers } = rig();
    const pending = client.benchmark(WASM, request('b5', 5), () => undefined);
    await client.cancelBenchmark('b5');
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('cancelled');
    expect(engines[0]!.benchmarks).toEqual([]);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('ignores a cancel for a benchmark that is not running', async () => {
    const { client, factory } = rig();
    await client.cancelBenchmark('nothing');
    expect(factory).not.toHaveBeenCalled();
  });
});

describe('EngineClient profiles', () => {
  const request = (runId: string) => ({
    runId,
    model: loadOptions(),
    batchSize: 1,
    feeds: { x: toPayload({ dtype: 'float32', dims: [1], data: Float32Array.of(1) }) },
    warmRuns: 3,
    profiledRuns: 2,
    placement: false,
  });

  it('profiles in a worker of its own, outside the pool, and ends it afterwards', async () => {
    const { client, factory, workers, engines } = rig();
    await client.load(WASM, 'm1', loadOptions());
    const progress: ProfileProgress[] = [];
    const result = await client.profile(WASM, request('p1'), (p) => progress.push(p));
    expect(result.ok && result.value).toMatchObject({ backend: 'wasm', runtimeStartMs: 5, sessionCreateMs: 4 });
    expect(factory).toHaveBeenCalledTimes(2);
    expect(engines[1]!.profiles.map((r) => [r.runId, r.backend])).toEqual([['p1', 'wasm']]);
    expect(workers[1]!.terminated).toBe(true);
    // The pooled worker, and the model loaded on it, are untouched.
    expect(workers[0]!.terminated).toBe(false);
    expect(client.hasSession(WASM, 'm1')).toBe(true);
    await vi.waitFor(() => expect(progress).toEqual([{ runId: 'p1', phase: 'runtime' }]));
  });

  it('cancels by ending the profile’s worker at once', async () => {
    const { client, workers, engines } = rig();
    const pending = client.profile(WASM, request('p2'), () => undefined);
    // The worker starts synchronously: its engine exists before the call goes out.
    engines[0]!.profileGate = () => new Promise(() => {});
    await vi.waitFor(() => expect(engines[0]!.profiles).toHaveLength(1));
    client.cancelProfile('p2');
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('cancelled');
    expect(workers[0]!.terminated).toBe(true);
  });

  it('answers worker-died when the profile’s worker crashes', async () => {
    const { client, workers, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    const pending = client.profile(WASM, request('p3'), () => undefined);
    engines[0]!.profileGate = () => new Promise(() => {});
    await vi.waitFor(() => expect(engines[0]!.profiles).toHaveLength(1));
    workers[0]!.crash('out of memory');
    const result = await pending;
    expect(!result.ok && result.error.code).toBe('worker-died');
    expect(!result.ok && result.error.message).toContain('out of memory');
    expect(workers[0]!.terminated).toBe(true);
    // Not a pooled worker: nobody else is told.
    expect(died).not.toHaveBeenCalled();
  });
});

describe('EngineClient idle workers', () => {
  const request = (runId: string) => benchmarkRequest(runId);
  const TWO: typeof WASM = { backend: 'wasm', threads: 2 };

  it('ends the worker of a finished benchmark once idle, reusing it for the same configuration until then', async () => {
    const { client, factory, workers } = rig(200);
    const seen: string[] = [];
    client.onWorkersChanged((list) => seen.push(list.map((w) => `${w.key}:${w.state}`).join(',')));
    expect((await client.benchmark(TWO, request('a'), () => undefined)).ok).toBe(true);
    expect(client.workers()).toEqual([{ key: 'wasm-2', sessions: 0, state: 'retiring' }]);
    expect((await client.benchmark(TWO, request('b'), () => undefined)).ok).toBe(true);
    expect(factory).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(workers[0]!.terminated).toBe(true), { timeout: 2000 });
    expect(client.workers()).toEqual([]);
    expect(seen).toContain('wasm-2:busy');
    expect(seen.at(-1)).toBe('');
    // The next benchmark of that configuration starts a fresh worker.
    expect((await client.benchmark(TWO, request('c'), () => undefined)).ok).toBe(true);
    expect(factory).toHaveBeenCalledTimes(2);
  });

  it('keeps a worker that holds a model session, and ends it once the last session is released', async () => {
    const { client, workers } = rig(50);
    expect((await client.load(WASM, 'm1', loadOptions())).ok).toBe(true);
    expect((await client.benchmark(WASM, request('a'), () => undefined)).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(workers[0]!.terminated).toBe(false);
    expect(client.workers()).toEqual([{ key: 'wasm-1', sessions: 1, state: 'idle' }]);
    await client.release('m1');
    await vi.waitFor(() => expect(workers[0]!.terminated).toBe(true), { timeout: 2000 });
    expect(client.hasSession(WASM, 'm1')).toBe(false);
  });

  it('lists a profile’s own worker while it runs', async () => {
    const { client } = rig(50);
    const profiling = client.profile(WASM, { runId: 'p', model: loadOptions(), batchSize: 1, feeds: {}, warmRuns: 1, profiledRuns: 0, placement: false }, () => undefined);
    expect(client.workers()).toEqual([{ key: 'wasm-1 (profile)', sessions: 0, state: 'busy' }]);
    await profiling;
    expect(client.workers()).toEqual([]);
  });
});
