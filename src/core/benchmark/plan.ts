import { maxThreads, webnnOf, type Capabilities } from '../protocol/capabilities';
import type { BackendConfig, SessionTuning } from '../protocol/engine-api';
import { DEFAULT_SESSION_DRAFT, tuningOfDraft, type FormDimension, type SessionDraft } from './session-draft';
import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { StopRule } from '../protocol/benchmark';
import type { TensorSpec } from '../protocol/tensor';

export const DEFAULT_BATCH_SIZES = [1, 8, 32, 128] as const;
export const MAX_BATCH_SIZE = 65_536;
export const MAX_WARMUP_RUNS = 10_000;
export const MAX_RUNS = 100_000;
export const MAX_SECONDS = 600;

/** Whether the inputs' first dimension can take any batch size, and which. */
export type BatchDimension =
  | { readonly kind: 'symbolic'; readonly name: string }
  | { readonly kind: 'fixed'; readonly size: number }
  /** No input declares a first dimension (unknown shapes or scalars): the inputs run as they are. */
  | { readonly kind: 'none' };

export function batchDimension(inputs: readonly TensorSpec[]): BatchDimension {
  const firsts = inputs.map((i) => (i.shape && i.shape.length > 0 ? i.shape[0]! : null));
  if (firsts.length === 0 || firsts.some((d) => d === null)) return { kind: 'none' };
  const fixed = firsts.find((d) => typeof d === 'number' && d >= 0);
  if (typeof fixed === 'number') return { kind: 'fixed', size: fixed };
  const named = firsts.find((d) => typeof d === 'string');
  return { kind: 'symbolic', name: typeof named === 'string' ? named : 'batch' };
}

export type InputSource = 'random' | 'example';

/** The benchmark form as the user fills it (text fields stay text until the plan is made). */
export interface BenchmarkDraft {
  readonly wasmThreads: readonly number[];
  readonly webgpu: boolean;
  /** WebNN, where the browser has it (capabilities.webnn). */
  readonly webnn?: boolean;
  readonly batchSizes: string;
  readonly warmupRuns: number;
  readonly stopKind: 'runs' | 'time';
  readonly runs: number;
  readonly seconds: number;
  readonly inputs: InputSource;
  /** Also take each configuration apart (cold start, operators, placement: the Speed tab's profile). */
  readonly profile?: boolean;
  /** Session options (absent: onnxruntime's defaults). */
  readonly session?: SessionDraft;
}

/** What will run: configurations in order (never two at once), and the same points for each. */
export interface BenchmarkPlan {
  readonly configs: readonly BackendConfig[];
  readonly batchSizes: readonly number[];
  readonly warmupRuns: number;
  readonly stop: StopRule;
  readonly inputs: InputSource;
  /** Session options for every configuration (core/protocol/session-options drops what a backend cannot take). */
  readonly tuning: SessionTuning;
}

/** Thread counts offered for WASM: every count up to the cores, or powers of two beyond 8 cores. */
export function threadChoices(caps: Capabilities): number[] {
  const limit = maxThreads(caps);
  if (limit <= 8) return Array.from({ length: limit }, (_, i) => i + 1);
  const choices: number[] = [];
  for (let n = 1; n < limit; n *= 2) choices.push(n);
  return [...choices, limit];
}

export function batchSizesText(batch: BatchDimension): string {
  if (batch.kind === 'fixed') return String(batch.size);
  if (batch.kind === 'none') return '1';
  return DEFAULT_BATCH_SIZES.join(', ');
}

/** One thread, and onnxruntime's default count when it differs, so that the first run already shows what threads buy. */
export function defaultDraft(batch: BatchDimension, hasExample: boolean, defaultThreads: number): BenchmarkDraft {
  return { wasmThreads: [...new Set([1, defaultThreads])], webgpu: false, batchSizes: batchSizesText(batch), warmupRuns: 10, stopKind: 'runs', runs: 100, seconds: 2, inputs: hasExample ? 'example' : 'random' };
}

function badConfig(message: string, hint: string): Result<never> {
  return fail(engineError('bad-input', message, hint));
}

