import { exampleIdOf, readAppUrl, sharedModelUrl, withoutRun, writeAppUrl, type AppUrlState, type BenchmarkView, type ModelTab } from '../core/url/app-url';
import type { AppServices } from './actions/app-services';
import type { AppState } from './store/app-store';
import { benchmarkDraftOf, modelBatchDimension } from './store/benchmark-selectors';
import { isReady, type OpenModel } from './store/models-slice';
import { startLinkedWork } from './url-run';

/**
 * Keeps the address in step with the page (core/url/app-url says what it holds): opens what a
 * link names when the page starts, starts the tab's work only when the link says `run`
 * (url-run), and rewrites the address (replaceState: no history entry per click) as the model,
 * tab, backend and Benchmark form change.
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

/** Applies the address: backend, then the model it names, its Benchmark form, and its work when `run` says so. */
function startFrom(services: AppServices, url: AppUrlState): void {
  const { store, actions } = services;
  if (url.backend) store.getState().setBackend(url.backend);
  if (url.threads) store.getState().setThreads(url.threads);
  // `run` is used once: a reload, even before the model has opened, must not start the work again.
  const search = withoutRun(window.location.search);
  if (search !== window.location.search) replaceSearch(search);
  const opening = url.example ? actions.openExample(url.example) : url.model ? actions.openUrl(url.model) : null;
  void opening?.then(() => startLinkedWork(services, url));
}

function replaceSearch(search: string): void {
  window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
}

/** The Benchmark form on screen, when the Benchmark tab is (the address holds it there only). */
function benchmarkView(s: AppState, model: OpenModel, tab: ModelTab | null): BenchmarkView | null {
  if (tab !== 'benchmark' || !isReady(model) || !s.capabilities) return null;
  const batch = modelBatchDimension(model);
  // The batch dimension is set by each batch size, not by its own field.
  const dims = Object.fromEntries(Object.entries(model.dims).filter(([name]) => batch.kind !== 'symbolic' || name !== batch.name));
  return { draft: benchmarkDraftOf(s, model, s.capabilities), dims, symbolicBatch: batch.kind === 'symbolic' };
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
    const tab = model ? (tabs.get(model.id) ?? null) : null;
    const search = writeAppUrl(window.location.search, {
      example,
      model: source && !example ? sharedModelUrl(source) : null,
      tab,
      backend,
      threads: backend ? s.threads : null,
      benchmark: model ? benchmarkView(s, model, tab) : null,
    });
    if (search !== window.location.search) replaceSearch(search);
  };
  startFrom(services, readAppUrl(window.location.search));
  return store.subscribe((s, before) => {
    const changed = s.activeModelId !== before.activeModelId || s.models !== before.models || s.backend !== before.backend || s.threads !== before.threads || s.compareOpen !== before.compareOpen;
    if (changed || s.benchmarkDrafts !== before.benchmarkDrafts || s.capabilities !== before.capabilities) write();
  });
}
