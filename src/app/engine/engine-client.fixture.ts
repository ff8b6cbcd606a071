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
import { createBatchTally } from '../../core/schema/batch-summary';
import type { ScoredBatch, ScoreOutcome, ScoreRequest } from '../../core/scoring/score-request';
import type { RowBatch } from '../../core/scoring/table-rows';
import { holdLifeLock } from '../../engine/life-lock';
import type { LifeLocks } from './worker-death';

export const WASM: BackendConfig = { backend: 'wasm', threads: 1 };

type Listener = (event: never) => void;

/** Enough of a Worker for comlink: messages go over a MessageChannel to a fake engine; 'error' is ours to fire. */
export class FakeWorker {
  terminated = false;
  private readonly errorListeners = new Set<Listener>();

  constructor(
    private readonly port: MessagePort,
    private readonly enginePort: MessagePort,
    /** What the browser does when the worker's context ends (its Web Locks are released). */
    private readonly contextEnded: () => void = () => undefined,
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
    this.end();
  }

  /** A worker that ends without an 'error' event, as `self.close()` does: calls to it go unanswered. */
  exitSilently(): void {
    this.end();
  }

  private end(): void {
    this.port.close();
    this.enginePort.close();
    this.contextEnded();
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
  readonly locks: FakeLocks;
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

  /** Tables: one empty batch of chunks every 2 ms (a pulled batch of rows each, when rows are given) until cancelled or done. */
  readonly scoreCancels: string[] = [];

  async scoreTable(request: ScoreRequest, onChunks: (batch: ScoredBatch) => void | Promise<void>, pullRows?: () => Promise<RowBatch | null>): Promise<Result<ScoreOutcome>> {
    let batches = 0;
    let rows = 0;
    while (!this.scoreCancels.includes(request.jobId) && batches < 500) {
      const pulled = pullRows ? await pullRows() : null;
      if (pullRows && !pulled) break;
      rows += pulled?.rows.length ?? 1;
      batches++;
      await onChunks({ chunks: [], progress: { rowsDone: rows, fraction: 0 } });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    return ok({ cancelled: this.scoreCancels.includes(request.jobId), rows, summary: createBatchTally().summary(null), elapsedMs: 1, calls: [rows] });
  }

  async cancelScore(jobId: string): Promise<void> {
    this.scoreCancels.push(jobId);
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

/**
 * The browser's Web Locks for one origin, as far as the life locks use them: exclusive
 * locks granted in request order; a context's held locks are released and its queued
 * requests dropped when the context ends.
 */
export class FakeLocks {
  private readonly held = new Map<string, string>();
  private readonly queued = new Map<string, { owner: string; grant: () => void }[]>();

  /** `navigator.locks` as seen from the context `owner` (the page, or a worker by its name). */
  as(owner: string): LifeLocks {
    const request = (name: string, callback: (lock: Lock | null) => unknown): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const grant = (): void => {
          this.held.set(name, owner);
          Promise.resolve()
            .then(() => callback({ name, mode: 'exclusive' }))
            .then(resolve, reject)
            .finally(() => this.release(name, owner));
        };
        if (this.held.has(name)) this.queued.set(name, [...(this.queued.get(name) ?? []), { owner, grant }]);
        else grant();
      });
    return { request } as unknown as LifeLocks;
  }

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  endContext(owner: string): void {
    for (const [name, queue] of this.queued) this.queued.set(name, queue.filter((q) => q.owner !== owner));
    for (const [name, holder] of [...this.held]) if (holder === owner) this.release(name, owner);
  }

  private release(name: string, owner: string): void {
    if (this.held.get(name) !== owner) return;
    this.held.delete(name);
    this.queued.get(name)?.shift()?.grant();
  }
}

const rigs: Rig[] = [];

/** A client over fake workers, each holding its life lock as the real ones do. */
export function rig(idleMs?: number): Rig {
  const workers: FakeWorker[] = [];
  const engines: FakeEngine[] = [];
  const locks = new FakeLocks();
  const factory = vi.fn<WorkerFactory>((_config, name) => {
    const channel = new MessageChannel();
    const engine = new FakeEngine();
    holdLifeLock({ name, navigator: { locks: locks.as(name) }, postMessage: (message) => channel.port1.postMessage(message) });
    expose(engine, channel.port1);
    const worker = new FakeWorker(channel.port2, channel.port1, () => locks.endContext(name));
    workers.push(worker);
    engines.push(engine);
    return worker as unknown as Worker;
  });
  const made: Rig = { client: new EngineClient(factory, '/ort/', idleMs, locks.as('page')), factory, workers, engines, locks };
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

