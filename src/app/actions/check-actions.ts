import type { CheckRunner } from '../../core/check/check-data-sets';
import { buildCheckReport, type CheckReport } from '../../core/check/check-report';
import { checkRefusal, usableBackends } from '../../core/check/check-refusal';
import { checkVerdict } from '../../core/check/check-verdict';
import { parseTolerance } from '../../core/check/tolerance';
import type { Capabilities } from '../../core/protocol/capabilities';
import { configLabel, type BackendConfig, type BackendId } from '../../core/protocol/engine-api';
import { ok } from '../../core/protocol/engine-error';
import type { PackageFile } from '../../core/package/model-package';
import { findTestDataSets, type TestDataSetFiles } from '../../core/tensors/test-data-layout';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';
import { IDLE_CHECK } from '../store/check-slice';
import { isReady, type ReadyModel } from '../store/models-slice';
import { selectBackendConfig } from '../store/selectors';
import { saveJson } from '../ui/save-file';
import type { ModelLifecycle } from './model-lifecycle';
import { ensureSession } from './model-session';
import { tick } from '../../core/scoring/tick';

export interface CheckRequest {
  readonly backends: readonly BackendId[];
  /** As typed: checked here, so that a bad value is said, not silently replaced. */
  readonly rtol: string;
  readonly atol: string;
  /** The user's own inputs and expected outputs (any tensor file form) instead of the package's data sets. */
  readonly files?: { readonly inputs: readonly File[]; readonly expected: readonly File[] };
}

/** The user's files as one data set, read like a test_data_set folder. */
async function ownDataSet(files: NonNullable<CheckRequest['files']>): Promise<TestDataSetFiles> {
  const read = (list: readonly File[]): Promise<PackageFile[]> => Promise.all(list.map(async (f) => ({ path: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
  return { name: 'your files', inputs: await read(files.inputs), outputs: await read(files.expected) };
}

export interface CheckActions {
  /** Runs every test_data_set of the model's package on each backend and checks the outputs. */
  startCheck(id: string, request: CheckRequest): Promise<void>;
  /** Stops after the case in flight. */
  cancelCheck(id: string): void;
  /** The last check as the `check --json` report (null before a check ends). */
  checkReport(id: string): CheckReport | null;
  downloadReport(id: string): void;
}

export interface CheckDeps {
  readonly store: AppStore;
  readonly client: EngineGateway;
  readonly lifecycle: ModelLifecycle;
}

/** What the user reads for a backend; WebGPU names its adapter, so a software one never passes for a GPU. */
export function backendLabel(backend: BackendId, config: BackendConfig, caps: Capabilities | null): string {
  if (backend !== 'webgpu') return configLabel({ ...config, backend });
  const gpu = caps?.webgpu;
  if (!gpu?.available) return 'WebGPU';
  return `WebGPU (${[gpu.vendor, gpu.architecture].filter(Boolean).join(' ') || 'unnamed adapter'}${gpu.software ? ', software emulation' : ''})`;
}

/** The configuration a check runs on: the page's WASM thread count, or WebGPU. */
function configOf(store: AppStore, backend: BackendId): BackendConfig {
  const current = selectBackendConfig({ ...store.getState(), backend: 'wasm' });
  return backend === 'webgpu' ? { backend: 'webgpu', threads: 1 } : current;
}

/** Runs a check's cases on the model's sessions, one per backend configuration. */
function checkRunner(client: EngineGateway, model: ReadyModel, configs: ReadonlyMap<string, BackendConfig>): CheckRunner {
  return {
    prepare: (backend) => ensureSession(client, model, configs.get(backend)!),
    async run(backend, feeds) {
      const result = await client.run(configs.get(backend)!, model.id, feeds);
      return result.ok ? ok(result.value.outputs) : result;
    },
  };
}

export function createCheckActions({ store, client, lifecycle }: CheckDeps): CheckActions {
  const { getState } = store;
  const controls = new Map<string, { cancelled: boolean }>();
  const modelOf = (id: string): ReadyModel | undefined => {
    const model = getState().models.find((m) => m.id === id);
    return isReady(model) ? model : undefined;
  };

  return {
    async startCheck(id, request) {
      const model = modelOf(id);
      if (!model || controls.has(id)) return;
      const tolerance = parseTolerance(request.rtol, request.atol);
      const found = request.files ? { sets: [await ownDataSet(request.files)] } : findTestDataSets(model.pkg.files);
      const webgpu = getState().capabilities?.webgpu;
      const backends = usableBackends(request.backends, webgpu);
      const files = request.files ? { inputs: request.files.inputs.length, expected: request.files.expected.length } : null;
      const refusal = checkRefusal(tolerance, { backends: request.backends, webgpu, dataSets: found?.sets.length ?? 0, files });
      if (refusal || !tolerance.ok || !found) {
        getState().updateCheck(id, { ...IDLE_CHECK, error: refusal?.message ?? null });
        if (refusal) getState().notify(refusal);
        return;
      }
      const configs = new Map(backends.map((b) => [b as string, configOf(store, b)]));
      const caps = getState().capabilities;
      const labels = Object.fromEntries(backends.map((b) => [b, backendLabel(b, configs.get(b)!, caps)]));
      const control = { cancelled: false };
      controls.set(id, control);
      const untrack = lifecycle.track(id, () => (control.cancelled = true));
      const total = found.sets.length * backends.length;
      getState().updateCheck(id, { ...IDLE_CHECK, status: 'running', backends, labels, tolerance: tolerance.value, total });
      try {
        const plan = { sets: found.sets, inputs: model.description.inputs, outputs: model.description.outputs, backends, tolerance: tolerance.value };
        // The tensor readers load with the first check, not with the page.
        const { checkDataSets } = await import('../../core/check/check-data-sets');
        const run = await checkDataSets(plan, checkRunner(client, model, configs), {
          cancelled: () => control.cancelled,
          onCase: async ({ done, last }) => {
            getState().updateCheck(id, { done, cases: [...(getState().checks[id]?.cases ?? []), last] });
            await tick();
          },
        });
        const verdict = checkVerdict(run, total, (b) => labels[b] ?? b);
        getState().updateCheck(id, { status: run.cancelled ? 'cancelled' : 'done', cases: run.cases, agreement: run.agreement, done: run.cases.length, verdict });
      } finally {
        controls.delete(id);
        untrack();
      }
    },
    cancelCheck(id) {
      const control = controls.get(id);
      if (control) control.cancelled = true;
    },
    checkReport(id) {
      const model = modelOf(id);
      const state = getState().checks[id];
      if (!model || !state || state.status !== 'done') return null;
      return buildCheckReport({
        version: __APP_VERSION__,
        createdAt: new Date(),
        environment: { userAgent: typeof navigator === 'undefined' ? 'unknown' : navigator.userAgent, ortVersion: __ORT_VERSION__ },
        model: { name: model.pkg.name, bytes: model.pkg.model.bytes.length },
        tolerance: state.tolerance,
        cases: state.cases,
      });
    },
    downloadReport(id) {
      const report = this.checkReport(id);
      const model = modelOf(id);
      if (report && model) saveJson(`${model.pkg.name.replace(/[^\w.-]+/g, '_')}-check.json`, report);
    },
  };
}
