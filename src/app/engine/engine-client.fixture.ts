// The engine client's test rig: fake workers speaking comlink to fake engines.
import { expose } from 'comlink';
import { vi } from 'vitest';
import { EngineClient, type WorkerFactory } from './engine-client';
import type { BackendConfig, EngineApi, LoadRequest } from '../../core/protocol/engine-api';
import { engineError, fail, ok, type Result } from '../../core/protocol/engine-error';
import type { TensorPayload } from '../../core/protocol/tensor';
import type { BenchmarkMeasurement, BenchmarkProgress, BenchmarkRequest } from '../../core/protocol/benchmark';
import type { ProfileMeasurement, ProfileProgress, ProfileRequest } from '../../core/protocol/profile';
import { fromPayload, toPayload } from '../../core/schema/host-tensor';

export const WASM: BackendConfig = { backend: 'wasm', threads: 1 };

type Listener = (event: never) => void;

/** Enough of a Worker for comlink: messages go over a MessageChannel to a fake engine; 'error' is ours to fire. */
export class FakeWorker {
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

export interface Rig {
  readonly client: EngineClient;
  readonly factory: ReturnType<typeof vi.fn<WorkerFactory>>;
  readonly workers: FakeWorker[];
  readonly engines: FakeEngine[];
}

/** The worker side: records calls; `runResult` decides what run answers (a never-settling promise = a hung worker). */
export class FakeEngine implements EngineApi {
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

export function rig(idleMs?: number): Rig {
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
  const made: Rig = { client: new EngineClient(factory, '/ort/', idleMs), factory, workers, engines };
  rigs.push(made);
  return made;
}

/** Ends every rig's workers: call it in `afterEach`. */
export function disposeRigs(): void {
  for (const { client, workers } of rigs.splice(0)) {
    client.dispose();
    for (const w of workers) if (!w.terminated) w.terminate();
  }
}

export const loadOptions = () => ({ fileName: 'model.onnx', modelBytes: Uint8Array.of(1, 2, 3).buffer, format: 'onnx' as const });
export const doubled = async (feeds: Readonly<Record<string, TensorPayload>>) => {
  const x = fromPayload(feeds.x!).data as Float32Array;
  return ok({ outputs: { y: toPayload({ dtype: 'float32', dims: [x.length], data: x.map((v) => v * 2) }) }, runMs: 0.5 });
};

