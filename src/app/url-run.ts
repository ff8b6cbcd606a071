import { threadChoices } from '../core/benchmark/plan';
import { DEFAULT_TOLERANCE } from '../core/check/tolerance';
import type { Capabilities } from '../core/protocol/capabilities';
import { findTestDataSets } from '../core/tensors/test-data-layout';
import { RUNNABLE_TABS, type AppUrlState, type ModelTab } from '../core/url/app-url';
import { dimsFromUrl, draftFromUrl, type BenchmarkUrlSettings } from '../core/url/benchmark-url';
import type { AppServices } from './actions/app-services';
import type { AppStore } from './store/app-store';
import { defaultBenchmarkDraft, hasInputExample, modelBatchDimension, modelFormDimensions } from './store/benchmark-selectors';
import { isReady, type ReadyModel } from './store/models-slice';

/**
 * What a link starts once its model is open: the Benchmark form it describes, then, with `run`,
 * the tab's one obvious action. Called once per page load (url-sync), so a re-render never
 * starts anything; the address has already lost `run`, so a reload does not either.
 */

/** The browser's capabilities (probed as the page starts): the forms' defaults depend on them. */
function capabilitiesOf(store: AppStore): Promise<Capabilities> {
  const now = store.getState().capabilities;
  if (now) return Promise.resolve(now);
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      if (!s.capabilities) return;
      stop();
      resolve(s.capabilities);
    });
  });
}

/** Fills the Benchmark form and the symbolic dimensions' sizes from the link, within what this model and browser allow. */
function applyBenchmarkLink(store: AppStore, model: ReadyModel, settings: BenchmarkUrlSettings, caps: Capabilities): void {
  const draft = draftFromUrl(settings.draft, defaultBenchmarkDraft(model, caps), {
    threadChoices: threadChoices(caps),
    hasExample: hasInputExample(model),
    symbolicBatch: modelBatchDimension(model).kind === 'symbolic',
  });
  store.getState().setBenchmarkDraft(model.id, draft);
  const batch = modelBatchDimension(model);
  const names = modelFormDimensions(model)
    .map((d) => d.name)
    .filter((name) => batch.kind !== 'symbolic' || name !== batch.name);
  for (const [name, size] of dimsFromUrl(settings.dims, names)) store.getState().setDim(model.id, name, size);
}

/** Starts the tab's one obvious action; where there is none (or nothing to act on), does nothing. */
async function runTab(services: AppServices, model: ReadyModel, which: ModelTab): Promise<void> {
  const id = model.id;
  switch (which) {
    case 'run':
      return services.actions.runModel(id);
    case 'predict':
      await services.predict.openPredict(id);
      await services.predict.predict(id);
      return;
    case 'benchmark':
      return services.benchmark.startBenchmark(id);
    case 'speed':
      return services.speed.profileModel(id);
    case 'drift':
      await services.drift.openDrift(id);
      return services.drift.checkProductionSample(id);
    case 'check':
      // The Check tab's form starts at WASM and ONNX's tolerances; without test data there is nothing to check.
      if ((findTestDataSets(model.pkg.files)?.sets.length ?? 0) === 0) return;
      return services.check.startCheck(id, { backends: ['wasm'], rtol: String(DEFAULT_TOLERANCE.rtol), atol: String(DEFAULT_TOLERANCE.atol) });
    default:
      return;
  }
}

/** After the link's model opened: its Benchmark form, then its work when the link says `run`. */
export async function startLinkedWork(services: AppServices, url: AppUrlState): Promise<void> {
  const { store } = services;
  const model = store.getState().models.find((m) => m.id === store.getState().activeModelId);
  if (!isReady(model)) return;
  const which = url.tab ?? 'run';
  const needsForms = url.benchmark !== null || (url.run && RUNNABLE_TABS.includes(which));
  if (!needsForms) return;
  const caps = await capabilitiesOf(store);
  if (url.benchmark) applyBenchmarkLink(store, model, url.benchmark, caps);
  if (url.run && RUNNABLE_TABS.includes(which)) await runTab(services, model, which);
}
