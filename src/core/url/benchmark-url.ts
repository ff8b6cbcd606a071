import { MAX_BATCH_SIZE, MAX_RUNS, MAX_SECONDS, MAX_WARMUP_RUNS, type BenchmarkDraft, type InputSource } from '../benchmark/plan';
import { DEFAULT_SESSION_DRAFT, type SessionDraft } from '../benchmark/session-draft';
import { GRAPH_OPTIMIZATION_LEVELS, type GraphOptimizationLevel, type WebGpuLayout, type WebNnDeviceType, type WebNnPowerPreference } from '../protocol/engine-api';

/**
 * The Benchmark form in the address, so that a shared link reopens the same measurement:
 * `configs=wasm-1,wasm-2,webgpu`, `batch=1,8,32`, `warmup=10`, `runs=100` (or `seconds=2`),
 * `inputs=example|random`, `profile=1`, the session options (`opt`, `layout`, `fix-dims`,
 * `graph-capture`, `gpu-outputs`, `webnn-device`, `webnn-power`) and the symbolic dimensions'
 * sizes as `dim.<name>=64`. Only numbers and words from fixed lists go in: never a file's
 * contents. A hand-edited value out of range is clamped, one that is not understood is dropped.
 */
export const BENCHMARK_KEYS = ['configs', 'batch', 'warmup', 'runs', 'seconds', 'inputs', 'profile', 'opt', 'layout', 'fix-dims', 'graph-capture', 'gpu-outputs', 'webnn-device', 'webnn-power'] as const;
export const DIM_PREFIX = 'dim.';
/** Batch sizes, configurations and dimensions a link may list (more are dropped). */
export const MAX_LISTED = 16;
export const MAX_DIM_NAME = 64;
export const MAX_DIMENSION_SIZE = 65_536;
const MAX_WASM_THREADS = 64;

export type BenchmarkUrlDraft = Partial<Omit<BenchmarkDraft, 'session'>> & { readonly session?: Partial<SessionDraft> };

/** What a link says about the Benchmark form: only the fields it names. */
export interface BenchmarkUrlSettings {
  readonly draft: BenchmarkUrlDraft;
  readonly dims: Readonly<Record<string, number>>;
}

const LAYOUTS: readonly WebGpuLayout[] = ['NCHW', 'NHWC'];
const WEBNN_DEVICES: readonly WebNnDeviceType[] = ['cpu', 'gpu', 'npu'];
const WEBNN_POWERS: readonly WebNnPowerPreference[] = ['low-power', 'high-performance'];
const INPUTS: readonly InputSource[] = ['example', 'random'];

const clamp = (n: number, min: number, max: number): number => Math.min(max, Math.max(min, n));

/** A number from the address, rounded to `digits` decimals and clamped; null when it is not a number at all. */
function numberIn(text: string | null, min: number, max: number, digits = 0): number | null {
  if (text === null || text.trim() === '') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  const scale = 10 ** digits;
  return clamp(Math.round(n * scale) / scale, min, max);
}

function oneOf<T extends string>(text: string | null, allowed: readonly T[]): T | null {
  return text !== null && (allowed as readonly string[]).includes(text) ? (text as T) : null;
}

function flag(text: string | null): boolean | null {
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  return null;
}

/** `wasm-1,wasm-4,webgpu,webnn` → the form's backend choices; unknown names are dropped. */
export function readConfigs(text: string): Pick<BenchmarkDraft, 'wasmThreads' | 'webgpu' | 'webnn'> {
  const names = text.split(',').slice(0, MAX_LISTED);
  const threads = names.map((name) => /^wasm-(\d{1,6})$/.exec(name.trim())).map((m) => (m ? clamp(Number(m[1]), 1, MAX_WASM_THREADS) : null));
  return {
    wasmThreads: [...new Set(threads.filter((t): t is number => t !== null))].sort((a, b) => a - b),
    webgpu: names.some((n) => n.trim() === 'webgpu'),
    webnn: names.some((n) => n.trim() === 'webnn'),
  };
}

