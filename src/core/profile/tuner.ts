import { MAX_BATCH_SIZE, type BatchDimension } from '../benchmark/plan';
import { benchmarkPoint, configLabel } from '../benchmark/run';
import type { BenchmarkMeasurement } from '../protocol/benchmark';
import { defaultThreads, maxThreads, type Capabilities } from '../protocol/capabilities';
import type { BackendConfig, SessionTuning } from '../protocol/engine-api';
import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import { isUnnamedDim } from '../protocol/tensor';

/** The tuner's form as the user fills it. */
export interface TunerDraft {
  /** The latency budget: p99 of one request (one batch), in milliseconds. */
  readonly budgetP99Ms: number;
  /** Requests arrive in batches of at least this many. */
  readonly minBatch: number;
  /** The whole search stops after this many seconds. */
  readonly capSeconds: number;
  readonly webgpu: boolean;
}

/** One configuration to measure: a backend, session options, and the batch sizes to time on it. */
export interface TunerStep {
  readonly config: BackendConfig;
  readonly tuning: SessionTuning;
  readonly batchSizes: readonly number[];
}

export interface TunerPlan {
  readonly budgetP99Ms: number;
  readonly minBatch: number;
  readonly capMs: number;
  readonly batchSizes: readonly number[];
  /** The first round: every backend configuration with onnxruntime's default options. */
  readonly steps: readonly TunerStep[];
  /** Time budget of each timed point. */
  readonly pointMs: number;
  readonly warmupRuns: number;
}

/** One measured (configuration, options, batch size). */
export interface TunerPoint {
  readonly config: BackendConfig;
  readonly tuning: SessionTuning;
  readonly batchSize: number;
  readonly runs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly throughputPerSec: number;
  readonly perSampleMs: number;
  readonly sessionCreateMs: number;
  readonly firstRunMs: number;
}

export interface Recommendation {
  /** Lowest p99 within the budget for a request of the minimum batch (larger batches make requests wait). */
  readonly fastest: TunerPoint | null;
  /** Most samples per second within the budget. */
  readonly throughputOptimal: TunerPoint | null;
  /** When nothing fits the budget: the lowest p99 measured, to say how far off it is. */
  readonly closest: TunerPoint | null;
  readonly summary: string;
}

export const TUNER_WARMUP_RUNS = 3;
const MIN_POINT_MS = 50;
const MAX_POINT_MS = 2000;
/** Batch sizes tried above the minimum when the batch dimension is free. */
const LARGER_BATCHES = [8, 32, 128] as const;
/** Share of the cap given to the first round; the rest is for session creation, warm-up and the second round. */
const FIRST_ROUND_SHARE = 0.45;
/** A p99 from fewer runs is mostly the slowest run. */
export const FEW_RUNS = 100;

export function defaultTunerDraft(caps: Capabilities): TunerDraft {
  return { budgetP99Ms: 20, minBatch: 1, capSeconds: 30, webgpu: caps.webgpu.available };
}

function refuse(message: string, hint: string): Result<never> {
  return fail(engineError('bad-input', message, hint));
}

/** Batch sizes to try: the minimum, then a few larger ones when the model allows any size. */
export function tunerBatchSizes(batch: BatchDimension, minBatch: number): Result<number[]> {
  if (batch.kind === 'fixed') {
    if (batch.size < minBatch) return refuse(`The model takes batches of exactly ${batch.size}: a minimum batch of ${minBatch} cannot be met.`, `Set the minimum batch to ${batch.size} or less.`);
    return ok([batch.size]);
  }
  if (batch.kind === 'none') {
    if (minBatch > 1) return refuse('The model declares no batch dimension: it runs its inputs as they are, one request at a time.', 'Set the minimum batch to 1.');
    return ok([1]);
  }
  return ok([minBatch, ...LARGER_BATCHES.filter((b) => b > minBatch)]);
}

/** WASM thread counts worth comparing: one, onnxruntime's default, and every core. */
export function tunerThreads(caps: Capabilities): number[] {
  return [...new Set([1, defaultThreads(caps), maxThreads(caps)])].sort((a, b) => a - b);
}

