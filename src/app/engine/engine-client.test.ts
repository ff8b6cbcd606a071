import { expose } from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EngineClient, type WorkerFactory } from './engine-client';
import type { BackendConfig, EngineApi, LoadRequest } from '../../core/protocol/engine-api';
import { engineError, fail, ok, type EngineError, type Result } from '../../core/protocol/engine-error';
import type { TensorPayload } from '../../core/protocol/tensor';
import type { BenchmarkMeasurement, BenchmarkProgress, BenchmarkRequest } from '../../core/protocol/benchmark';
import type { ProfileMeasurement, ProfileProgress, ProfileRequest } from '../../core/protocol/profile';
import { fromPayload, toPayload } from '../../core/schema/host-tensor';

const WASM: BackendConfig = { backend: 'wasm', threads: 1 };

type Listener = (event: never) => void;

/** Enough of a Worker for comlink: messages go over a MessageChannel to a fake engine; 'error' is ours to fire. */
class FakeWorker {
  terminated = false;
  private readonly errorListeners = new Set<Listener>();

  constructor(
    private readonly port: MessagePort,
    private readonly enginePort: MessagePort,
  ) {}

  postMessage(message: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated) this.port.postMessage(message, transfer);
  }

  addEventListener(type: string, listener: Listener): void {
    if (type === 'error') this.errorListeners.add(listener);
    else this.port.addEventListener(type, listener as EventListener);
  }

  removeEventListener(type: string, listener: Listener): void {
    if (type === 'error') this.errorListeners.delete(listener);
    else this.port.removeEventListener(type, listener as EventListener);
  }

  terminate(): void {
    this.terminated = true;
    this.port.close();
    this.enginePort.close();
  }

  /** What a browser does when the worker's script throws or WASM aborts. */
  crash(message: string): { defaultPrevented: boolean } {
    const event = { message, defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    for (const listener of this.errorListeners) (listener as (e: typeof event) => void)(event);
    return event;
  }
}

interface Rig {
  readonly client: EngineClient;
  readonly factory: ReturnType<typeof vi.fn<WorkerFactory>>;
  readonly workers: FakeWorker[];
  readonly engines: FakeEngine[];
}

/** The worker side: records calls; `runResult` decides what run answers (a never-settling promise = a hung worker). */
class FakeEngine implements EngineApi {
  readonly loads: LoadRequest[] = [];
  runResult: () => Promise<Result<{ outputs: Record<string, TensorPayload>; runMs: number }>> = async () => fail(engineError('run-failed', 'unset', ''));
  readonly releases: string[] = [];
  lastFeeds: Readonly<Record<string, TensorPayload>> = {};
  private started: () => void = () => {};
  readonly runStarted = new Promise<void>((resolve) => (this.started = resolve));

  async init(init: { threads: number }) {
    return ok({ ortVersion: 'fake', threads: init.threads, crossOriginIsolated: false });
  }

  async load(request: LoadRequest) {
    this.loads.push(request);
    return ok({ sessionId: request.sessionId, inputs: [], outputs: [], summary: null, sessionCreateMs: 1 });
  }

  async run(_sessionId: string, feeds: Readonly<Record<string, TensorPayload>>) {
    this.started();
    this.lastFeeds = feeds;
    return this.runResult();
  }

  async release(sessionId: string): Promise<void> {
    this.releases.push(sessionId);
  }

  /** Benchmarks: `benchmarkRuns` stands for one `session.run` (a never-settling one = a run that never ends). */
  benchmarkRun: () => Promise<void> = async () => undefined;
  readonly cancels: string[] = [];
  readonly benchmarks: string[] = [];
  private cancelled = false;