/** The whole batch sizes in a text ("1, 8, x, 1e9" → [1, 8, 65536]), sorted, at most MAX_LISTED. */
export function readBatchSizes(text: string): number[] {
  const sizes = text
    .split(/[\s,;]+/)
    .map((part) => numberIn(part, 1, MAX_BATCH_SIZE))
    .filter((n): n is number => n !== null);
  return [...new Set(sizes)].sort((a, b) => a - b).slice(0, MAX_LISTED);
}

function readSession(q: URLSearchParams): Partial<SessionDraft> {
  const entries: [keyof SessionDraft, unknown][] = [
    ['graphOptimizationLevel', oneOf<GraphOptimizationLevel>(q.get('opt'), GRAPH_OPTIMIZATION_LEVELS)],
    ['preferredLayout', oneOf(q.get('layout'), LAYOUTS)],
    ['fixDimensions', flag(q.get('fix-dims'))],
    ['graphCapture', flag(q.get('graph-capture'))],
    ['outputsOnGpu', flag(q.get('gpu-outputs'))],
    ['webnnDeviceType', oneOf(q.get('webnn-device'), WEBNN_DEVICES)],
    ['webnnPowerPreference', oneOf(q.get('webnn-power'), WEBNN_POWERS)],
  ];
  return Object.fromEntries(entries.filter(([, v]) => v !== null)) as Partial<SessionDraft>;
}

/** `dim.<name>=<size>`: names of a sane length, whole sizes from 1 to MAX_DIMENSION_SIZE. */
function readDims(q: URLSearchParams): Record<string, number> {
  const dims: [string, number][] = [];
  for (const [key, value] of q) {
    const name = key.slice(DIM_PREFIX.length);
    const size = numberIn(value, 1, MAX_DIMENSION_SIZE);
    if (key.startsWith(DIM_PREFIX) && name.length > 0 && name.length <= MAX_DIM_NAME && size !== null && dims.length < MAX_LISTED) dims.push([name, size]);
  }
  return Object.fromEntries(dims);
}

/** The Benchmark form as the address gives it; null when the address says nothing about it. */
export function readBenchmarkUrl(q: URLSearchParams): BenchmarkUrlSettings | null {
  const named = BENCHMARK_KEYS.some((k) => q.has(k)) || [...q.keys()].some((k) => k.startsWith(DIM_PREFIX));
  if (!named) return null;
  const configs = q.get('configs');
  const batch = q.get('batch');
  const runs = numberIn(q.get('runs'), 1, MAX_RUNS);
  const seconds = numberIn(q.get('seconds'), 0.1, MAX_SECONDS, 3);
  const fields: [keyof BenchmarkDraft, unknown][] = [
    ['batchSizes', batch !== null && readBatchSizes(batch).length > 0 ? readBatchSizes(batch).join(', ') : null],
    ['warmupRuns', numberIn(q.get('warmup'), 0, MAX_WARMUP_RUNS)],
    ['runs', runs],
    ['seconds', seconds],
    // A time budget only when the link asks for one and no run count.
    ['stopKind', runs !== null ? 'runs' : seconds !== null ? 'time' : null],
    ['inputs', oneOf(q.get('inputs'), INPUTS)],
    ['profile', flag(q.get('profile'))],
  ];
  const session = readSession(q);
  const draft = {
    ...(configs !== null ? readConfigs(configs) : {}),
    ...Object.fromEntries(fields.filter(([, v]) => v !== null)),
    ...(Object.keys(session).length > 0 ? { session } : {}),
  } as BenchmarkUrlDraft;
  return { draft, dims: readDims(q) };
}

/** What the model and the browser allow, for a link made elsewhere. */
export interface BenchmarkLimits {
  /** The WASM thread counts the form offers here (core/benchmark/plan threadChoices). */
  readonly threadChoices: readonly number[];
  readonly hasExample: boolean;
  /** Whether the form shows batch sizes (the model's first dimension is symbolic). */
  readonly symbolicBatch: boolean;
}

/** A thread count this browser cannot offer becomes the largest it can that is not above it (at least 1). */
function offeredThreads(asked: readonly number[], choices: readonly number[]): number[] {
  const fit = (n: number): number => choices.filter((c) => c <= n).reduce((a, b) => Math.max(a, b), choices[0] ?? 1);
  return [...new Set(asked.map(fit))].sort((a, b) => a - b);
}

