import { proxy, wrap, transfer, type Remote } from 'comlink';
import { backendKey, type BackendConfig, type EngineApi, type EngineEnvironment, type LoadRequest, type LoadResult } from '../../core/protocol/engine-api';
import { engineError, fail, ok, type EngineError, type Result } from '../../core/protocol/engine-error';
import { fromPayload, toPayload, transferablesOf, type HostTensor } from '../../core/schema/host-tensor';
import type { BenchmarkProgress, BenchmarkRequest } from '../../core/protocol/benchmark';
import type { ProfileMeasurement, ProfileProgress, ProfileRequest } from '../../core/protocol/profile';
import { lifeLockName } from '../../core/protocol/life-lock';
import { browserLocks, deathReasons, watchWorkerDeath, type LifeLocks } from './worker-death';
import { IDLE_WORKER_MS, type BenchmarkOutcome, type EngineGateway, type EngineWorkerInfo, type LoadOptions, type RunOutcome, type ScoreJob } from './engine-gateway';
import type { ScoreOutcome, ScoringApi } from '../../core/scoring/score-request';
import { runScoreJob } from './score-job';
import type { WorkerFactory } from './engine-workers';

export type { BenchmarkOutcome, LoadOptions, RunOutcome } from './engine-gateway';
export { browserWorkers, type WorkerFactory } from './engine-workers';

interface EngineWorker {
  readonly key: string;
  readonly worker: Worker;
  readonly api: Remote<EngineApi & ScoringApi>;
  readonly ready: Promise<Result<EngineEnvironment>>;
  /** Settles (never rejects) with the reason when the worker dies. */
  readonly death: Promise<EngineError>;
  readonly sessions: Set<string>;
  /** Calls in flight. */
  busy: number;
  /** Set while the worker, holding no session, waits to be ended. */
  idleTimer: ReturnType<typeof setTimeout> | null;
}

/** A benchmark in flight: how to end it by force, and when it has ended. */
interface RunningBenchmark {
  readonly config: BackendConfig;
  readonly hardStop: (error: EngineError) => void;
  readonly settled: Promise<void>;
  cancelled: boolean;
}


const BENCHMARK_CANCELLED = engineError('cancelled', 'The benchmark was stopped.', 'Nothing is lost: models reload on their next run.');
const PROFILE_CANCELLED = engineError('cancelled', 'The profile was stopped.', 'Nothing is lost: its engine was ended, the others carry on.');

/**
 * The page's only door to onnxruntime: a lazy pool of engine workers, one per
 * backend configuration. A worker that dies is dropped, its sessions forgotten,
 * and the next call starts a fresh one.
 */
export class EngineClient implements EngineGateway {
  private readonly pool = new Map<string, EngineWorker>();
  private readonly deathListeners = new Set<(key: string, error: EngineError) => void>();
  private readonly workerListeners = new Set<(workers: readonly EngineWorkerInfo[]) => void>();
  private readonly benchmarks = new Map<string, RunningBenchmark>();
  /** Profiles in flight, each in a worker of its own: its configuration, and how to end it. */
  private readonly profiles = new Map<string, { readonly key: string; readonly stop: () => void }>();
  /** What the workers' listeners were last told, so that they hear of changes only. */
  private lastTold: string | null = null;

  constructor(
    private readonly createWorker: WorkerFactory,
    private readonly wasmPaths: string,
    private readonly idleMs = IDLE_WORKER_MS,
    /** Web Locks, to notice a worker that exits without an 'error' event (see worker-death.ts). */
    private readonly locks: LifeLocks | null = browserLocks(),
  ) {}

  onWorkerDied(listener: (key: string, error: EngineError) => void): () => void {
    this.deathListeners.add(listener);
    return () => this.deathListeners.delete(listener);
  }

  onWorkersChanged(listener: (workers: readonly EngineWorkerInfo[]) => void): () => void {
    this.workerListeners.add(listener);
    this.lastTold = null;
    return () => this.workerListeners.delete(listener);
  }

  /** The engine workers alive now: the pool's, and those started for a profile alone. */
  workers(): EngineWorkerInfo[] {
    const pooled = [...this.pool.values()].map((e): EngineWorkerInfo => ({ key: e.key, sessions: e.sessions.size, state: e.busy > 0 ? 'busy' : e.sessions.size === 0 && e.idleTimer ? 'retiring' : 'idle' }));
    const profiling = [...this.profiles.values()].map((p): EngineWorkerInfo => ({ key: `${p.key} (profile)`, sessions: 0, state: 'busy' }));
    return [...pooled, ...profiling];
  }

  hasSession(config: BackendConfig, sessionId: string): boolean {
    return this.pool.get(backendKey(config))?.sessions.has(sessionId) ?? false;
  }

