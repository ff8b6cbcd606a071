import { planBenchmark, type BenchmarkPlan } from '../../core/benchmark/plan';
import { benchmarkMarkdown, benchmarkReport, type BenchmarkReport } from '../../core/benchmark/report';
import { backendResult, configKey, configLabel, type BackendResult, type BenchmarkEnvironment, type BenchmarkFailure, type BenchmarkRun } from '../../core/benchmark/run';
import type { BenchmarkPointRequest } from '../../core/protocol/benchmark';
import type { Capabilities } from '../../core/protocol/capabilities';
import type { EngineEnvironment } from '../../core/protocol/engine-api';
import { describeThrown, engineError, type Result } from '../../core/protocol/engine-error';
import type { EngineGateway } from '../engine/engine-gateway';
import type { BenchmarkRunStorage } from '../storage/benchmark-runs';
import type { AppStore } from '../store/app-store';
import { benchmarkDraftOf, hasInputExample, modelBatchDimension } from '../store/benchmark-selectors';
import { modelForWorker, workerInputs } from './model-session';
import type { ModelLifecycle } from './model-lifecycle';
import { PROFILE_PHASES, profileConfiguration } from './profile-runner';
import { isReady, type ReadyModel } from '../store/models-slice';
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

/** Where a measurement ran: the browser, the engine, the clock, the WebGPU adapter. */
export function environmentOf(caps: Capabilities, engine: EngineEnvironment, timerResolutionMs: number, wasmSimd: boolean): BenchmarkEnvironment {
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: caps.hardwareConcurrency,
    crossOriginIsolated: caps.crossOriginIsolated,
    ortVersion: engine.ortVersion,
    wasmSimd,
    wasmThreads: caps.crossOriginIsolated && typeof SharedArrayBuffer !== 'undefined',
    timerResolutionMs,
    webgpuAdapter: caps.webgpu.available ? { vendor: caps.webgpu.vendor, architecture: caps.webgpu.architecture, software: caps.webgpu.software } : null,
  };
}

