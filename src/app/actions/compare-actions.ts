import { quantizationOf, type CompareMeasurement, type MetricKind } from '../../core/compare/compare';
import { engineError } from '../../core/protocol/engine-error';
import { fileNameOf } from '../../core/model/evaluation-set';
import type { PackageFile } from '../../core/package/model-package';
import { summarizeLatency } from '../../core/stats/summary';
import { timingInterval } from '../../core/stats/median-interval';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';
import { compareEligibility, exampleIdOf } from '../store/compare-selectors';
import { IDLE_COMPARE, type CompareProgress } from '../store/compare-slice';
import { isReady, type ReadyModel } from '../store/models-slice';
import { selectBackendConfig, selectBackendLabel } from '../store/selectors';
import type { Actions } from './create-actions';
import { ensureSession, modelForWorker, workerInputs } from './model-session';
import { pacer } from '../../core/scoring/tick';
import type * as ScoringRuntimeModule from './scoring-runtime';

export interface CompareActions {
  openCompare(): void;
  closeCompare(): void;
  toggleCompareModel(id: string): void;
  /** Opens the family's examples that are not open yet, then selects all of them. */
  openFamily(family: string): Promise<void>;
  /** Scores, then benchmarks, each selected model in turn. */
  startCompare(): Promise<void>;
  cancelCompare(): void;
}

export interface CompareDeps {
  readonly store: AppStore;
  readonly client: EngineGateway;
  readonly actions: Pick<Actions, 'openExample'>;
}

const WARMUP_RUNS = 5;
/**
 * Warm-up lasts this long at least. Traced: the first model's runs went on while the engine
 * compiled its optimised WebAssembly code in the background (400–700 ms of a core), so the
 * first of two identical models measured two to three times slower than the second.
 */
const WARMUP_MS = 500;
/** Each model is timed this many times over, in turn (see measureEach). */
const TIMING_ROUNDS = 2;
/** Warm-up of a later round: the engine's code is optimised by then, only the new session is not. */
const REWARM_MS = 100;
/**
 * The timed runs of a model span this long at least: thirty runs of a 0.03 ms model take a
 * millisecond, and one pause of the worker's thread (the page drawing, a collector) would move
 * most of them, and its median, which made one of two identical models "faster".
 */
const MIN_TIMED_MS = 100;

type Scored = { kind: MetricKind | null; value: number | null; problem: string | null };
type Timed = { p50: number | null; p95: number | null; interval?: { low: number; high: number }; problem: string | null };

/** What the comparison's steps share: its dependencies, the scoring code once loaded, and how to stop the step in progress. */
interface CompareContext extends CompareDeps {
  readonly runtime: () => Promise<typeof ScoringRuntimeModule>;
  cancelCurrent: (() => void) | null;
}

function describe(ctx: CompareContext, model: ReadyModel): Pick<CompareMeasurement, 'id' | 'name' | 'identity' | 'variantOf' | 'quantization' | 'modelBytes' | 'packageBytes'> {
  const exampleId = exampleIdOf(model);
  const example = exampleId ? ctx.store.getState().examples?.find((e) => e.id === exampleId) : undefined;
  const q = quantizationOf(model.pkg.metadata?.raw);
  return {
    id: model.id,
    name: model.pkg.name,
    identity: exampleId ?? model.pkg.metadata?.modelName ?? model.pkg.name,
    variantOf: q.sourceModel ?? example?.variantOf ?? null,
    quantization: q.weights,
    modelBytes: model.pkg.model.bytes.length,
    packageBytes: model.pkg.entries.reduce((sum, e) => sum + e.bytes, 0),
  };
}

