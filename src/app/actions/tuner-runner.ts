import { configLabel, type BenchmarkEnvironment } from '../../core/benchmark/run';
import type { TuneRun } from '../../core/profile/tune-report';
import { planTuner, recommend, refinementSteps, tunerPoints, tuningLabel, type TunerPlan, type TunerPoint, type TunerStep } from '../../core/profile/tuner';
import type { BenchmarkProgress } from '../../core/protocol/benchmark';
import type { Capabilities } from '../../core/protocol/capabilities';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';
import { hasInputExample, modelBatchDimension } from '../store/benchmark-selectors';
import type { ReadyModel } from '../store/models-slice';
import { tunerDraftOf } from '../store/speed-selectors';
import { environmentOf } from './benchmark-actions';
import { modelForWorker, workerInputs } from './model-session';

type StepOutcome = 'measured' | 'failed' | 'capped' | 'cancelled';

const seconds = (ms: number): string => (ms / 1000).toFixed(1);

/** "WASM · 2 threads, batch 1, 8, 32 (graph optimisation basic)". */
function stepLabel(step: TunerStep): string {
  const options = tuningLabel(step.tuning);
  return `${configLabel(step.config)}, batch ${step.batchSizes.join(', ')}${options ? ` (${options})` : ''}`;
}

/** A search in progress: what it measures with, and what it has measured so far. */
interface Search {
  readonly store: AppStore;
  readonly client: EngineGateway;
  readonly model: ReadyModel;
  readonly caps: Capabilities;
  readonly runId: string;
  readonly plan: TunerPlan;
  readonly inputs: 'example' | 'random';
  readonly started: number;
  readonly points: TunerPoint[];
  readonly failures: TuneRun['failures'][number][];
  environment: BenchmarkEnvironment | null;
  stepsRun: number;
  stepsPlanned: number;
}

const elapsedOf = (search: Search): number => performance.now() - search.started;

function show(search: Search, step: TunerStep, text: string): void {
  const { plan, stepsRun, stepsPlanned } = search;
  const elapsed = elapsedOf(search);
  search.store.getState().updateSpeedActivity({
    text: `${stepLabel(step)} (configuration ${stepsRun + 1} of ${stepsPlanned}) · ${text} · ${seconds(elapsed)} s of ${seconds(plan.capMs)} s`,
    fraction: Math.min(1, Math.max(elapsed / plan.capMs, stepsRun / stepsPlanned)),
  });
}

const progressText = (p: BenchmarkProgress): string =>
  p.phase === 'measure' || p.phase === 'warmup' ? `batch ${p.batchSize}: ${p.phase === 'warmup' ? 'warming up' : p.runsDone === 0 ? 'measuring' : `${p.runsDone} runs`}` : p.phase === 'first-run' ? 'first run' : 'creating the session';

/** One configuration through the benchmark engine, within what is left of the time cap. */
async function measureStep(search: Search, step: TunerStep, index: number): Promise<StepOutcome> {
  const { store, client, model, plan } = search;
  const { getState } = store;
  const remaining = plan.capMs - elapsedOf(search);
  if (remaining <= 0) return 'capped';
  if (getState().speedActivity?.cancelling) return 'cancelled';
  const feeds = workerInputs(model, search.inputs, step.batchSizes);
  if (!feeds.ok) {
    getState().notify(feeds.error);
    return 'failed';
  }
  const stepId = `${search.runId}-${index}`;
  getState().updateSpeedActivity({ runId: stepId });
  show(search, step, 'creating the session');
  let capped = false;
  // The cap ends the configuration that is running; the points it measured are kept.
  const timer = setTimeout(() => {
    capped = true;
    void client.cancelBenchmark(stepId);
  }, remaining);
  const request = { runId: stepId, model: { ...modelForWorker(model), tuning: step.tuning }, warmupRuns: plan.warmupRuns, stop: { kind: 'time' as const, ms: plan.pointMs }, points: feeds.value };
  const outcome = await client.benchmark(step.config, request, (p) => show(search, step, progressText(p)));
  clearTimeout(timer);
  search.stepsRun += 1;
  const stopped = (): StepOutcome => (getState().speedActivity?.cancelling ? 'cancelled' : capped ? 'capped' : 'measured');
  if (!outcome.ok) {
    if (outcome.error.code === 'cancelled') return stopped();
    search.failures.push({ backend: step.config.backend, threads: step.config.threads, tuning: step.tuning, error: outcome.error });
    return 'failed';
  }
  const m = outcome.value.measurement;
  search.points.push(...tunerPoints(step, m));
  const next = environmentOf(search.caps, outcome.value.environment, Math.min(search.environment?.timerResolutionMs ?? Infinity, m.timerResolutionMs), m.wasmSimd, step.config.backend);
  search.environment = { ...next, builds: { ...search.environment?.builds, ...next.builds } };
  return m.completed ? 'measured' : stopped();
}