  async benchmark(request: BenchmarkRequest, onProgress: (progress: BenchmarkProgress) => void): Promise<Result<BenchmarkMeasurement>> {
    this.benchmarks.push(request.runId);
    const samplesMs: number[] = [];
    for (let i = 0; i < (request.stop.kind === 'runs' ? request.stop.runs : 1) && !this.cancelled; i++) {
      await this.benchmarkRun();
      samplesMs.push(1);
      onProgress({ runId: request.runId, phase: 'measure', pointIndex: 0, pointCount: 1, batchSize: 1, runsDone: i + 1, elapsedMs: i });
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const points = this.cancelled ? [] : [{ batchSize: request.points[0]!.batchSize, warmupRuns: request.warmupRuns, samplesMs }];
    return ok({ backend: request.backend, runtimeStartMs: 1, sessionCreateMs: 2, firstRunMs: 3, firstRunBatchSize: 1, points, completed: !this.cancelled, timerResolutionMs: 0.005, wasmSimd: true });
  }

  async cancelBenchmark(runId: string): Promise<void> {
    this.cancels.push(runId);
    this.cancelled = true;
  }

  /** Profiles: `profileGate` stands for the work (a never-settling one = a profile that never ends). */
  profileGate: () => Promise<void> = async () => undefined;
  readonly profiles: ProfileRequest[] = [];

  async profile(request: ProfileRequest, onProgress: (progress: ProfileProgress) => void): Promise<Result<ProfileMeasurement>> {
    this.profiles.push(request);
    onProgress({ runId: request.runId, phase: 'runtime' });
    await this.profileGate();
    return ok({ backend: request.backend, batchSize: request.batchSize, runtimeStartMs: 5, sessionCreateMs: 4, firstRunMs: 3, warmRunsMs: [1], events: [], profilerNote: null, placementLog: null, wasmHeapBytes: null });
  }
}

const rigs: Rig[] = [];

function rig(): Rig {
  const workers: FakeWorker[] = [];
  const engines: FakeEngine[] = [];
  const factory = vi.fn<WorkerFactory>(() => {
    const channel = new MessageChannel();
    const engine = new FakeEngine();
    expose(engine, channel.port1);
    const worker = new FakeWorker(channel.port2, channel.port1);
    workers.push(worker);
    engines.push(engine);
    return worker as unknown as Worker;
  });
  const made: Rig = { client: new EngineClient(factory, '/ort/'), factory, workers, engines };
  rigs.push(made);
  return made;
}

afterEach(() => {
  for (const { client, workers } of rigs.splice(0)) {
    client.dispose();
    for (const w of workers) if (!w.terminated) w.terminate();
  }
});

const loadOptions = () => ({ fileName: 'model.onnx', modelBytes: Uint8Array.of(1, 2, 3).buffer, format: 'onnx' as const });
const doubled = async (feeds: Readonly<Record<string, TensorPayload>>) => {
  const x = fromPayload(feeds.x!).data as Float32Array;
  return ok({ outputs: { y: toPayload({ dtype: 'float32', dims: [x.length], data: x.map((v) => v * 2) }) }, runMs: 0.5 });
};

describe('EngineClient', () => {
  it('starts a worker lazily, loads, then runs on it', async () => {
    const { client, factory, engines } = rig();
    expect(factory).not.toHaveBeenCalled();

    const loaded = await client.load(WASM, 'm1', loadOptions());
    expect(loaded).toMatchObject({ ok: true, value: { sessionId: 'm1' } });
    expect(factory).toHaveBeenCalledOnce();
    expect(factory).toHaveBeenCalledWith(WASM);
    expect(engines[0]!.loads[0]).toMatchObject({ sessionId: 'm1', backend: 'wasm', fileName: 'model.onnx' });
    expect([...new Uint8Array(engines[0]!.loads[0]!.modelBytes)]).toEqual([1, 2, 3]);
    expect(client.hasSession(WASM, 'm1')).toBe(true);
    expect(client.hasSession({ backend: 'wasm', threads: 4 }, 'm1')).toBe(false);

    engines[0]!.runResult = () => doubled(engines[0]!.lastFeeds);
    const run = await client.run(WASM, 'm1', { x: { dtype: 'float32', dims: [3], data: Float32Array.of(1, 2, 3) } });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.runMs).toBe(0.5);
    expect(run.value.outputs.y!.dims).toEqual([3]);
    expect([...(run.value.outputs.y!.data as Float32Array)]).toEqual([2, 4, 6]);
    expect(factory).toHaveBeenCalledOnce();
  });

  it('refuses to run a session it never loaded', async () => {
    const { client, factory } = rig();
    const run = await client.run(WASM, 'ghost', {});
    expect(!run.ok && run.error.code).toBe('unknown-session');
    expect(factory).not.toHaveBeenCalled();
  });

  it('retires the worker when the engine reports worker-died, and starts a fresh one next time', async () => {
    const { client, factory, workers, engines } = rig();
    const deaths: [string, EngineError][] = [];
    client.onWorkerDied((key, error) => deaths.push([key, error]));
    await client.load(WASM, 'm1', loadOptions());

    const crash = engineError('worker-died', 'The inference engine crashed while running the model (RuntimeError: unreachable).', 'restart');
    engines[0]!.runResult = async () => fail(crash);
    const run = await client.run(WASM, 'm1', { x: { dtype: 'float32', dims: [1], data: Float32Array.of(1) } });

    expect(run).toEqual({ ok: false, error: crash });
    expect(workers[0]!.terminated).toBe(true);
    expect(deaths).toEqual([['wasm-1', crash]]);
    expect(client.hasSession(WASM, 'm1')).toBe(false);

    const again = await client.load(WASM, 'm1', loadOptions());
    expect(again.ok).toBe(true);
    expect(factory).toHaveBeenCalledTimes(2);
    expect(engines[1]!.loads).toHaveLength(1);
    expect(workers[1]!.terminated).toBe(false);
    expect(client.hasSession(WASM, 'm1')).toBe(true);
  });

  it('keeps the worker after an ordinary failure', async () => {
    const { client, workers, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    await client.load(WASM, 'm1', loadOptions());
    const run = await client.run(WASM, 'm1', {});
    expect(!run.ok && run.error.code).toBe('run-failed');
    expect(workers[0]!.terminated).toBe(false);
    expect(died).not.toHaveBeenCalled();
    expect(client.hasSession(WASM, 'm1')).toBe(true);
    expect(engines).toHaveLength(1);
  });

  it('answers a pending call with worker-died when the worker fires error, instead of hanging', async () => {
    const { client, factory, workers, engines } = rig();
    const died = vi.fn();
    client.onWorkerDied(died);
    await client.load(WASM, 'm1', loadOptions());

    engines[0]!.runResult = () => new Promise(() => {});
    const pending = client.run(WASM, 'm1', { x: { dtype: 'float32', dims: [1], data: Float32Array.of(1) } });
    await engines[0]!.runStarted;
    const event = workers[0]!.crash('Uncaught RuntimeError: memory access out of bounds');

    const run = await pending;
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.error.code).toBe('worker-died');
    expect(run.error.message).toBe('The wasm-1 engine stopped unexpectedly (Uncaught RuntimeError: memory access out of bounds).');
    expect(event.defaultPrevented).toBe(true);
    expect(workers[0]!.terminated).toBe(true);
    expect(died).toHaveBeenCalledOnce();
    expect(died).toHaveBeenCalledWith('wasm-1', run.error);
    expect(client.hasSession(WASM, 'm1')).toBe(false);

    expect((await client.load(WASM, 'm2', loadOptions())).ok).toBe(true);
    expect(factory).toHaveBeenCalledTimes(2);
  });

  it('lets a listener unsubscribe', async () => {
    const { client, workers } = rig();
    const died = vi.fn();
    const off = client.onWorkerDied(died);
    await client.load(WASM, 'm1', loadOptions());
    off();
    workers[0]!.crash('gone');
    await vi.waitFor(() => expect(workers[0]!.terminated).toBe(true));
    expect(died).not.toHaveBeenCalled();
  });

  it('releases a session on the worker that holds it', async () => {
    const { client, engines } = rig();
    await client.load(WASM, 'm1', loadOptions());
    await client.release('m1');
    expect(engines[0]!.releases).toEqual(['m1']);
    expect(client.hasSession(WASM, 'm1')).toBe(false);
    await client.release('m1');
    expect(engines[0]!.releases).toEqual(['m1']);
  });

  it('keeps one worker per backend configuration', async () => {
    const { client, factory } = rig();
    await client.load(WASM, 'a', loadOptions());
    await client.load({ backend: 'wasm', threads: 4 }, 'a', loadOptions());
    await client.load({ backend: 'webgpu', threads: 1 }, 'a', loadOptions());
    await client.load(WASM, 'b', loadOptions());
    expect(factory.mock.calls.map(([config]) => config)).toEqual([WASM, { backend: 'wasm', threads: 4 }, { backend: 'webgpu', threads: 1 }]);
  });
});

describe('EngineClient benchmarks', () => {
  const request = (runId: string, runs: number) => ({
    runId,
    model: loadOptions(),
    warmupRuns: 0,
    stop: { kind: 'runs' as const, runs },
    points: [{ batchSize: 1, feeds: { x: toPayload({ dtype: 'float32', dims: [1], data: Float32Array.of(1) }) } }],
  });

  it('runs a configuration on its worker, with progress and the engine environment', async () => {
    const { client, factory } = rig();
    const progress: BenchmarkProgress[] = [];
    const result = await client.benchmark(WASM, request('b1', 3), (p) => progress.push(p));
    expect(result.ok && result.value.measurement).toMatchObject({ backend: 'wasm', completed: true, points: [{ samplesMs: [1, 1, 1] }] });
    expect(result.ok && result.value.environment).toEqual({ ortVersion: 'fake', threads: 1, crossOriginIsolated: false });
    await vi.waitFor(() => expect(progress.map((p) => p.runsDone)).toEqual([1, 2, 3]));
    expect(factory).toHaveBeenCalledWith(WASM);
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