/** The reference's evaluation CSV scored by the model through the one scoring pipeline: accuracy or RMSE, or why there is none. */
async function score(ctx: CompareContext, model: ReadyModel, csv: PackageFile, progress: (fraction: number) => void): Promise<Scored> {
  const { store, client } = ctx;
  const rt = await ctx.runtime();
  const name = fileNameOf(csv);
  const blob = new Blob([csv.bytes.slice()], { type: 'text/csv' });
  progress(0);
  const header = await rt.csvHeader(blob);
  if (!header.ok) return { kind: null, value: null, problem: header.error.message };
  const match = rt.matchColumns(header.value, model.facts.signature, { targetColumn: model.pkg.metadata?.targetColumn });
  if (!match.runnable) return { kind: null, value: null, problem: match.problem?.message ?? `the columns of ${name} do not match its inputs` };
  const config = selectBackendConfig(store.getState());
  const ready = await ensureSession(client, model, config);
  if (!ready.ok) return { kind: null, value: null, problem: ready.error.message };
  const due = pacer();
  const scored = await client.scoreTable(config, {
    request: { jobId: `compare-${model.id}-${performance.now()}`, sessionId: model.id, source: { kind: 'csv', file: blob }, signature: model.facts.signature, plan: model.facts.plan, match: { indices: match.indices, labelIndex: match.labelIndex }, recorded: null },
    isCancelled: () => store.getState().compareRun.cancelling,
    onChunks: ({ progress: p }) => void (due() && progress(p.fraction)),
  });
  if (!scored.ok) return { kind: null, value: null, problem: scored.error.message };
  if (scored.value.cancelled) return { kind: null, value: null, problem: 'cancelled' };
  const { summary } = scored.value;
  if (summary.classification) return { kind: 'accuracy', value: summary.classification.accuracy, problem: null };
  if (summary.regression) return { kind: 'rmse', value: summary.regression.rmse, problem: null };
  return { kind: null, value: null, problem: `no labelled rows of ${name} could be scored` };
}

/** One batch-1 point of the benchmark lab's timed loop (in the worker, after warm-up): its samples, or why there are none. */
async function timedSamples(ctx: CompareContext, model: ReadyModel, runs: number, warmupMs: number, progress: (fraction: number) => void): Promise<{ samples: number[]; resolutionMs: number } | { problem: string }> {
  const { client } = ctx;
  const config = selectBackendConfig(ctx.store.getState());
  const points = workerInputs(model, model.facts.example?.ok ? 'example' : 'random', [1]);
  if (!points.ok) return { problem: points.error.message };
  const runId = `compare-${model.id}-${Date.now()}`;
  progress(0);
  ctx.cancelCurrent = () => void client.cancelBenchmark(runId);
  const outcome = await client
    .benchmark(config, { runId, model: modelForWorker(model), warmupRuns: WARMUP_RUNS, warmupMs, stop: { kind: 'runs', runs, minMs: MIN_TIMED_MS / TIMING_ROUNDS }, points: points.value }, (p) => progress(p.phase === 'measure' ? Math.min(1, p.runsDone / runs) : 0))
    .finally(() => (ctx.cancelCurrent = null));
  if (!outcome.ok) return { problem: outcome.error.code === 'cancelled' ? 'cancelled' : outcome.error.message };
  const samples = outcome.value.measurement.points[0]?.samplesMs ?? [];
  return samples.length === 0 ? { problem: 'cancelled' } : { samples: [...samples], resolutionMs: outcome.value.measurement.timerResolutionMs };
}

/** A model's timing from all its rounds' samples: the p50's distribution-free interval, which the verdict treats as a tie when it overlaps another's. */
function timedOf(samples: readonly number[], problem: string | null, resolutionMs: number | undefined): Timed {
  if (samples.length === 0) return { p50: null, p95: null, problem: problem ?? 'cancelled' };
  const summary = summarizeLatency(samples);
  // Widened by the worker's recorded clock step, not one guessed from the samples.
  const { low, high } = timingInterval(samples, resolutionMs);
  return { p50: summary.p50Ms, p95: summary.p95Ms, interval: { low, high }, problem };
}

/**
 * Times every model first, then scores each; a model's measurement is shown once it is scored.
 * The timed runs happen while the page shows only progress: a results table or chart drawn
 * in the middle of them took a core from the next model's runs (traced: 28–46 ms of the page's
 * work inside a 30 ms benchmark), and made one of two identical models "faster". The models are
 * timed in turn, twice over (A, B, A, B), and each one's samples pooled: what slows the machine
 * for a while slows each model's runs alike, or widens their intervals, instead of making one
 * of two identical models look twice as fast (a clean CI run did, timed A then B).
 */