export function createBenchmarkActions(store: AppStore, client: EngineGateway, storage: BenchmarkRunStorage, lifecycle: ModelLifecycle): BenchmarkActions {
  const { getState } = store;
  let loading: Promise<void> | null = null;

  /** The inputs of every point, made afresh for each configuration (their buffers are transferred away). */
  function pointsFor(model: ReadyModel, plan: BenchmarkPlan): Result<BenchmarkPointRequest[]> {
    return workerInputs(model, plan.inputs, plan.batchSizes);
  }

  async function keep(run: BenchmarkRun): Promise<void> {
    try {
      await storage.save(run);
    } catch (thrown) {
      getState().notify(engineError('storage-failed', `The benchmark could not be saved in this browser (${describeThrown(thrown)}).`, 'It stays on screen until you close the page: download it as JSON to keep it.'));
    }
  }

  function report(runId: string): { run: BenchmarkRun; report: BenchmarkReport } | null {
    const run = getState().benchmarkRuns.find((r) => r.id === runId);
    return run ? { run, report: benchmarkReport(run, TOOL) } : null;
  }

  async function measure(model: ReadyModel, plan: BenchmarkPlan, caps: Capabilities, runId: string): Promise<void> {
    const { setBenchmarkActivity, updateBenchmarkActivity, notify } = getState();
    const sha256 = model.sha256;
    const results: BackendResult[] = [];
    const failures: BenchmarkFailure[] = [];
    let environment: BenchmarkEnvironment | null = null;
    let cancelled = false;
    const profileEach = benchmarkDraftOf(getState(), model, caps).profile === true;
    for (const [configIndex, config] of plan.configs.entries()) {
      if (getState().benchmarkActivity?.cancelling) {
        cancelled = true;
        break;
      }
      const points = pointsFor(model, plan);
      if (!points.ok) {
        notify(points.error);
        break;
      }
      const configRunId = `${runId}-${configKey(config)}`;
      updateBenchmarkActivity({ configIndex, configRunId, progress: null, profiling: null });
      const outcome = await client.benchmark(
        config,
        {
          runId: configRunId,
          model: modelForWorker(model),
          warmupRuns: plan.warmupRuns,
          stop: plan.stop,
          points: points.value,
        },
        (progress) => updateBenchmarkActivity({ progress }),
      );
      if (!outcome.ok) {
        if (outcome.error.code === 'cancelled') {
          cancelled = true;
          break;
        }
        failures.push({ backend: config.backend, threads: config.threads, error: outcome.error });
        notify({ ...outcome.error, message: `${configLabel(config)}: ${outcome.error.message}` });
        continue;
      }
      const { measurement, environment: engine } = outcome.value;
      let result = backendResult(config, measurement);
      environment = environmentOf(caps, engine, Math.min(environment?.timerResolutionMs ?? Infinity, measurement.timerResolutionMs), measurement.wasmSimd);
      if (!measurement.completed) {
        if (result.points.length > 0) results.push(result);
        cancelled = true;
        break;
      }
      if (profileEach) {
        // The Speed tab's profile of this configuration, at the first batch size, in an engine of its own.
        const profileRunId = `${configRunId}-profile`;
        updateBenchmarkActivity({ configRunId: profileRunId, profiling: PROFILE_PHASES.runtime });
        const profiled = await profileConfiguration(client, model, config, plan.batchSizes[0]!, plan.inputs, profileRunId, (phase) => updateBenchmarkActivity({ profiling: PROFILE_PHASES[phase] }));
        updateBenchmarkActivity({ profiling: null });
        if (profiled.ok) result = { ...result, profile: profiled.value };
        else if (profiled.error.code === 'cancelled') cancelled = true;
        else notify({ ...profiled.error, message: `${configLabel(config)}, profile: ${profiled.error.message}` });
      }
      if (result.points.length > 0) results.push(result);
      if (cancelled) break;
    }
    setBenchmarkActivity(null);
    if (results.length === 0 || environment === null) {
      getState().setBenchmarkMessage(cancelled ? 'Benchmark cancelled before any point was measured.' : 'Nothing was measured.');
      return;
    }
    const run: BenchmarkRun = {
      id: runId,
      createdAt: new Date().toISOString(),
      status: cancelled ? 'cancelled' : 'complete',
      model: { name: model.pkg.name, file: model.pkg.model.path, bytes: model.pkg.model.bytes.length, sha256 },
      settings: { batchSizes: plan.batchSizes, warmupRuns: plan.warmupRuns, stop: plan.stop, inputs: plan.inputs },
      environment,
      results,
      failures,
    };
    getState().addBenchmarkRun(run);
    getState().showBenchmarkRun(model.id, run.id);
    getState().setBenchmarkMessage(cancelled ? 'Benchmark cancelled: the points measured so far are shown and kept.' : 'Benchmark finished.');
    await keep(run);
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
    async startBenchmark(modelId) {
      const state = getState();
      const model = state.models.find((m) => m.id === modelId);
      const caps = state.capabilities;
      // One measurement at a time in the page: not while the Speed tab profiles or searches either.
      if (state.benchmarkActivity || state.speedActivity || !isReady(model) || !caps) return;
      const plan = planBenchmark(benchmarkDraftOf(state, model, caps), modelBatchDimension(model), caps, hasInputExample(model));
      if (!plan.ok) {
        state.notify(plan.error);
        return;
      }
      const inputsCheck = pointsFor(model, { ...plan.value, batchSizes: plan.value.batchSizes.slice(0, 1) });
      if (!inputsCheck.ok) {
        state.notify(inputsCheck.error);
        return;
      }
      const runId = `run-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
      state.setBenchmarkMessage(null);
      state.setBenchmarkActivity({ runId, modelId, configs: plan.value.configs, configIndex: 0, configRunId: null, progress: null, cancelling: false, stop: plan.value.stop, warmupRuns: plan.value.warmupRuns });
      // Closing the model stops its benchmark (the points measured so far are kept).
      const untrack = lifecycle.track(modelId, () => void cancelBenchmark());
      try {
        await measure(model, plan.value, caps, runId);
      } catch (thrown) {
        // A bug, not a measurement: say so rather than leave the page "running" forever.
        getState().setBenchmarkActivity(null);
        getState().notify(engineError('run-failed', `The benchmark stopped unexpectedly: ${describeThrown(thrown)}`, 'Try again; if it happens again, download what you have and report it.'));
      } finally {
        untrack();
      }
    },
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
