import { wrap, transfer, type Remote } from 'comlink';
import { backendKey, type BackendConfig, type EngineApi, type EngineEnvironment, type LoadRequest, type LoadResult } from '../../core/protocol/engine-api';
import { engineError, fail, ok, type EngineError, type Result } from '../../core/protocol/engine-error';
import { fromPayload, toPayload, transferablesOf, type HostTensor } from '../../core/schema/host-tensor';

export type LoadOptions = Omit<LoadRequest, 'backend' | 'sessionId'>;

export interface RunOutcome {
  readonly outputs: Record<string, HostTensor>;
  readonly runMs: number;
}

interface EngineWorker {
  readonly key: string;
  readonly worker: Worker;
  readonly api: Remote<EngineApi>;
  readonly ready: Promise<Result<EngineEnvironment>>;
  /** Settles (never rejects) with the reason when the worker dies. */
  readonly death: Promise<EngineError>;
  readonly sessions: Set<string>;
}

export type WorkerFactory = (config: BackendConfig) => Worker;

/** The real workers. The `new URL(…, import.meta.url)` literals let Vite bundle each worker. */
export const browserWorkers: WorkerFactory = (config) =>
  config.backend === 'webgpu'
    ? new Worker(new URL('../../engine/webgpu.worker.ts', import.meta.url), { type: 'module', name: 'engine-webgpu' })
    : new Worker(new URL('../../engine/wasm.worker.ts', import.meta.url), { type: 'module', name: `engine-wasm-${config.threads}` });

/**
 * The page's only door to onnxruntime: a lazy pool of engine workers, one per
 * backend configuration. A worker that dies is dropped, its sessions forgotten,
 * and the next call starts a fresh one.
 */
export class EngineClient {
  private readonly pool = new Map<string, EngineWorker>();
  private readonly deathListeners = new Set<(key: string, error: EngineError) => void>();

  constructor(
    private readonly createWorker: WorkerFactory,
    private readonly wasmPaths: string,
  ) {}

  onWorkerDied(listener: (key: string, error: EngineError) => void): () => void {
    this.deathListeners.add(listener);
    return () => this.deathListeners.delete(listener);
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
    if (loaded.ok) engine.sessions.add(sessionId);
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

  /** Releases a model's session on every worker that holds one. */
  async release(sessionId: string): Promise<void> {
    await Promise.all(
      [...this.pool.values()]
        .filter((engine) => engine.sessions.delete(sessionId))
        .map((engine) => Promise.race([engine.api.release(sessionId), engine.death])),
    );
  }

  /** Ends every worker (page teardown, tests). */
  dispose(): void {
    for (const engine of this.pool.values()) engine.worker.terminate();
    this.pool.clear();
  }

  private workerFor(config: BackendConfig): EngineWorker {
    const key = backendKey(config);
    const existing = this.pool.get(key);
    if (existing) return existing;
    const worker = this.createWorker(config);
    const death = new Promise<EngineError>((resolve) => {
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        resolve(engineError('worker-died', `The ${key} engine stopped unexpectedly${event.message ? ` (${event.message})` : ''}.`, 'A fresh engine starts with your next action; if it happens again, the model may be too large for this tab.'));
      });
    });
    const api = wrap<EngineApi>(worker);
    const engine: EngineWorker = {
      key,
      worker,
      api,
      death,
      sessions: new Set(),
      ready: api.init({ threads: config.backend === 'wasm' ? config.threads : 1, wasmPaths: this.wasmPaths }),
    };
    this.pool.set(key, engine);
    void death.then((error) => this.retire(engine, error));
    return engine;
  }

  /** Waits for a call unless the worker dies first; a fatal engine error retires the worker. */
  private async guard<T>(engine: EngineWorker, call: Promise<Result<T>>): Promise<Result<T>> {
    const result = await Promise.race([call, engine.death.then((error) => fail<T>(error))]);
    if (!result.ok && result.error.code === 'worker-died') this.retire(engine, result.error);
    return result;
  }

  private retire(engine: EngineWorker, error: EngineError): void {
    if (this.pool.get(engine.key) !== engine) return;
    this.pool.delete(engine.key);
    engine.worker.terminate();
    for (const listener of this.deathListeners) listener(engine.key, error);
  }
}
