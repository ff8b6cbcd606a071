import type { BackendConfig, LoadResult } from '../../core/protocol/engine-api';
import { engineError, ok, type Result } from '../../core/protocol/engine-error';
import { inspectPackage } from '../../core/package/inspection';
import type { Finding } from '../../core/package/findings';
import { planFolder } from '../../core/package/limits';
import type { ModelPackage, PackageFile } from '../../core/package/model-package';
import { downloadFailed, modelUrl } from '../../core/package/model-url';
import { exampleToTensors } from '../../core/schema/input-example';
import { randomTensor, resolveDims, seededRandom, type HostTensor } from '../../core/schema/host-tensor';
import { parseExampleIndex } from '../../core/package/example-index';
import { outputsDocument } from '../../core/schema/outputs';
import type { EngineClient } from '../engine/engine-client';
import type { AppStore } from '../store/app-store';
import type { OpenModel } from '../store/models-slice';
import { selectBackendConfig } from '../store/selectors';
import { saveJson } from '../ui/save-file';
import { modelForWorker } from './model-session';
import { createPackageClient } from '../workers/package-client';

export interface Actions {
  openFiles(files: readonly File[]): Promise<void>;
  openFolder(name: string, files: readonly { path: string; file: File }[]): Promise<void>;
  openUrl(url: string): Promise<void>;
  /** Opens files already in memory (a saved library version) as a package. */
  openPackageFiles(name: string, files: readonly PackageFile[], source: string): Promise<void>;
  openExample(id: string): Promise<void>;
  loadExampleIndex(): Promise<void>;
  runModel(id: string): Promise<void>;
  closeModel(id: string): Promise<void>;
  downloadOutputs(id: string): void;
}

const RANDOM_SEED = 42;

function fileNameOfUrl(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  return last || url.hostname;
}

