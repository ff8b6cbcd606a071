import type { BackendConfig, LoadResult } from '../../core/protocol/engine-api';
import { describeThrown, engineError, type EngineError, type Result } from '../../core/protocol/engine-error';
import { inspectPackage } from '../../core/package/inspection';
import type { Finding } from '../../core/package/findings';
import { planFolder } from '../../core/package/limits';
import type { ModelPackage, PackageFile } from '../../core/package/model-package';
import { parseExampleIndex } from '../../core/package/example-index';
import { outputsDocument } from '../../core/schema/outputs';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';
import { isReady, type OpenModel } from '../store/models-slice';
import { selectBackendConfig } from '../store/selectors';
import { saveJson } from '../ui/save-file';
import type { ModelLifecycle } from './model-lifecycle';
import { modelForWorker, sha256Hex } from './model-session';
import { fetchModel } from './fetch-model';
import { checkRunMemory, loadedModelBytes, makeFeeds, runFeeds } from './run-inputs';
import { selectRunSource } from '../store/input-files-slice';
import type { PackageClient } from '../workers/package-client';

export interface Actions {
  openFiles(files: readonly File[]): Promise<void>;
  openFolder(name: string, files: readonly { path: string; file: File }[]): Promise<void>;
  openUrl(url: string): Promise<void>;
  /** Opens files already in memory (a saved library version) as a package. */
  openPackageFiles(name: string, files: readonly PackageFile[], source: string): Promise<void>;
  openExample(id: string): Promise<void>;
  loadExampleIndex(): Promise<void>;
  /** `anyway`: run past a "may not fit in memory" warning (never past a refusal). */
  runModel(id: string, options?: { readonly anyway?: boolean }): Promise<void>;
  /** Ends the model's running work, clears what every tab keeps for it, and releases its sessions. */
  closeModel(id: string): Promise<void>;
  downloadOutputs(id: string): void;
}

async function readAll(files: readonly { path: string; file: File }[]): Promise<PackageFile[]> {
  return Promise.all(files.map(async (f) => ({ path: f.path, bytes: new Uint8Array(await f.file.arrayBuffer()) })));
}

/** What opening and running share: the store, the engines, and the next model id. */
interface ActionContext {
  readonly store: AppStore;
  readonly client: EngineGateway;
  /** Archives and package text are read off the page (issue 14): the page never unzips or parses them. */
  readonly packages: PackageClient;
  nextId: number;
}

function loadOn(ctx: ActionContext, model: Pick<OpenModel, 'id' | 'pkg'>, config: BackendConfig): Promise<Result<LoadResult>> {
  return ctx.client.load(config, model.id, modelForWorker(model));
}

/** Loads the package on the current backend, then works out its facts, checks and digest, once. */
async function openPackage(ctx: ActionContext, result: Result<ModelPackage>, source: string, startedAt: number): Promise<void> {
  const { getState } = ctx.store;
  if (!result.ok) {
    getState().notify(result.error);
    return;
  }
  const pkg = result.value;
  const model: OpenModel = { id: `m${ctx.nextId++}`, source, pkg, status: 'loading', description: null, facts: null, loadMs: null, readMs: performance.now() - startedAt, inspection: null, sha256: null, dims: {}, run: { status: 'idle' } };
  const previous = getState().activeModelId;
  getState().addModel(model);
  const digest = sha256Hex(pkg.model.bytes);
  const loaded = await loadOn(ctx, model, selectBackendConfig(getState()));
  if (!getState().models.some((m) => m.id === model.id)) {
    // Closed while loading: its session arrived after closeModel released the others.
    void ctx.client.release(model.id);
    return;
  }
  if (!loaded.ok) {
    const wasActive = getState().activeModelId === model.id;
    getState().removeModel(model.id);
    // Back to where the user was, e.g. the drop zone, so the next try is one click away.
    if (wasActive) getState().setActiveModel(previous);
    const named = loaded.error.message.includes(pkg.model.path) ? loaded.error.message : `${source}: ${loaded.error.message}`;
    getState().notify({ ...loaded.error, message: named });
    return;
  }
  const inspection = inspectPackage(pkg, loaded.value);
  // Loaded with the first model, not with the page.
  const { modelFacts } = await import('../../core/model/model-facts');
  const facts = modelFacts(pkg, loaded.value);
  // Symbolic dimensions start at sizes that fit the model (its data, metadata, or documented defaults).
  const dims = Object.fromEntries(facts.dimensions.map((d) => [d.name, d.value]));
  getState().updateModel(model.id, { status: 'ready', description: loaded.value, facts, dims, sha256: await digest, loadMs: performance.now() - startedAt, inspection });
  const problems = inspection.findings.filter((f) => f.severity === 'error');
  if (problems.length > 0) {
    getState().notify(
      engineError('package-inconsistent', `${pkg.name}: ${problems.map((p) => p.message).join(' ')}`, 'The model is loaded; see the Inspect tab for every check. Fix the package so that its description matches the model.'),
    );
  }
}

/** A failure while making the inputs or waiting for the engine (an allocation that failed: RangeError, "Invalid array length"), as a value. */
function runThrew(thrown: unknown): EngineError {
  return engineError('run-failed', `The run stopped before the model ran: ${describeThrown(thrown)}.`, 'The batch probably needs more memory than this tab can give: choose smaller sizes and run again.');
}

