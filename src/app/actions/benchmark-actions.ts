import { planBenchmark } from '../../core/benchmark/plan';
import { benchmarkMarkdown, benchmarkReport, type BenchmarkReport } from '../../core/benchmark/report';
import type { BenchmarkRun } from '../../core/benchmark/run';
import { describeThrown, engineError } from '../../core/protocol/engine-error';
import type { EngineGateway } from '../engine/engine-gateway';
import type { BenchmarkRunStorage } from '../storage/benchmark-runs';
import type { AppStore } from '../store/app-store';
import { benchmarkDraftOf, hasInputExample, modelBatchDimension, modelFormDimensions } from '../store/benchmark-selectors';
import { measure, type MeasureContext } from './benchmark-measure';
import { workerInputs } from './model-session';
import type { ModelLifecycle } from './model-lifecycle';
import { isReady } from '../store/models-slice';
import { saveJson, saveText } from '../ui/save-file';

export interface BenchmarkActions {
  /** Measures every configuration of the model's benchmark form, one after the other. */
  startBenchmark(modelId: string): Promise<void>;
  /** Stops the running benchmark; the points already measured are kept. */
  cancelBenchmark(): Promise<void>;
  /** Reads the runs kept in IndexedDB (once). */
  loadSavedBenchmarks(): Promise<void>;
  deleteBenchmarkRun(runId: string): Promise<void>;
  downloadBenchmarkJson(runId: string): void;
  downloadBenchmarkCsv(runId: string): Promise<void>;
  copyBenchmarkMarkdown(runId: string): Promise<void>;
}

export const TOOL = { name: 'onnx-playground', version: __APP_VERSION__ } as const;

function fileStem(run: BenchmarkRun): string {
  return `${run.model.name.replace(/[^\w.-]+/g, '_')}-benchmark-${run.createdAt.slice(0, 19).replace(/[:T]/g, '-')}`;
}

export { environmentOf } from './benchmark-measure';

/** Plans the benchmark from the model's form, then measures it (closing the model stops it; what was measured is kept). */
async function startBenchmark(ctx: MeasureContext, modelId: string, lifecycle: ModelLifecycle, cancel: () => Promise<void>): Promise<void> {
  const { getState } = ctx.store;
  const state = getState();
  const opened = state.models.find((m) => m.id === modelId);
  const caps = state.capabilities;
  // One measurement at a time in the page: not while the Speed tab profiles or searches either.
  if (state.benchmarkActivity || state.speedActivity || !isReady(opened) || !caps) return;
  const dimensions = modelFormDimensions(opened);
  const plan = planBenchmark(benchmarkDraftOf(state, opened, caps), modelBatchDimension(opened), caps, hasInputExample(opened), dimensions);
  if (!plan.ok) {
    state.notify(plan.error);
    return;
  }
  // The inputs take the sizes the form shows (a starting size becomes the model's chosen size).
  for (const d of dimensions) if (opened.dims[d.name] === undefined) state.setDim(opened.id, d.name, d.value);
  const model = getState().models.find((m) => m.id === modelId);
  if (!isReady(model)) return;
  const inputsCheck = workerInputs(model, plan.value.inputs, plan.value.batchSizes.slice(0, 1));
  if (!inputsCheck.ok) {
    state.notify(inputsCheck.error);
    return;
  }
  const runId = `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  state.setBenchmarkMessage(null);
  state.setBenchmarkActivity({ runId, modelId, configs: plan.value.configs, configIndex: 0, configRunId: null, progress: null, cancelling: false, stop: plan.value.stop, warmupRuns: plan.value.warmupRuns });
  // Closing the model stops its benchmark (the points measured so far are kept).
  const untrack = lifecycle.track(modelId, () => void cancel());
  try {
    await measure(ctx, model, plan.value, caps, runId);
  } catch (thrown) {
    // A bug, not a measurement: say so rather than leave the page "running" forever.
    getState().setBenchmarkActivity(null);
    getState().notify(engineError('run-failed', `The benchmark stopped unexpectedly: ${describeThrown(thrown)}`, 'Try again; if it happens again, download what you have and report it.'));
  } finally {
    untrack();
  }
}

export function createBenchmarkActions(store: AppStore, client: EngineGateway, storage: BenchmarkRunStorage, lifecycle: ModelLifecycle): BenchmarkActions {
  const { getState } = store;
  let loading: Promise<void> | null = null;

  const ctx: MeasureContext = { store, client, storage };

  function report(runId: string): { run: BenchmarkRun; report: BenchmarkReport } | null {
    const run = getState().benchmarkRuns.find((r) => r.id === runId);
    return run ? { run, report: benchmarkReport(run, TOOL) } : null;
  }

  async function cancelBenchmark(): Promise<void> {
    const activity = getState().benchmarkActivity;
    if (!activity || activity.cancelling) return;
    getState().updateBenchmarkActivity({ cancelling: true });
    if (activity.configRunId) {
      client.cancelProfile(activity.configRunId);
      await client.cancelBenchmark(activity.configRunId);
    }
  }

  return {
    startBenchmark: (modelId) => startBenchmark(ctx, modelId, lifecycle, cancelBenchmark),
    cancelBenchmark,
    loadSavedBenchmarks() {
      loading ??= storage.list().then(
        (runs) => getState().setBenchmarkRuns(runs),
        (thrown) => {
          getState().setBenchmarkRuns([]);
          getState().notify(engineError('storage-failed', `Saved benchmarks could not be read (${describeThrown(thrown)}).`, 'New runs still work; they may not be kept after you close the page.'));
        },
      );
      return loading;
    },
    async deleteBenchmarkRun(runId) {
      getState().removeBenchmarkRun(runId);
      try {
        await storage.remove(runId);
      } catch (thrown) {
        getState().notify(engineError('storage-failed', `The run could not be deleted from this browser’s storage (${describeThrown(thrown)}).`, 'It may reappear next time; try again then.'));
      }
    },
    downloadBenchmarkJson(runId) {
      const made = report(runId);
      if (made) saveJson(`${fileStem(made.run)}.json`, made.report);
    },
    async downloadBenchmarkCsv(runId) {
      const made = report(runId);
      // The CSV writer (papaparse) loads on first use, not with the page.
      const { benchmarkCsv } = await import('../../core/benchmark/csv');
      if (made) saveText(`${fileStem(made.run)}.csv`, benchmarkCsv(made.report), 'text/csv');
    },
    async copyBenchmarkMarkdown(runId) {
      const made = report(runId);
      if (!made) return;
      try {
        await navigator.clipboard.writeText(benchmarkMarkdown(made.report, made.run.model.name));
        getState().setBenchmarkMessage('Copied as Markdown.');
      } catch (thrown) {
        getState().notify(engineError('clipboard-failed', `The browser refused to copy to the clipboard (${describeThrown(thrown)}).`, 'Download the CSV or JSON instead, or allow clipboard access for this page.'));
      }
    },
  };
}
