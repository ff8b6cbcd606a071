/**
 * What the address says about the page, so that a link reopens what is on screen:
 * `?example=iris-pipeline` (a bundled example) or `?model=https://…` (a model on the web; never
 * a local file's contents), `tab=predict`, `backend=wasm|webgpu`, `threads=2`, and `run`:
 * start the tab's work on opening (Run, Predict, Benchmark). Without `run` a shared link opens
 * and waits: nothing heavy starts silently. The app writes every key but `run` back as the page
 * changes, so that a reload reopens the same page without starting the work again.
 */
export const MODEL_TABS = ['run', 'predict', 'inspect', 'graph', 'benchmark', 'speed', 'drift'] as const;
export type ModelTab = (typeof MODEL_TABS)[number];

/** The tabs whose work `run` starts. */
export const RUNNABLE_TABS: readonly ModelTab[] = ['run', 'predict', 'benchmark'];

export interface AppUrlState {
  readonly example: string | null;
  readonly model: string | null;
  readonly tab: ModelTab | null;
  readonly backend: 'wasm' | 'webgpu' | null;
  readonly threads: number | null;
  readonly run: boolean;
}

export type AppUrlView = Omit<AppUrlState, 'run'>;

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
    run: run !== null && run !== '0' && run !== 'false',
  };
}

/** The address for this view: the app's keys set (or removed), other keys (e.g. `safe`) kept, `run` dropped. */
export function writeAppUrl(search: string, view: AppUrlView): string {
  const q = new URLSearchParams(search);
  for (const key of KEYS) q.delete(key);
  const set = (key: string, value: string | number | null): void => {
    if (value !== null) q.set(key, String(value));
  };
  set('example', view.example);
  set('model', view.example ? null : view.model);
  set('tab', view.example || view.model ? view.tab : null);
  set('backend', view.backend);
  set('threads', view.backend === 'webgpu' ? null : view.threads);
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
