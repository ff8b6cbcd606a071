import type { BenchmarkDraft } from '../benchmark/plan';
import { BENCHMARK_KEYS, DIM_PREFIX, readBenchmarkUrl, writeBenchmarkUrl, type BenchmarkUrlSettings } from './benchmark-url';

/**
 * What the address says about the page, so that a link reopens what is on screen:
 * `?example=iris-pipeline` (a bundled example) or `?model=https://…` (a model on the web; never
 * a local file's contents), `tab=predict`, `backend=wasm|webgpu`, `threads=2`, on the Benchmark
 * tab its form (core/url/benchmark-url), and `run`: start the tab's one obvious action on
 * opening. Without `run` a shared link opens and waits: nothing heavy starts silently. `run` is
 * read once and never written back, so a reload reopens the same page without starting the work again.
 */
export const MODEL_TABS = ['run', 'predict', 'inspect', 'graph', 'benchmark', 'speed', 'drift', 'check'] as const;
export type ModelTab = (typeof MODEL_TABS)[number];

/**
 * The tabs with one obvious action for `run`: Run runs, Predict predicts the form's row, Benchmark
 * and Speed measure with their forms, Drift checks the package's production sample, Check output
 * runs the package's test data. Inspect and Graph have nothing to start: `run` does nothing there.
 */
export const RUNNABLE_TABS: readonly ModelTab[] = ['run', 'predict', 'benchmark', 'speed', 'drift', 'check'];

export interface AppUrlState {
  readonly example: string | null;
  readonly model: string | null;
  readonly tab: ModelTab | null;
  readonly backend: 'wasm' | 'webgpu' | null;
  readonly threads: number | null;
  /** The Benchmark form as the link gives it (null: the link says nothing about it). */
  readonly benchmark: BenchmarkUrlSettings | null;
  readonly run: boolean;
}

/** The Benchmark form on screen, for the address (written on the Benchmark tab only). */
export interface BenchmarkView {
  readonly draft: BenchmarkDraft;
  readonly dims: Readonly<Record<string, number>>;
  readonly symbolicBatch: boolean;
}

export interface AppUrlView extends Omit<AppUrlState, 'run' | 'benchmark'> {
  readonly benchmark?: BenchmarkView | null;
}

const EXAMPLE_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/i;
const KEYS = ['example', 'model', 'tab', 'backend', 'threads', 'run'] as const;
const MAX_THREADS = 64;

const isTab = (v: string | null): v is ModelTab => v !== null && (MODEL_TABS as readonly string[]).includes(v);

/** Reads the address; anything malformed is ignored (a bad link opens the start page, never an error loop). */
export function readAppUrl(search: string): AppUrlState {
  const q = new URLSearchParams(search);
  const example = q.get('example');
  const model = q.get('model');
  const tab = q.get('tab');
  const backend = q.get('backend');
  const threads = Number(q.get('threads'));
  const run = q.get('run');
  return {
    example: example !== null && EXAMPLE_ID.test(example) ? example : null,
    // Handed on as given: the opener accepts a web address or a path on this site and refuses any
    // other scheme (javascript:, data:, file:) with a message, fetching nothing.
    model: model !== null && model !== '' ? model : null,
    tab: isTab(tab) ? tab : null,
    backend: backend === 'wasm' || backend === 'webgpu' ? backend : null,
    threads: Number.isInteger(threads) && threads >= 1 && threads <= MAX_THREADS ? threads : null,
    benchmark: readBenchmarkUrl(q),
    run: run !== null && run !== '0' && run !== 'false',
  };
}

/** The address for this view: the app's keys set (or removed), other keys (e.g. `safe`) kept, `run` dropped. */
export function writeAppUrl(search: string, view: AppUrlView): string {
  const q = new URLSearchParams(search);
  for (const key of [...KEYS, ...BENCHMARK_KEYS, ...[...q.keys()].filter((k) => k.startsWith(DIM_PREFIX))]) q.delete(key);
  const set = (key: string, value: string | number | null): void => {
    if (value !== null) q.set(key, String(value));
  };
  set('example', view.example);
  set('model', view.example ? null : view.model);
  set('tab', view.example || view.model ? view.tab : null);
  set('backend', view.backend);
  set('threads', view.backend === 'webgpu' ? null : view.threads);
  if (view.benchmark && view.tab === 'benchmark' && (view.example || view.model)) {
    for (const [key, value] of writeBenchmarkUrl(view.benchmark.draft, view.benchmark.dims, view.benchmark.symbolicBatch)) q.set(key, value);
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The address without `run`: what a reload must see once the link's work has been started. */
export function withoutRun(search: string): string {
  const q = new URLSearchParams(search);
  if (!q.has('run')) return search;
  q.delete('run');
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The bundled example a model was opened from (`…/examples/<id>.zip` below the app's base), or null. */
export function exampleIdOf(source: string, examplesUrl: string): string | null {
  if (!source.startsWith(examplesUrl)) return null;
  const m = /^([^/?#]+)\.zip$/.exec(source.slice(examplesUrl.length));
  return m && EXAMPLE_ID.test(m[1]!) ? m[1]! : null;
}

/** The address a model opened from the web can be shared by; local files and examples give null. */
export function sharedModelUrl(source: string): string | null {
  return /^https?:\/\//i.test(source) ? source : null;
}