/** "1, 8, 32" → [1, 8, 32]: whole numbers from 1 to MAX_BATCH_SIZE, duplicates dropped, ascending. */
export function parseBatchSizes(text: string): Result<number[]> {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  if (parts.length === 0) return badConfig('No batch size given.', 'Enter one or more batch sizes, e.g. 1, 8, 32, 128.');
  const sizes: number[] = [];
  for (const part of parts) {
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1 || n > MAX_BATCH_SIZE) {
      return badConfig(`“${part}” is not a batch size.`, `Batch sizes are whole numbers from 1 to ${MAX_BATCH_SIZE.toLocaleString('en-US')}, separated by commas.`);
    }
    if (!sizes.includes(n)) sizes.push(n);
  }
  return ok(sizes.sort((a, b) => a - b));
}

function wholeNumber(value: number, min: number, max: number, what: string): Result<number> {
  if (!Number.isFinite(value) || !Number.isInteger(value) || value < min || value > max) {
    return badConfig(`${what} must be a whole number from ${min} to ${max.toLocaleString('en-US')} (got ${value}).`, `Correct ${what.toLowerCase()} and start again.`);
  }
  return ok(value);
}

/** Checks the form against the model and the browser; every problem is a message that says how to fix it. */
export function planBenchmark(draft: BenchmarkDraft, batch: BatchDimension, caps: Capabilities, hasExample: boolean, dimensions: readonly FormDimension[] = []): Result<BenchmarkPlan> {
  const limit = maxThreads(caps);
  const tooMany = draft.wasmThreads.find((t) => !Number.isInteger(t) || t < 1 || t > limit);
  if (tooMany !== undefined) {
    return badConfig(
      `WASM with ${tooMany} threads is not possible here: this browser allows at most ${limit}.`,
      caps.crossOriginIsolated ? `Choose thread counts up to ${limit} (navigator.hardwareConcurrency).` : 'The page is not cross-origin isolated, so WASM runs on one thread only.',
    );
  }
  if (draft.webgpu && !caps.webgpu.available) {
    return badConfig(`WebGPU is not available: ${caps.webgpu.reason}.`, 'Untick WebGPU, or use a browser with WebGPU enabled.');
  }
  const configs: BackendConfig[] = [...new Set(draft.wasmThreads)].sort((a, b) => a - b).map((threads) => ({ backend: 'wasm', threads }));
  if (draft.webgpu) configs.push({ backend: 'webgpu', threads: 1 });
  if (draft.webnn) {
    const webnn = webnnOf(caps);
    if (!webnn.available) return badConfig(`WebNN is not available: ${webnn.reason}.`, 'Untick WebNN, or use a browser with WebNN (navigator.ml).');
    configs.push({ backend: 'webnn', threads: 1 });
  }
  if (configs.length === 0) return badConfig('No backend chosen.', 'Tick WASM at one or more thread counts, WebGPU or WebNN.');

  let batchSizes: number[];
  if (batch.kind === 'symbolic') {
    const parsed = parseBatchSizes(draft.batchSizes);
    if (!parsed.ok) return parsed;
    batchSizes = parsed.value;
  } else {
    batchSizes = [batch.kind === 'fixed' ? batch.size : 1];
  }
  const warmup = wholeNumber(draft.warmupRuns, 0, MAX_WARMUP_RUNS, 'Warm-up runs');
  if (!warmup.ok) return warmup;
  let stop: StopRule;
  if (draft.stopKind === 'runs') {
    const runs = wholeNumber(draft.runs, 1, MAX_RUNS, 'Runs per point');
    if (!runs.ok) return runs;
    stop = { kind: 'runs', runs: runs.value };
  } else {
    if (!Number.isFinite(draft.seconds) || draft.seconds < 0.1 || draft.seconds > MAX_SECONDS) {
      return badConfig(`Time per point must be between 0.1 and ${MAX_SECONDS} seconds (got ${draft.seconds}).`, 'Correct the time per point and start again.');
    }
    stop = { kind: 'time', ms: draft.seconds * 1000 };
  }
  if (draft.inputs === 'example' && !hasExample) {
    return badConfig('This package has no input example to repeat.', 'Choose random inputs.');
  }
  const tuning = tuningOfDraft(draft.session ?? DEFAULT_SESSION_DRAFT, dimensions, batch, batchSizes);
  if (!tuning.ok) return tuning;
  return ok({ configs, batchSizes, warmupRuns: warmup.value, stop, inputs: draft.inputs, tuning: tuning.value });
}