async function measureEach(ctx: CompareContext, models: readonly ReadyModel[], csv: PackageFile, runs: number): Promise<void> {
  const { getState } = ctx.store;
  const cancelling = (): boolean => getState().compareRun.cancelling;
  const n = models.length;
  const report = (model: ReadyModel, index: number, step: CompareProgress['step'], fraction: number, overall: number): void =>
    getState().updateCompareRun({ progress: { modelIndex: index, modelCount: n, modelName: model.pkg.name, step, fraction, overall } });
  const samples = models.map((): number[] => []);
  const problems = models.map((): string | null => null);
  const resolutions = models.map((): number | undefined => undefined);
  let reached = 0;
  for (let round = 0; round < TIMING_ROUNDS; round++) {
    for (const [index, model] of models.entries()) {
      if (cancelling()) break;
      if (problems[index]) continue;
      // The bar's first half is TIMING_ROUNDS passes over the models, a slot per model per round: it never goes back.
      const slot = round * n + index;
      const timed = await timedSamples(ctx, model, Math.ceil(runs / TIMING_ROUNDS), round === 0 ? WARMUP_MS : REWARM_MS, (f) =>
        report(model, index, 'benchmarking', (round + f) / TIMING_ROUNDS, (0.5 * (slot + f)) / (TIMING_ROUNDS * n)),
      );
      if ('problem' in timed) problems[index] = timed.problem;
      else {
        samples[index]!.push(...timed.samples);
        resolutions[index] = timed.resolutionMs;
      }
      reached = Math.max(reached, index + 1);
    }
  }
  const timings = samples.slice(0, reached).map((s, i) => timedOf(s, problems[i]!, resolutions[i]));
  const measurements: CompareMeasurement[] = [];
  for (const [index, timed] of timings.entries()) {
    const model = models[index]!;
    const scored: Scored = cancelling() ? { kind: null, value: null, problem: 'cancelled' } : await score(ctx, model, csv, (f) => report(model, index, 'scoring', f, 0.5 + (0.5 * (index + f)) / n));
    measurements.push({ ...describe(ctx, model), metricKind: scored.kind, metric: scored.value, p50Ms: timed.p50, p50IntervalMs: timed.interval ?? null, p95Ms: timed.p95, problem: scored.problem ?? timed.problem });
    getState().updateCompareRun({ measurements: [...measurements] });
  }
}

export function createCompareActions(deps: CompareDeps): CompareActions {
  const { store, actions } = deps;
  const { getState } = store;
  let runtimePromise: Promise<typeof ScoringRuntimeModule> | null = null;
  const ctx: CompareContext = { ...deps, runtime: () => (runtimePromise ??= import('./scoring-runtime')), cancelCurrent: null };
  const cancelling = (): boolean => getState().compareRun.cancelling;

  return {
    openCompare: () => getState().setCompareOpen(true),
    closeCompare: () => getState().setCompareOpen(false),
    toggleCompareModel(id) {
      const { compareSelection, setCompareSelection } = getState();
      const next = compareSelection.includes(id) ? compareSelection.filter((x) => x !== id) : [...compareSelection, id];
      // Models that no longer fit the new first model drop out.
      const eligible = compareEligibility({ models: getState().models, compareSelection: next });
      setCompareSelection(next.filter((x) => eligible.get(x)?.eligible));
    },
    async openFamily(family) {
      const examples = (getState().examples ?? []).filter((e) => e.family === family);
      if (examples.length === 0) {
        getState().notify(engineError('fetch-failed', `No bundled examples belong to the “${family}” family.`, 'Open the models to compare yourself, then select them here.'));
        return;
      }
      const ids: string[] = [];
      for (const example of examples) {
        let model = getState().models.find((m) => exampleIdOf(m) === example.id);
        if (!model) {
          await actions.openExample(example.id);
          model = getState().models.find((m) => exampleIdOf(m) === example.id);
        }
        if (model) ids.push(model.id);
      }
      getState().setCompareSelection([]);
      for (const id of ids) this.toggleCompareModel(id);
      getState().setCompareOpen(true);
    },
    async startCompare() {
      const state = getState();
      if (state.compareRun.status === 'running') return;
      const eligible = compareEligibility(state);
      const models = state.compareSelection.filter((id) => eligible.get(id)?.eligible).map((id) => state.models.find((m) => m.id === id)).filter(isReady);
      const csv = models[0]?.facts.evaluation ?? null;
      if (models.length < 2 || !csv) {
        state.notify(engineError('bad-input', 'Select at least two models to compare.', 'The first one selected needs an evaluation CSV (test.csv); the others need its input signature or the same CSV.'));
        return;
      }
      const runs = state.compareRuns;
      state.updateCompareRun({ ...IDLE_COMPARE, status: 'running', csvSource: `${fileNameOf(csv)} of ${models[0]!.pkg.name}`, backendLabel: selectBackendLabel(state), runs });
      await measureEach(ctx, models, csv, runs);
      getState().updateCompareRun({ status: cancelling() ? 'cancelled' : 'done', cancelling: false, progress: null });
    },
    cancelCompare() {
      if (getState().compareRun.status !== 'running') return;
      getState().updateCompareRun({ cancelling: true });
      ctx.cancelCurrent?.();
    },
  };
}