/** The form a link asks for, over the model's defaults: what this model or browser cannot take keeps its default. */
export function draftFromUrl(url: BenchmarkUrlDraft, base: BenchmarkDraft, limits: BenchmarkLimits): BenchmarkDraft {
  const { session, ...fields } = url;
  const draft: BenchmarkDraft = { ...base, ...fields };
  return {
    ...draft,
    wasmThreads: url.wasmThreads ? offeredThreads(url.wasmThreads, limits.threadChoices) : base.wasmThreads,
    batchSizes: limits.symbolicBatch ? draft.batchSizes : base.batchSizes,
    inputs: draft.inputs === 'example' && !limits.hasExample ? base.inputs : draft.inputs,
    ...(session ? { session: { ...DEFAULT_SESSION_DRAFT, ...base.session, ...session } } : {}),
  };
}

/** The sizes a link gives for the model's own symbolic dimensions (others are not this model's: dropped). */
export function dimsFromUrl(dims: Readonly<Record<string, number>>, names: readonly string[]): [string, number][] {
  return Object.entries(dims).filter(([name]) => names.includes(name));
}

const isWhole = (n: number, min: number, max: number): boolean => Number.isInteger(n) && n >= min && n <= max;

function sessionEntries(session: SessionDraft | undefined): [string, string][] {
  const s = { ...DEFAULT_SESSION_DRAFT, ...session };
  const entries: [string, string | null][] = [
    ['opt', s.graphOptimizationLevel !== 'all' ? oneOf(s.graphOptimizationLevel, GRAPH_OPTIMIZATION_LEVELS) : null],
    ['layout', oneOf(s.preferredLayout, LAYOUTS)],
    ['fix-dims', s.fixDimensions ? '1' : null],
    ['graph-capture', s.graphCapture ? '1' : null],
    ['gpu-outputs', s.outputsOnGpu ? '1' : null],
    ['webnn-device', oneOf(s.webnnDeviceType ?? null, WEBNN_DEVICES)],
    ['webnn-power', oneOf(s.webnnPowerPreference ?? null, WEBNN_POWERS)],
  ];
  return entries.filter((e): e is [string, string] => e[1] !== null);
}

/**
 * The address's entries for the form on screen (numbers and fixed words only). A field being
 * typed that is not yet valid (an empty run count) is left out: the link then gives its default.
 */
export function writeBenchmarkUrl(draft: BenchmarkDraft, dims: Readonly<Record<string, number>>, symbolicBatch: boolean): [string, string][] {
  const configs = [
    ...[...new Set(draft.wasmThreads)].filter((t) => isWhole(t, 1, MAX_WASM_THREADS)).sort((a, b) => a - b).map((t) => `wasm-${t}`),
    ...(draft.webgpu ? ['webgpu'] : []),
    ...(draft.webnn ? ['webnn'] : []),
  ];
  const batch = symbolicBatch ? readBatchSizes(draft.batchSizes) : [];
  const stop: [string, string | null] =
    draft.stopKind === 'runs' ? ['runs', isWhole(draft.runs, 1, MAX_RUNS) ? String(draft.runs) : null] : ['seconds', Number.isFinite(draft.seconds) && draft.seconds >= 0.1 && draft.seconds <= MAX_SECONDS ? String(draft.seconds) : null];
  const entries: [string, string | null][] = [
    ['configs', configs.join(',')],
    ['batch', batch.length > 0 ? batch.join(',') : null],
    ['warmup', isWhole(draft.warmupRuns, 0, MAX_WARMUP_RUNS) ? String(draft.warmupRuns) : null],
    stop,
    ['inputs', oneOf(draft.inputs, INPUTS)],
    ['profile', draft.profile ? '1' : null],
    ...sessionEntries(draft.session),
    ...Object.entries(dims)
      .filter(([name, size]) => name.length > 0 && name.length <= MAX_DIM_NAME && isWhole(size, 1, MAX_DIMENSION_SIZE))
      .slice(0, MAX_LISTED)
      .map(([name, size]): [string, string] => [`${DIM_PREFIX}${name}`, String(size)]),
  ];
  return entries.filter((e): e is [string, string] => e[1] !== null);
}