export function planTuner(draft: TunerDraft, batch: BatchDimension, caps: Capabilities): Result<TunerPlan> {
  if (!Number.isFinite(draft.budgetP99Ms) || draft.budgetP99Ms <= 0) return refuse('The latency budget must be a positive number of milliseconds.', 'For example 20: p99 ≤ 20 ms per request.');
  if (!Number.isInteger(draft.minBatch) || draft.minBatch < 1 || draft.minBatch > MAX_BATCH_SIZE) {
    return refuse(`The minimum batch must be a whole number from 1 to ${MAX_BATCH_SIZE.toLocaleString('en-US')}.`, 'Use 1 unless requests always come in groups.');
  }
  if (!Number.isFinite(draft.capSeconds) || draft.capSeconds < 1 || draft.capSeconds > 600) return refuse('The time cap must be between 1 and 600 seconds.', 'Half a minute is enough for most models.');
  if (draft.webgpu && !caps.webgpu.available) return refuse(`WebGPU is not available here: ${caps.webgpu.reason}.`, 'Leave WebGPU out of the search.');
  const sizes = tunerBatchSizes(batch, draft.minBatch);
  if (!sizes.ok) return sizes;
  const configs: BackendConfig[] = [...tunerThreads(caps).map((threads) => ({ backend: 'wasm' as const, threads })), ...(draft.webgpu ? [{ backend: 'webgpu' as const, threads: 1 }] : [])];
  const capMs = draft.capSeconds * 1000;
  const points = configs.length * sizes.value.length;
  const pointMs = Math.round(Math.min(MAX_POINT_MS, Math.max(MIN_POINT_MS, (capMs * FIRST_ROUND_SHARE) / points)));
  return ok({
    budgetP99Ms: draft.budgetP99Ms,
    minBatch: draft.minBatch,
    capMs,
    batchSizes: sizes.value,
    steps: configs.map((config) => ({ config, tuning: {}, batchSizes: sizes.value })),
    pointMs,
    warmupRuns: TUNER_WARMUP_RUNS,
  });
}

export function tunerPoints(step: TunerStep, m: BenchmarkMeasurement): TunerPoint[] {
  return m.points
    .filter((p) => p.samplesMs.length > 0)
    .map((p) => {
      const s = benchmarkPoint(p.batchSize, p.warmupRuns, p.samplesMs);
      return { config: step.config, tuning: step.tuning, batchSize: p.batchSize, runs: s.runs, p50Ms: s.p50Ms, p99Ms: s.p99Ms, throughputPerSec: s.throughputPerSec, perSampleMs: s.perSampleMs, sessionCreateMs: m.sessionCreateMs, firstRunMs: m.firstRunMs };
    });
}

const sameTuning = (a: SessionTuning, b: SessionTuning): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The second round: on the configurations the first round picked, the session
 * options that matter — a lower graph optimisation level, (symbolic batch dimension) the
 * batch fixed with `freeDimensionOverrides`, and on WebGPU each layout and graph capture —
 * at the picked batch size.
 */
export function refinementSteps(points: readonly TunerPoint[], plan: Pick<TunerPlan, 'budgetP99Ms' | 'minBatch'>, batch: BatchDimension): TunerStep[] {
  const r = recommend(points, plan.budgetP99Ms, plan.minBatch);
  const picks = [r.fastest, r.throughputOptimal, r.closest].filter((p): p is TunerPoint => p !== null);
  const steps: TunerStep[] = [];
  const add = (step: TunerStep): void => {
    const tried = points.some((p) => p.config.backend === step.config.backend && p.config.threads === step.config.threads && p.batchSize === step.batchSizes[0] && sameTuning(p.tuning, step.tuning));
    const planned = steps.some((s) => s.config.backend === step.config.backend && s.config.threads === step.config.threads && s.batchSizes[0] === step.batchSizes[0] && sameTuning(s.tuning, step.tuning));
    if (!tried && !planned) steps.push(step);
  };
  for (const pick of picks) {
    add({ config: pick.config, tuning: { graphOptimizationLevel: 'basic' }, batchSizes: [pick.batchSize] });
    // onnxruntime can only fix a dimension the model names; an unnamed one (`x[0]`) has no name to override.
    if (batch.kind === 'symbolic' && !isUnnamedDim(batch.name)) add({ config: pick.config, tuning: { freeDimensionOverrides: { [batch.name]: pick.batchSize } }, batchSizes: [pick.batchSize] });
    // WebGPU: both layouts (onnxruntime's default differs between its builds), and replaying the recorded GPU work.
    if (pick.config.backend === 'webgpu') {
      for (const preferredLayout of ['NHWC', 'NCHW'] as const) add({ config: pick.config, tuning: { preferredLayout }, batchSizes: [pick.batchSize] });
      add({ config: pick.config, tuning: { enableGraphCapture: true }, batchSizes: [pick.batchSize] });
    }
  }
  return steps;
}

/** "graph optimisation basic, dimension “N” fixed at 8" — empty for onnxruntime's defaults. */
export function tuningLabel(tuning: SessionTuning): string {
  const parts: string[] = [];
  if (tuning.graphOptimizationLevel) parts.push(`graph optimisation ${tuning.graphOptimizationLevel}`);
  for (const [name, size] of Object.entries(tuning.freeDimensionOverrides ?? {})) parts.push(`dimension “${name}” fixed at ${size}`);
  if (tuning.preferredLayout) parts.push(`layout ${tuning.preferredLayout}`);
  if (tuning.enableGraphCapture) parts.push('graph capture');
  else if (tuning.outputsOnGpu) parts.push('outputs on the GPU');
  return parts.join(', ');
}