  async load(config: BackendConfig, sessionId: string, options: LoadOptions): Promise<Result<LoadResult>> {
    const engine = this.workerFor(config);
    const ready = await this.guard(engine, engine.ready);
    if (!ready.ok) return ready;
    const transfers = [options.modelBytes, ...(options.externalData ?? []).map((f) => f.data)];
    const request: LoadRequest = { ...options, sessionId, backend: config.backend };
    const loaded = await this.guard(engine, engine.api.load(transfer(request, transfers)));
    if (loaded.ok) {
      engine.sessions.add(sessionId);
      this.changed();
    }
    return loaded;
  }

  async run(config: BackendConfig, sessionId: string, feeds: Readonly<Record<string, HostTensor>>): Promise<Result<RunOutcome>> {
    const engine = this.pool.get(backendKey(config));
    if (!engine?.sessions.has(sessionId)) {
      return fail(engineError('unknown-session', 'This model is not loaded on that backend.', 'Load it again.'));
    }
    const payloads = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, toPayload(t)]));
    const result = await this.guard(engine, engine.api.run(sessionId, transfer(payloads, transferablesOf(Object.values(payloads)))));
    if (!result.ok) return result;
    const outputs = Object.fromEntries(Object.entries(result.value.outputs).map(([name, p]) => [name, fromPayload(p)]));
    return ok({ outputs, runMs: result.value.runMs });
  }

  /** Scores a table in the session's worker; a cancel is passed on as chunks arrive, and every 100 ms. */
  async scoreTable(config: BackendConfig, job: ScoreJob): Promise<Result<ScoreOutcome>> {
    const { request } = job;
    const engine = this.pool.get(backendKey(config));
    if (!engine?.sessions.has(request.sessionId)) return fail(engineError('unknown-session', 'This model is not loaded on that backend.', 'Load it again.'));
    return runScoreJob(engine.api, job, (call) => this.guard(engine, call));
  }

  /** Times one configuration in its own worker; progress arrives through a throttled callback. */
  async benchmark(config: BackendConfig, request: Omit<BenchmarkRequest, 'backend'>, onProgress: (progress: BenchmarkProgress) => void): Promise<Result<BenchmarkOutcome>> {
    const engine = this.workerFor(config);
    let hardStop: (error: EngineError) => void = () => undefined;
    const stopped = new Promise<Result<never>>((resolve) => (hardStop = (error) => resolve(fail(error))));
    let settle: () => void = () => undefined;
    const running: RunningBenchmark = { config, hardStop, settled: new Promise<void>((resolve) => (settle = resolve)), cancelled: false };
    this.benchmarks.set(request.runId, running);
    this.hold(engine);
    try {
      const ready = await Promise.race([this.guard(engine, engine.ready), stopped]);
      if (!ready.ok) return ready;
      if (running.cancelled) return fail(BENCHMARK_CANCELLED);
      const transfers = [
        request.model.modelBytes,
        ...(request.model.externalData ?? []).map((f) => f.data),
        ...transferablesOf(request.points.flatMap((p) => Object.values(p.feeds))),
      ];
      const call = engine.api.benchmark(transfer({ ...request, backend: config.backend }, transfers), proxy(onProgress));
      const result = await Promise.race([this.guard(engine, call), stopped]);
      return result.ok ? ok({ measurement: result.value, environment: ready.value }) : result;
    } finally {
      this.benchmarks.delete(request.runId);
      this.free(engine);
      settle();
    }
  }

  /**
   * Stops a benchmark between two runs; if the current run outlasts `graceMs`
   * (a long WebGPU run), ends its worker instead, which the pool then replaces.
   */
  async cancelBenchmark(runId: string, graceMs = 2000): Promise<void> {
    const running = this.benchmarks.get(runId);
    if (!running) return;
    running.cancelled = true;
    const engine = this.pool.get(backendKey(running.config));
    void engine?.api.cancelBenchmark(runId);
    const timedOut = await Promise.race([running.settled.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs))]);
    if (!timedOut) return;
    if (engine) this.end(engine);
    running.hardStop(BENCHMARK_CANCELLED);
  }

  /**
   * Takes one configuration apart in a worker started for it alone (so the runtime start
   * is what a new page pays, and no other session shares its memory), then ends that worker.
   */
  async profile(config: BackendConfig, request: Omit<ProfileRequest, 'backend'>, onProgress: (progress: ProfileProgress) => void): Promise<Result<ProfileMeasurement>> {
    const name = lifeLockName(`${backendKey(config)}-profile`);
    const worker = this.createWorker(config, name);
    let stop: () => void = () => undefined;
    const stopped = new Promise<Result<never>>((resolve) => (stop = () => resolve(fail(PROFILE_CANCELLED))));
    const death = watchWorkerDeath(worker, name, this.locks, deathReasons(`The engine profiling ${backendKey(config)}`, 'The model may need more memory than this tab can give; try a smaller batch size.')).then((error) => fail<never>(error));
    this.profiles.set(request.runId, { key: backendKey(config), stop });
    this.changed();
    try {
      const api = wrap<EngineApi>(worker);
      const ready = await Promise.race([api.init({ threads: config.backend === 'wasm' ? config.threads : 1, wasmPaths: this.wasmPaths }), stopped, death]);
      if (!ready.ok) return ready;
      const transfers = [request.model.modelBytes, ...(request.model.externalData ?? []).map((f) => f.data), ...transferablesOf(Object.values(request.feeds))];
      return await Promise.race([api.profile(transfer({ ...request, backend: config.backend }, transfers), proxy(onProgress)), stopped, death]);
    } finally {
      this.profiles.delete(request.runId);
      worker.terminate();
      this.changed();
    }
  }

  /** Ends a profile at once (its worker is terminated; nothing else is affected). */
  cancelProfile(runId: string): void {
    this.profiles.get(runId)?.stop();
  }

  /** Releases a model's session on every worker that holds one. */
  async release(sessionId: string): Promise<void> {
    await Promise.all(
      [...this.pool.values()]
        .filter((engine) => engine.sessions.delete(sessionId))
        .map((engine) => this.guard(engine, engine.api.release(sessionId).then(() => ok(null)))),
    );
  }

  /** Ends every worker (page teardown, tests). */
  dispose(): void {
    for (const engine of [...this.pool.values()]) this.end(engine);
  }

  private workerFor(config: BackendConfig): EngineWorker {
    const key = backendKey(config);
    const existing = this.pool.get(key);
    if (existing) return existing;
    const name = lifeLockName(key);
    const worker = this.createWorker(config, name);
    const death = watchWorkerDeath(worker, name, this.locks, deathReasons(`The ${key} engine`, 'A fresh engine starts with your next action; if it happens again, the model may be too large for this tab.'));
    const api = wrap<EngineApi & ScoringApi>(worker);
    const engine: EngineWorker = {
      key,
      worker,
      api,
      death,
      sessions: new Set(),
      busy: 0,
      idleTimer: null,
      ready: api.init({ threads: config.backend === 'wasm' ? config.threads : 1, wasmPaths: this.wasmPaths }),
    };
    this.pool.set(key, engine);
    void death.then((error) => this.retire(engine, error));
    this.changed();
    return engine;
  }

  /** Waits for a call unless the worker dies first; a fatal engine error retires the worker. */
  private async guard<T>(engine: EngineWorker, call: Promise<Result<T>>): Promise<Result<T>> {
    this.hold(engine);
    try {
      const result = await Promise.race([call, engine.death.then((error) => fail<T>(error))]);
      if (!result.ok && result.error.code === 'worker-died') this.retire(engine, result.error);
      return result;
    } finally {
      this.free(engine);
    }
  }

  /** A call starts: the worker is busy, and no longer waiting to be ended. */
  private hold(engine: EngineWorker): void {
    engine.busy += 1;
    if (engine.idleTimer) clearTimeout(engine.idleTimer);
    engine.idleTimer = null;
    this.changed();
  }

  /** A call ended: a worker left with no call and no session is ended after `idleMs`, unless a call comes first. */
  private free(engine: EngineWorker): void {
    engine.busy -= 1;
    const idle = (): boolean => engine.busy === 0 && engine.sessions.size === 0 && this.pool.get(engine.key) === engine;
    if (idle() && !engine.idleTimer) {
      engine.idleTimer = setTimeout(() => {
        engine.idleTimer = null;
        if (idle()) this.end(engine);
      }, this.idleMs);
    }
    this.changed();
  }

  /** Ends a worker of the pool (idle, or stuck in a run); the next call for its configuration starts a fresh one. */
  private end(engine: EngineWorker): void {
    if (engine.idleTimer) clearTimeout(engine.idleTimer);
    engine.idleTimer = null;
    if (this.pool.get(engine.key) === engine) this.pool.delete(engine.key);
    engine.worker.terminate();
    this.changed();
  }

  private retire(engine: EngineWorker, error: EngineError): void {
    if (this.pool.get(engine.key) !== engine) return;
    this.end(engine);
    for (const listener of this.deathListeners) listener(engine.key, error);
  }

  /** Tells the listeners when what `workers()` says has changed (a run of calls keeps a worker busy: one word, not two per call). */
  private changed(): void {
    if (this.workerListeners.size === 0) return;
    const workers = this.workers();
    const told = workers.map((w) => `${w.key}:${w.sessions}:${w.state}`).join('|');
    if (told === this.lastTold) return;
    this.lastTold = told;
    for (const listener of this.workerListeners) listener(workers);
  }
}