/** The first round, then (unless capped or cancelled) session options on the leaders. */
async function searchAll(search: Search, batch: ReturnType<typeof modelBatchDimension>): Promise<StepOutcome> {
  let end: StepOutcome = 'measured';
  let index = 0;
  for (const step of search.plan.steps) {
    end = await measureStep(search, step, index++);
    if (end === 'capped' || end === 'cancelled') return end;
  }
  const second = refinementSteps(search.points, search.plan, batch);
  search.stepsPlanned += second.length;
  for (const step of second) {
    end = await measureStep(search, step, index++);
    if (end === 'capped' || end === 'cancelled') return end;
  }
  return end;
}

/**
 * The search behind "Find the fastest setup": configurations one after the other
 * (never two at once), each through the benchmark engine with a time budget per
 * point; a second round tries session options on the leaders; the time cap ends
 * whatever runs when it is reached (its points so far are kept).
 */
export async function runTuner(store: AppStore, client: EngineGateway, model: ReadyModel, caps: Capabilities, runId: string): Promise<void> {
  const { getState } = store;
  const draft = tunerDraftOf(getState(), model, caps);
  const batch = modelBatchDimension(model);
  const planned = planTuner(draft, batch, caps);
  if (!planned.ok) {
    getState().notify(planned.error);
    return;
  }
  const plan: TunerPlan = planned.value;
  const inputs = hasInputExample(model) ? 'example' : 'random';
  const check = workerInputs(model, inputs, plan.batchSizes.slice(0, 1));
  if (!check.ok) {
    getState().notify(check.error);
    return;
  }
  const search: Search = { store, client, model, caps, runId, plan, inputs, started: performance.now(), points: [], failures: [], environment: null, stepsRun: 0, stepsPlanned: plan.steps.length };
  getState().setSpeedMessage(null);
  getState().setSpeedActivity({ kind: 'tune', modelId: model.id, runId, text: 'Starting…', fraction: 0, cancelling: false });
  const end = await searchAll(search, batch);
  const { points, stepsRun, stepsPlanned } = search;
  const run: TuneRun = {
    id: runId,
    createdAt: new Date().toISOString(),
    status: end === 'cancelled' ? 'cancelled' : stepsRun < stepsPlanned || end === 'capped' ? 'capped' : 'complete',
    modelId: model.id,
    model: { name: model.pkg.name, file: model.pkg.model.path, bytes: model.pkg.model.bytes.length, sha256: model.sha256 },
    settings: draft,
    environment: search.environment,
    elapsedMs: elapsedOf(search),
    skipped: Math.max(0, stepsPlanned - stepsRun),
    points,
    failures: search.failures,
    recommendation: recommend(points, plan.budgetP99Ms, plan.minBatch),
  };
  getState().setSpeedActivity(null);
  getState().setTuneRun(model.id, run);
  getState().setSpeedMessage(
    run.status === 'cancelled' ? 'Search cancelled: the recommendation uses what was measured.' : run.status === 'capped' ? 'Time cap reached: the recommendation uses what was measured.' : 'Recommendation ready.',
  );
}
