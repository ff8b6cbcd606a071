// The actions' test rig: a fresh store, the real actions, and an engine gateway backed by the
// playground's own engine on onnxruntime-node, with hooks to hold, fail or crash a run.
import { readdirSync, readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { vi } from 'vitest';
import type { BackendConfig, BackendId } from '../../core/protocol/engine-api';
import { fail, ok, type EngineError, type Result } from '../../core/protocol/engine-error';
import type { PackageFile } from '../../core/package/model-package';
import { fromPayload, toPayload, type HostTensor } from '../../core/schema/host-tensor';
import { createEngine } from '../../engine/create-engine';
import type { OrtRuntime } from '../../engine/ort-runtime';
import type { EngineGateway, EngineWorkerInfo, LoadOptions, RunOutcome, ScoreJob } from '../engine/engine-gateway';
import { scoreRequest } from '../../core/scoring/score-request';
import { fromWire } from '../../core/scoring/chunk-wire';
import { rowPuller } from '../../core/scoring/table-rows';
import { memoryRunStorage } from '../storage/benchmark-runs';
import type { LibraryStorage } from '../storage/library-db';
import { createAppStore } from '../store/app-store';
import { isReady, type ReadyModel } from '../store/models-slice';
import { createAppServices, type AppServices } from './app-services';
import { inProcessPackageClient } from '../workers/in-process-package-client';

const CPU = 'cpu' as BackendId;

/** What the next `run` does: nothing special (undefined), or answer this instead of running. */
export type RunHook = (call: number, feeds: Readonly<Record<string, HostTensor>>) => Promise<Result<RunOutcome> | undefined> | Result<RunOutcome> | undefined;

/** An engine gateway in Node: the real engine (createEngine on onnxruntime-node) behind the page's interface. */
export class NodeEngine implements EngineGateway {
  readonly engine = createEngine(ort as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false });
  readonly sessions = new Set<string>();
  readonly released: string[] = [];
  runs = 0;
  beforeRun: RunHook = () => undefined;
  private readonly deathListeners = new Set<(key: string, error: EngineError) => void>();

  onWorkerDied(listener: (key: string, error: EngineError) => void) {
    this.deathListeners.add(listener);
    return () => this.deathListeners.delete(listener);
  }
  onWorkersChanged(listener: (workers: readonly EngineWorkerInfo[]) => void) {
    void listener;
    return () => undefined;
  }
  /** What EngineClient does when a worker dies: listeners hear it, and its sessions are gone. */
  crash(error: EngineError): void {
    this.sessions.clear();
    for (const listener of this.deathListeners) listener('wasm-1', error);
  }
  hasSession(_config: BackendConfig, sessionId: string) {
    return this.sessions.has(sessionId);
  }
  async load(_config: BackendConfig, sessionId: string, options: LoadOptions) {
    const loaded = await this.engine.load({ ...options, sessionId, backend: CPU });
    if (loaded.ok) this.sessions.add(sessionId);
    return loaded;
  }
  async run(_config: BackendConfig, sessionId: string, feeds: Readonly<Record<string, HostTensor>>): Promise<Result<RunOutcome>> {
    // As EngineClient: the session is checked when the call is made; the worker then runs it, even if a release follows.
    if (!this.sessions.has(sessionId)) return fail({ code: 'unknown-session', message: 'not loaded', hint: '' });
    this.runs += 1;
    const hooked = await this.beforeRun(this.runs, feeds);
    if (hooked) return hooked;
    const result = await this.engine.run(sessionId, Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, toPayload(t)])));
    if (!result.ok) return result;
    return ok({ outputs: Object.fromEntries(Object.entries(result.value.outputs).map(([k, p]) => [k, fromPayload(p)])), runMs: result.value.runMs });
  }
  /** Scores in place through the same pipeline as the worker, each chunk through `run` (so the hooks apply). */
  async scoreTable(config: BackendConfig, job: ScoreJob) {
    return scoreRequest(job.request, {
      run: (feeds) => this.run(config, job.request.sessionId, feeds),
      isCancelled: job.isCancelled,
      onChunks: (batch) => job.onChunks({ chunks: fromWire(batch.chunks), progress: batch.progress }),
      pullRows: job.rows ? rowPuller(job.rows) : undefined,
    });
  }
  async benchmark(config: BackendConfig, request: Parameters<EngineGateway['benchmark']>[1], onProgress: Parameters<EngineGateway['benchmark']>[2]) {
    const measured = await this.engine.benchmark({ ...request, backend: CPU }, onProgress);
    return measured.ok ? ok({ measurement: { ...measured.value, backend: config.backend }, environment: { ortVersion: 'node', threads: config.threads, crossOriginIsolated: false } }) : measured;
  }
  cancelBenchmark(runId: string) {
    return this.engine.cancelBenchmark(runId);
  }
  profile(_config: BackendConfig, request: Parameters<EngineGateway['profile']>[1], onProgress: Parameters<EngineGateway['profile']>[2]) {
    return this.engine.profile({ ...request, backend: CPU }, onProgress);
  }
  cancelProfile() {}
  async release(sessionId: string) {
    this.released.push(sessionId);
    this.sessions.delete(sessionId);
    await this.engine.release(sessionId);
  }
}

const nowhere: LibraryStorage = {
  load: async () => ok({ registry: { format: 1, models: [] }, dropped: [] }),
  commit: async (change) => {
    const made = change({ format: 1, models: [] });
    return made.ok ? ok(made.value.registry) : made;
  },
  files: async () => null,
  contents: async () => ({ registry: { format: 1, models: [] }, packages: new Map() }),
  estimate: async () => null,
  clear: async () => undefined,
};

export interface Rig extends AppServices {
  readonly engine: NodeEngine;
}

/** The settings the store persists, kept in memory (Node has no localStorage). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

/** A fresh store and fresh actions over a fresh engine, for one test. */
export function rig(): Rig {
  globalThis.localStorage = memoryStorage();
  const engine = new NodeEngine();
  const store = createAppStore();
  store.getState().setCapabilities({ crossOriginIsolated: false, hardwareConcurrency: 2, webgpu: { available: false, reason: 'tests' } });
  return { ...createAppServices(store, engine, { baseUrl: '/', runStorage: memoryRunStorage(), libraryStorage: nowhere, packages: inProcessPackageClient() }), engine };
}

/** The files of a bundled example package. */
export function exampleFiles(id: string): PackageFile[] {
  const dir = new URL(`../../../public/examples/${id}/`, import.meta.url);
  return readdirSync(dir).map((path) => ({ path, bytes: new Uint8Array(readFileSync(new URL(path, dir))) }));
}

/** Opens an example the way the library does (files in memory) and waits until it has loaded. */
export async function openExample(r: Rig, id: string): Promise<ReadyModel> {
  await r.actions.openPackageFiles(id, exampleFiles(id), `examples/${id}`);
  const model = r.store.getState().models.find((m) => m.pkg.name === id && isReady(m));
  if (!isReady(model)) throw new Error(`${id} did not open: ${r.store.getState().notices.map((n) => n.message).join(' ')}`);
  return model;
}

/** The iris evaluation rows repeated to `n` rows, as a CSV file. */
export function bigIrisCsv(n: number): File {
  const [header, ...rows] = new TextDecoder().decode(exampleFiles('iris-pipeline').find((f) => f.path === 'test.csv')!.bytes).trim().split('\n');
  const out = [header!];
  for (let i = 0; i < n; i++) out.push(rows[i % rows.length]!);
  return new File([`${out.join('\n')}\n`], `iris-${n}.csv`, { type: 'text/csv' });
}

export { vi };