/** "WASM · 2 threads, batch 8 (graph optimisation basic)". */
export function tunerPointLabel(p: Pick<TunerPoint, 'config' | 'tuning' | 'batchSize'>): string {
  const options = tuningLabel(p.tuning);
  return `${configLabel(p.config)}, batch ${p.batchSize}${options ? ` (${options})` : ''}`;
}

const fmt = (ms: number): string => Number(ms.toPrecision(3)).toString();
const rate = (n: number): string => Math.round(n).toLocaleString('en-US');

/** What choosing this point costs, in words. */
export function costsOf(p: TunerPoint): string[] {
  const costs = [
    p.config.backend === 'webgpu' ? 'the GPU, plus one CPU thread to drive it' : `${p.config.threads} CPU thread${p.config.threads === 1 ? '' : 's'} while it runs`,
    `p99 ${fmt(p.p99Ms)} ms per batch (p50 ${fmt(p.p50Ms)} ms), ${rate(p.throughputPerSec)} samples/s`,
    `a cold start of ${fmt(p.sessionCreateMs + p.firstRunMs)} ms (session ${fmt(p.sessionCreateMs)} ms + first run ${fmt(p.firstRunMs)} ms)`,
  ];
  if (p.batchSize > 1) costs.push(`requests wait until ${p.batchSize} are gathered: add that wait to each request’s latency`);
  if (p.runs < FEW_RUNS) costs.push(`p99 from ${p.runs} runs only: close to the slowest run; give the search more time to firm it up`);
  return costs;
}

/**
 * Picks from everything measured; never a point below the minimum batch. The
 * fastest is compared at the request's own size (the smallest batch measured at or
 * above the minimum): a larger batch is not faster for a request that must wait
 * for it to fill. The throughput-optimal may use any batch within the budget.
 */
export function recommend(points: readonly TunerPoint[], budgetP99Ms: number, minBatch: number): Recommendation {
  const eligible = points.filter((p) => p.batchSize >= minBatch);
  const requestSize = Math.min(...eligible.map((p) => p.batchSize));
  const fitting = eligible.filter((p) => p.p99Ms <= budgetP99Ms);
  const byLatency = (a: TunerPoint, b: TunerPoint): number => a.p99Ms - b.p99Ms || b.throughputPerSec - a.throughputPerSec;
  const byThroughput = (a: TunerPoint, b: TunerPoint): number => b.throughputPerSec - a.throughputPerSec || a.p99Ms - b.p99Ms;
  const fastest = fitting.filter((p) => p.batchSize === requestSize).sort(byLatency)[0] ?? null;
  const throughputOptimal = [...fitting].sort(byThroughput)[0] ?? null;
  const closest = fastest ? null : ([...eligible].filter((p) => p.batchSize === requestSize).sort(byLatency)[0] ?? null);
  let summary: string;
  if (eligible.length === 0) {
    summary = 'Nothing was measured at or above the minimum batch: raise the time cap, or lower the minimum batch.';
  } else if (!fastest) {
    summary = `Nothing fits p99 ≤ ${fmt(budgetP99Ms)} ms at batch ${requestSize}. The closest is ${tunerPointLabel(closest!)} at p99 ${fmt(closest!.p99Ms)} ms, ${fmt(closest!.p99Ms / budgetP99Ms)}× the budget.${throughputOptimal ? ` Larger batches fit it: ${tunerPointLabel(throughputOptimal)} at p99 ${fmt(throughputOptimal.p99Ms)} ms, ${rate(throughputOptimal.throughputPerSec)} samples/s.` : ''}`;
  } else if (throughputOptimal === fastest) {
    summary = `Use ${tunerPointLabel(fastest)}: p99 ${fmt(fastest.p99Ms)} ms within the ${fmt(budgetP99Ms)} ms budget, and also the most samples per second (${rate(fastest.throughputPerSec)}).`;
  } else {
    summary = `For the lowest latency use ${tunerPointLabel(fastest)} (p99 ${fmt(fastest.p99Ms)} ms); for the most samples per second within the ${fmt(budgetP99Ms)} ms budget use ${tunerPointLabel(throughputOptimal!)} (${rate(throughputOptimal!.throughputPerSec)} samples/s at p99 ${fmt(throughputOptimal!.p99Ms)} ms).`;
  }
  return { fastest, throughputOptimal, closest, summary };
}