export function createActions(store: AppStore, client: EngineClient, baseUrl: string): Actions {
  const { getState } = store;
  let nextId = 1;
  // Archives and package text are read in a worker (issue 14): the page never unzips or parses them.
  const packages = createPackageClient(store);

  client.onWorkerDied((_key, error) => {
    getState().notify(error);
    for (const m of getState().models) if (m.run.status === 'running') getState().updateModel(m.id, { run: { status: 'idle' } });
  });

  async function loadOn(model: Pick<OpenModel, 'id' | 'pkg'>, config: BackendConfig): Promise<Result<LoadResult>> {
    return client.load(config, model.id, modelForWorker(model));
  }

  async function openPackage(result: Result<ModelPackage>, source: string, startedAt: number): Promise<void> {
    if (!result.ok) {
      getState().notify(result.error);
      return;
    }
    const model: OpenModel = {
      id: `m${nextId++}`,
      source,
      pkg: result.value,
      status: 'loading',
      description: null,
      loadMs: null,
      readMs: performance.now() - startedAt,
      inspection: null,
      sha256: null,
      dims: {},
      run: { status: 'idle' },
    };
    const previous = getState().activeModelId;
    getState().addModel(model);
    const loaded = await loadOn(model, selectBackendConfig(getState()));
    if (!loaded.ok) {
      const wasActive = getState().activeModelId === model.id;
      getState().removeModel(model.id);
      // Back to where the user was, e.g. the drop zone, so the next try is one click away.
      if (wasActive) getState().setActiveModel(previous);
      const named = loaded.error.message.includes(result.value.model.path) ? loaded.error.message : `${source}: ${loaded.error.message}`;
      getState().notify({ ...loaded.error, message: named });
      return;
    }
    const inspection = inspectPackage(model.pkg, loaded.value);
    getState().updateModel(model.id, { status: 'ready', description: loaded.value, loadMs: performance.now() - startedAt, inspection });
    const problems = inspection.findings.filter((f) => f.severity === 'error');
    if (problems.length > 0) {
      getState().notify(
        engineError('package-inconsistent', `${model.pkg.name}: ${problems.map((p) => p.message).join(' ')}`, 'The model is loaded; see the Inspect tab for every check. Fix the package so that its description matches the model.'),
      );
    }
    const digest = await crypto.subtle.digest('SHA-256', model.pkg.model.bytes as Uint8Array<ArrayBuffer>);
    getState().updateModel(model.id, { sha256: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('') });
  }

  async function readAll(files: readonly { path: string; file: File }[]): Promise<PackageFile[]> {
    return Promise.all(files.map(async (f) => ({ path: f.path, bytes: new Uint8Array(await f.file.arrayBuffer()) })));
  }

  function inputsFor(model: OpenModel): Result<{ feeds: Record<string, HostTensor>; source: 'example' | 'random' }> {
    const inputs = model.description?.inputs ?? [];
    if (model.pkg.inputExample !== null && model.pkg.inputExample !== undefined) {
      const feeds = exampleToTensors(model.pkg.inputExample, inputs, model.pkg.metadata?.featureNames);
      return feeds.ok ? ok({ feeds: feeds.value, source: 'example' }) : feeds;
    }
    const random = seededRandom(RANDOM_SEED);
    const feeds = Object.fromEntries(
      inputs.map((spec) => [spec.name, randomTensor(spec.dtype === 'unknown' ? 'float32' : spec.dtype, resolveDims(spec.shape, model.dims), random)]),
    );
    return ok({ feeds, source: 'random' });
  }

  return {
    async openFiles(files) {
      const startedAt = performance.now();
      const models = files.filter((f) => /\.(onnx|ort|zip)$/i.test(f.name));
      // Loose files dropped together (model.onnx + metadata.json …) form one package.
      if (files.length > 1 && models.length < files.length) {
        await openPackage(await packages.assemble('dropped files', await readAll(files.map((file) => ({ path: file.name, file })))), 'dropped files', startedAt);
        return;
      }
      for (const file of files) {
        // Timed from before the read: loadMs and readMs include reading the file.
        const started = performance.now();
        await openPackage(await packages.openFile(file.name, file), file.name, started);
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
      await openPackage(await packages.assemble(name, read, notes), `${name}/`, startedAt);
    },
    async openUrl(raw) {
      const startedAt = performance.now();
      const checked = modelUrl(raw, window.location.href);
      if (!checked.ok) {
        getState().notify(checked.error);
        return;
      }
      const url = checked.value;
      let response: Response;
      try {
        response = await fetch(url);
      } catch {
        getState().notify(downloadFailed(url, window.location.origin));
        return;
      }
      if (!response.ok) {
        getState().notify(engineError('fetch-failed', `Could not download ${url.href}: the server answered ${response.status} ${response.statusText || ''}`.trim() + '.', response.status === 404 ? 'The file is not at that address: check the link, or ask whoever shared it for a new one.' : 'Try again later, or download the file and drop it here.'));
        return;
      }
      if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
        getState().notify(engineError('fetch-failed', `${url.href} returned a web page, not a model file.`, 'Link to the .onnx, .ort or .zip file itself (for GitHub, the “raw” download link).'));
        return;
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      await openPackage(await packages.openFile(fileNameOfUrl(url), bytes), url.href, startedAt);
    },
    async openPackageFiles(name, files, source) {
      await openPackage(await packages.assemble(name, files), source, performance.now());
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
    async runModel(id) {
      const model = getState().models.find((m) => m.id === id);
      if (!model || model.status !== 'ready') return;
      const config = selectBackendConfig(getState());
      getState().updateModel(id, { run: { status: 'running', config } });
      const finish = (run: OpenModel['run']): void => getState().updateModel(id, { run });
      if (!client.hasSession(config, id)) {
        const loaded = await loadOn(model, config);
        if (!loaded.ok) {
          getState().notify(loaded.error);
          return finish({ status: 'idle' });
        }
      }
      const inputs = inputsFor(model);
      if (!inputs.ok) {
        getState().notify(inputs.error);
        return finish({ status: 'idle' });
      }
      const result = await client.run(config, id, inputs.value.feeds);
      if (!result.ok) {
        getState().notify(result.error);
        return finish({ status: 'idle' });
      }
      finish({ status: 'done', config, inputs: inputs.value.feeds, inputSource: inputs.value.source, outputs: result.value.outputs, runMs: result.value.runMs });
    },
    async closeModel(id) {
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
