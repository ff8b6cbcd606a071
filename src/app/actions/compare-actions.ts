import { exampleFeeds, randomFeeds } from '../../core/benchmark/feeds';
import { quantizationOf, type CompareMeasurement, type MetricKind } from '../../core/compare/compare';
import { engineError } from '../../core/protocol/engine-error';
import { toPayload, type HostTensor } from '../../core/schema/host-tensor';
import { exampleToTensors } from '../../core/schema/input-example';
import { summarizeLatency } from '../../core/stats/summary';
import { medianInterval } from '../../core/stats/median-interval';
import type { EngineClient } from '../engine/engine-client';
import type { AppStore } from '../store/app-store';
import { modelBatchDimension } from '../store/benchmark-selectors';
import { compareEligibility, evaluationCsvOf, exampleIdOf } from '../store/compare-selectors';
import { IDLE_COMPARE } from '../store/compare-slice';
import { modelForWorker } from './model-session';
import type { OpenModel } from '../store/models-slice';
import { selectBackendConfig, selectBackendLabel } from '../store/selectors';
import type { Actions } from './create-actions';
import type { PredictActions } from './predict-actions';

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

const WARMUP_RUNS = 5;

export function createCompareActions(store: AppStore, client: EngineClient, actions: Actions, predict: PredictActions): CompareActions {
  const { getState } = store;
  let cancelCurrent: (() => void) | null = null;

  const modelOf = (id: string): OpenModel | undefined => getState().models.find((m) => m.id === id);
  const cancelling = (): boolean => getState().compareRun.cancelling;

  // A closed model leaves the selection (and the view closes when no model is left).
  store.subscribe((s, prev) => {
    if (s.models === prev.models) return;
    const kept = s.compareSelection.filter((id) => s.models.some((m) => m.id === id));
    if (kept.length !== s.compareSelection.length) s.setCompareSelection(kept);
    if (s.models.length === 0 && s.compareOpen) s.setCompareOpen(false);
  });

  function describe(model: OpenModel): Pick<CompareMeasurement, 'id' | 'name' | 'identity' | 'variantOf' | 'quantization' | 'modelBytes' | 'packageBytes'> {
    const exampleId = exampleIdOf(model);
    const example = exampleId ? getState().examples?.find((e) => e.id === exampleId) : undefined;
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

  /** The Predict tab's metrics check on the reference CSV; resolves with the metric or why there is none. */
  async function score(model: OpenModel, csv: File, index: number, count: number): Promise<{ kind: MetricKind | null; value: number | null; problem: string | null }> {
    await predict.openPredict(model.id);
    if (!getState().predict[model.id]) return { kind: null, value: null, problem: 'its inputs could not be read as features' };
    const progress = (fraction: number): void => getState().updateCompareRun({ progress: { modelIndex: index, modelCount: count, modelName: model.pkg.name, step: 'scoring', fraction } });
    progress(0);
    const unsubscribe = store.subscribe((s, prev) => {
      const now = s.predict[model.id]?.batch.fraction;
      if (now !== undefined && now !== prev.predict[model.id]?.batch.fraction) progress(now);
    });
    cancelCurrent = () => predict.cancelBatch(model.id);
    try {
      await predict.chooseBatchFile(model.id, csv, true);
    } finally {
      unsubscribe();
      cancelCurrent = null;
    }
    const batch = getState().predict[model.id]?.batch;
    if (!batch) return { kind: null, value: null, problem: 'not scored' };
    if (batch.status === 'mismatch') return { kind: null, value: null, problem: batch.match?.problem?.message ?? `the columns of ${csv.name} do not match its inputs` };
    if (batch.status === 'cancelled') return { kind: null, value: null, problem: 'cancelled' };
    if (batch.status === 'failed') return { kind: null, value: null, problem: batch.error ?? 'scoring failed' };
    const summary = batch.summary;
    if (summary?.classification) return { kind: 'accuracy', value: summary.classification.accuracy, problem: null };
    if (summary?.regression) return { kind: 'rmse', value: summary.regression.rmse, problem: null };
    return { kind: null, value: null, problem: `no labelled rows of ${csv.name} could be scored` };
  }

  /** One batch-1 point of the benchmark lab's timed loop (in the worker, after warm-up). */
  async function benchmark(model: OpenModel, runs: number, index: number, count: number): Promise<{ p50: number | null; p95: number | null; interval?: { low: number; high: number }; problem: string | null }> {
    const config = selectBackendConfig(getState());
    const inputs = model.description?.inputs ?? [];
    const batch = modelBatchDimension(model);
    const example = model.pkg.inputExample !== null && model.pkg.inputExample !== undefined ? exampleToTensors(model.pkg.inputExample, inputs, model.pkg.metadata?.featureNames) : null;
    const feeds: Record<string, HostTensor> = example?.ok ? exampleFeeds(example.value, batch, 1) : randomFeeds(inputs, batch, 1, model.dims);
    const runId = `compare-${model.id}-${Date.now()}`;
    const progress = (fraction: number): void => getState().updateCompareRun({ progress: { modelIndex: index, modelCount: count, modelName: model.pkg.name, step: 'benchmarking', fraction } });
    progress(0);
    cancelCurrent = () => void client.cancelBenchmark(runId);
    const outcome = await client.benchmark(
      config,
      {
        runId,
        model: modelForWorker(model),
        warmupRuns: WARMUP_RUNS,
        stop: { kind: 'runs', runs },
        points: [{ batchSize: 1, feeds: Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, toPayload({ ...t, data: t.data.slice() })])) }],
      },
      (p) => progress(p.phase === 'measure' ? Math.min(1, p.runsDone / runs) : 0),
    ).finally(() => (cancelCurrent = null));
    if (!outcome.ok) return { p50: null, p95: null, problem: outcome.error.code === 'cancelled' ? 'cancelled' : outcome.error.message };
    const samples = outcome.value.measurement.points[0]?.samplesMs ?? [];
    if (samples.length === 0) return { p50: null, p95: null, problem: 'cancelled' };
    const summary = summarizeLatency(samples);
    const { low, high } = medianInterval(samples);
    return { p50: summary.p50Ms, p95: summary.p95Ms, interval: { low, high }, problem: null };
  }

  return {
    openCompare() {
      getState().setCompareOpen(true);
    },
    closeCompare() {
      getState().setCompareOpen(false);
    },
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
      const ids = state.compareSelection.filter((id) => eligible.get(id)?.eligible);
      const models = ids.map(modelOf).filter((m): m is OpenModel => m !== undefined);
      const reference = models[0];
      const csvFile = reference ? evaluationCsvOf(reference) : null;
      if (models.length < 2 || !reference || !csvFile) {
        state.notify(engineError('bad-input', 'Select at least two models to compare.', 'The first one selected needs an evaluation CSV (test.csv); the others need its input signature or the same CSV.'));
        return;
      }
      const runs = state.compareRuns;
      const csvName = csvFile.path.split('/').pop() ?? csvFile.path;
      state.updateCompareRun({ ...IDLE_COMPARE, status: 'running', csvSource: `${csvName} of ${reference.pkg.name}`, backendLabel: selectBackendLabel(state), runs });
      const measurements: CompareMeasurement[] = [];
      for (const [index, model] of models.entries()) {
        if (cancelling()) break;
        const base = describe(model);
        const csv = new File([csvFile.bytes.slice()], csvName, { type: 'text/csv' });
        const scored = await score(model, csv, index, models.length);
        const timed = cancelling() ? { p50: null, p95: null, problem: 'cancelled' } : await benchmark(model, runs, index, models.length);
        measurements.push({ ...base, metricKind: scored.kind, metric: scored.value, p50Ms: timed.p50, p50IntervalMs: timed.interval ?? null, p95Ms: timed.p95, problem: scored.problem ?? timed.problem });
        getState().updateCompareRun({ measurements: [...measurements] });
      }
      getState().updateCompareRun({ status: cancelling() ? 'cancelled' : 'done', cancelling: false, progress: null });
    },
    cancelCompare() {
      if (getState().compareRun.status !== 'running') return;
      getState().updateCompareRun({ cancelling: true });
      cancelCurrent?.();
    },
  };
}