async function runModel(ctx: ActionContext, id: string, anyway = false): Promise<void> {
  const { store, client } = ctx;
  const { getState } = store;
  const model = getState().models.find((m) => m.id === id);
  if (!isReady(model) || model.run.status === 'running') return;
  const config = selectBackendConfig(getState());
  const source = selectRunSource(getState(), model);
  const planned = runFeeds(getState(), model, source);
  // Refused before anything is made or sent: the last outputs stay on show.
  if (!planned.ok) return getState().notify(planned.error);
  const fits = checkRunMemory(model, planned.value, config, loadedModelBytes(getState(), model, (other) => client.hasSession(config, other)));
  if (!fits.ok) return getState().updateModel(id, { runRefusal: fits.error });
  // A floor that fits but an estimate that does not: shown beside the button until the user runs anyway.
  if (fits.value && !anyway) return getState().updateModel(id, { runRefusal: fits.value });
  getState().updateModel(id, { run: { status: 'running', config }, runRefusal: null });
  const finish = (run: OpenModel['run']): void => getState().updateModel(id, { run });
  try {
    const feeds = await makeFeeds(planned.value);
    const loaded = client.hasSession(config, id) ? null : await loadOn(ctx, model, config);
    if (loaded && !loaded.ok) {
      getState().notify(loaded.error);
      return finish({ status: 'idle' });
    }
    const result = await client.run(config, id, feeds);
    if (!result.ok) {
      getState().notify(result.error);
      return finish({ status: 'idle' });
    }
    finish({ status: 'done', config, inputs: feeds, inputSource: source, outputs: result.value.outputs, runMs: result.value.runMs });
  } catch (thrown) {
    // Never a button stuck at "Running…": whatever threw is reported, and the Run can be tried again.
    getState().notify(runThrew(thrown));
    finish({ status: 'idle' });
  }
}

export function createActions(store: AppStore, client: EngineGateway, baseUrl: string, lifecycle: ModelLifecycle, packages: PackageClient): Actions {
  const { getState } = store;
  const ctx: ActionContext = { store, client, packages, nextId: 1 };

  return {
    async openFiles(files) {
      const startedAt = performance.now();
      const models = files.filter((f) => /\.(onnx|ort|zip|tar\.gz|tgz|tar)$/i.test(f.name));
      // Loose files dropped together (model.onnx + metadata.json …) form one package.
      if (files.length > 1 && models.length < files.length) {
        await openPackage(ctx, await ctx.packages.assemble('dropped files', await readAll(files.map((file) => ({ path: file.name, file })))), 'dropped files', startedAt);
        return;
      }
      for (const file of files) {
        // Timed from before the read: loadMs and readMs include reading the file.
        const started = performance.now();
        await openPackage(ctx, await ctx.packages.openFile(file.name, file), file.name, started);
      }
    },
    async openFolder(name, files) {
      const startedAt = performance.now();
      const plan = planFolder(name, files.map((f) => ({ path: f.path, bytes: f.file.size })));
      if (!plan.ok) {
        getState().notify(plan.error);
        return;
      }
      const wanted = new Set(plan.value.read);
      const read = await readAll(files.filter((f) => wanted.has(f.path)).map((f) => ({ path: f.path.slice(plan.value.root.length), file: f.file })));
      const notes: Finding[] =
        plan.value.ignored > 0
          ? [{ severity: 'warning', code: 'folder-narrowed', message: `“${name}” holds ${files.length.toLocaleString('en-US')} files; only the ${read.length} beside the model (in ${plan.value.root || 'the top folder'}) were read, ${plan.value.ignored.toLocaleString('en-US')} others ignored.` }]
          : [];
      await openPackage(ctx, await ctx.packages.assemble(name, read, notes), `${name}/`, startedAt);
    },
    async openUrl(raw) {
      const startedAt = performance.now();
      const fetched = await fetchModel(raw);
      if (!fetched.ok) {
        getState().notify(fetched.error);
        return;
      }
      await openPackage(ctx, await ctx.packages.openFile(fetched.value.name, fetched.value.bytes), fetched.value.url, startedAt);
    },
    async openPackageFiles(name, files, source) {
      await openPackage(ctx, await ctx.packages.assemble(name, files), source, performance.now());
    },
    async openExample(id) {
      await this.openUrl(`${baseUrl}examples/${id}.zip`);
    },
    async loadExampleIndex() {
      try {
        const response = await fetch(`${baseUrl}examples/index.json`);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        getState().setExamples(parseExampleIndex(await response.json()));
      } catch (thrown) {
        getState().setExamples([]);
        getState().notify(engineError('fetch-failed', `The example gallery could not be loaded (${thrown instanceof Error ? thrown.message : String(thrown)}).`, 'You can still open your own model with “Open model…” or by dropping it here.'));
      }
    },
    runModel: (id, options) => runModel(ctx, id, options?.anyway ?? false),
    async closeModel(id) {
      lifecycle.close(id);
      getState().removeModel(id);
      await client.release(id);
    },
    downloadOutputs(id) {
      const model = getState().models.find((m) => m.id === id);
      if (model?.run.status !== 'done') return;
      saveJson(`${model.pkg.name.replace(/[^\w.-]+/g, '_')}-outputs.json`, outputsDocument(model.run.outputs));
    },
  };
}
