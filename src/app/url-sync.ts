import { exampleIdOf, readAppUrl, RUNNABLE_TABS, sharedModelUrl, writeAppUrl, type AppUrlState, type ModelTab } from '../core/url/app-url';
import type { AppServices } from './actions/app-services';
import { isReady } from './store/models-slice';

/**
 * Keeps the address in step with the page (core/url/app-url says what it holds): opens what a
 * link names when the page starts, starts the tab's work only when the link says `run`, and
 * rewrites the address (replaceState: no history entry per click) as the model, tab and
 * backend change.
 */
/** The tab the address named when the page started, for the first model that opens. */
const linkedTab: ModelTab | null = readAppUrl(window.location.search).tab;
let linkedModel: string | null = null;
/** Each open model's tab, so that switching models comes back to where the user was. */
const tabs = new Map<string, ModelTab>();

/** The tab a model's view starts on: where the user left it, else the address's tab for the first model, else the first tab. */
export function tabFromUrl(modelId: string): ModelTab | undefined {
  const kept = tabs.get(modelId);
  if (kept) return kept;
  if (linkedTab === null || (linkedModel !== null && linkedModel !== modelId)) return undefined;
  linkedModel = modelId;
  return linkedTab;
}

type Writer = () => void;
let write: Writer = () => undefined;

/** A model view's tab changed: the address follows. */
export function noteTab(modelId: string, id: string): void {
  tabs.set(modelId, id as ModelTab);
  write();
}

/** Starts the work the tab does, for a link with `run`: Run, Predict, or a benchmark with the form's settings. */
async function runTab(services: AppServices, id: string, which: ModelTab): Promise<void> {
  if (which === 'predict') {
    await services.predict.openPredict(id);
    await services.predict.predict(id);
  } else if (which === 'benchmark') await services.benchmark.startBenchmark(id);
  else await services.actions.runModel(id);
}

/** Applies the address: backend, then the model it names (and its work when `run` says so). */
function startFrom(services: AppServices, url: AppUrlState): void {
  const { store, actions } = services;
  if (url.backend) store.getState().setBackend(url.backend);
  if (url.threads) store.getState().setThreads(url.threads);
  const opening = url.example ? actions.openExample(url.example) : url.model ? actions.openUrl(url.model) : null;
  if (!opening || !url.run) return;
  void opening.then(() => {
    const model = store.getState().models.find((m) => m.id === store.getState().activeModelId);
    const which = url.tab ?? 'run';
    if (isReady(model) && RUNNABLE_TABS.includes(which)) void runTab(services, model.id, which);
  });
}

/** Opens what the address names, then keeps the address in step with the page; returns the unsubscribe. */
export function syncUrlWithPage(services: AppServices, baseUrl: string): () => void {
  const { store } = services;
  const examplesUrl = new URL(`${baseUrl}examples/`, window.location.origin).href;
  write = () => {
    const s = store.getState();
    const model = s.models.find((m) => m.id === s.activeModelId);
    const source = model && !s.compareOpen ? model.source : null;
    const example = source ? exampleIdOf(source, examplesUrl) : null;
    // Backend and threads matter once a model is open; the start page's address stays bare.
    const backend = model && (s.backend === 'webgpu' || s.backend === 'wasm') ? s.backend : null;
    const search = writeAppUrl(window.location.search, {
      example,
      model: source && !example ? sharedModelUrl(source) : null,
      tab: model ? (tabs.get(model.id) ?? null) : null,
      backend,
      threads: backend ? s.threads : null,
    });
    if (search !== window.location.search) window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  };
  startFrom(services, readAppUrl(window.location.search));
  return store.subscribe((s, before) => {
    if (s.activeModelId !== before.activeModelId || s.models !== before.models || s.backend !== before.backend || s.threads !== before.threads || s.compareOpen !== before.compareOpen) write();
  });
}
