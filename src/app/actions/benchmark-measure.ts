import type { BenchmarkPlan } from '../../core/benchmark/plan';
import { backendResult, configKey, configLabel, type BackendResult, type BenchmarkEnvironment, type BenchmarkFailure, type BenchmarkRun } from '../../core/benchmark/run';
import type { Capabilities } from '../../core/protocol/capabilities';
import type { BackendConfig, BackendId, EngineEnvironment } from '../../core/protocol/engine-api';
import { browserOf } from '../../core/benchmark/environment';
import { describeThrown, engineError } from '../../core/protocol/engine-error';
import { tuningFor } from '../../core/protocol/session-options';
import type { EngineGateway } from '../engine/engine-gateway';
import type { BenchmarkRunStorage } from '../storage/benchmark-runs';
import type { AppStore } from '../store/app-store';
import { benchmarkDraftOf } from '../store/benchmark-selectors';
import type { ReadyModel } from '../store/models-slice';
import { modelForWorker, workerInputs } from './model-session';
import { PROFILE_PHASES, profileConfiguration } from './profile-runner';

/** Where a measurement ran: the browser, the engine, the clock, the WebGPU adapter. */
export function environmentOf(caps: Capabilities, engine: EngineEnvironment, timerResolutionMs: number, wasmSimd: boolean, backend: BackendId): BenchmarkEnvironment {
  const gpu = caps.webgpu;
  return {
    userAgent: navigator.userAgent,
    browser: browserOf(navigator.userAgent),
    builds: engine.build ? { [backend]: engine.build } : {},
    hardwareConcurrency: caps.hardwareConcurrency,
    crossOriginIsolated: caps.crossOriginIsolated,
    ortVersion: engine.ortVersion,
    wasmSimd,
    wasmThreads: caps.crossOriginIsolated && typeof SharedArrayBuffer !== 'undefined',
    timerResolutionMs,
    webgpuAdapter: gpu.available ? { vendor: gpu.vendor, architecture: gpu.architecture, software: gpu.software, ...(gpu.details ?? {}) } : null,
  };
}

export interface MeasureContext {
  readonly store: AppStore;
  readonly client: EngineGateway;
  readonly storage: BenchmarkRunStorage;
}

/** What one configuration gave: a result (possibly partial), a failure, or nothing; and what comes next. */
interface ConfigOutcome {
  readonly result: BackendResult | null;
  readonly failure: BenchmarkFailure | null;
  readonly environment: BenchmarkEnvironment | null;
  /** `next` configuration, or stop here: `cancelled`, or `stop` (inputs that cannot be made, already reported). */
  readonly then: 'next' | 'cancelled' | 'stop';
}

/** One configuration: the timed loop in its worker, then (when asked) the Speed tab's profile of it in an engine of its own. */
async function measureConfig(ctx: MeasureContext, model: ReadyModel, plan: BenchmarkPlan, caps: Capabilities, config: BackendConfig, configRunId: string): Promise<ConfigOutcome> {
  const { updateBenchmarkActivity, notify } = ctx.store.getState();
  const points = workerInputs(model, plan.inputs, plan.batchSizes);
  if (!points.ok) {
    notify(points.error);
    return { result: null, failure: null, environment: null, then: 'stop' };
  }
  const request = { runId: configRunId, model: { ...modelForWorker(model), tuning: tuningFor(config.backend, plan.tuning) }, warmupRuns: plan.warmupRuns, stop: plan.stop, points: points.value };
  const outcome = await ctx.client.benchmark(config, request, (progress) => updateBenchmarkActivity({ progress }));
  if (!outcome.ok) {
    if (outcome.error.code === 'cancelled') return { result: null, failure: null, environment: null, then: 'cancelled' };
    notify({ ...outcome.error, message: `${configLabel(config)}: ${outcome.error.message}` });
    return { result: null, failure: { backend: config.backend, threads: config.threads, error: outcome.error }, environment: null, then: 'next' };
  }
  const { measurement, environment: engine } = outcome.value;
  const environment = environmentOf(caps, engine, measurement.timerResolutionMs, measurement.wasmSimd, config.backend);
  const result = backendResult(config, measurement, plan.tuning);
  if (!measurement.completed) return { result, failure: null, environment, then: 'cancelled' };
  if (benchmarkDraftOf(ctx.store.getState(), model, caps).profile !== true) return { result, failure: null, environment, then: 'next' };
  // The Speed tab's profile of this configuration, at the first batch size, in an engine of its own.
  const profileRunId = `${configRunId}-profile`;
  updateBenchmarkActivity({ configRunId: profileRunId, profiling: PROFILE_PHASES.runtime });
  const profiled = await profileConfiguration(ctx.client, model, config, plan.batchSizes[0]!, plan.inputs, profileRunId, (phase) => updateBenchmarkActivity({ profiling: PROFILE_PHASES[phase] }), plan.tuning);
  updateBenchmarkActivity({ profiling: null });
  if (profiled.ok) return { result: { ...result, profile: profiled.value }, failure: null, environment, then: 'next' };
  if (profiled.error.code !== 'cancelled') notify({ ...profiled.error, message: `${configLabel(config)}, profile: ${profiled.error.message}` });
  return { result, failure: null, environment, then: profiled.error.code === 'cancelled' ? 'cancelled' : 'next' };
}

/** The latest environment, with the finest clock seen over the configurations. */
function finerClock(previous: BenchmarkEnvironment | null, next: BenchmarkEnvironment): BenchmarkEnvironment {
  return previous ? { ...next, builds: { ...previous.builds, ...next.builds }, timerResolutionMs: Math.min(previous.timerResolutionMs, next.timerResolutionMs) } : next;
}

async function keep(ctx: MeasureContext, run: BenchmarkRun): Promise<void> {
  try {
    await ctx.storage.save(run);
  } catch (thrown) {
    ctx.store.getState().notify(engineError('storage-failed', `The benchmark could not be saved in this browser (${describeThrown(thrown)}).`, 'It stays on screen until you close the page: download it as JSON to keep it.'));
  }
}

/** Every configuration of the plan, one after the other; the run is shown and kept, however far it got. */
export async function measure(ctx: MeasureContext, model: ReadyModel, plan: BenchmarkPlan, caps: Capabilities, runId: string): Promise<void> {
  const { getState } = ctx.store;
  const results: BackendResult[] = [];
  const failures: BenchmarkFailure[] = [];
  let environment: BenchmarkEnvironment | null = null;
  let cancelled = false;
  for (const [configIndex, config] of plan.configs.entries()) {
    if (getState().benchmarkActivity?.cancelling) {
      cancelled = true;
      break;
    }
    const configRunId = `${runId}-${configKey(config)}`;
    getState().updateBenchmarkActivity({ configIndex, configRunId, progress: null, profiling: null });
    const outcome = await measureConfig(ctx, model, plan, caps, config, configRunId);
    if (outcome.result && outcome.result.points.length > 0) results.push(outcome.result);
    if (outcome.failure) failures.push(outcome.failure);
    if (outcome.environment) environment = finerClock(environment, outcome.environment);
    if (outcome.then === 'next') continue;
    cancelled = outcome.then === 'cancelled';
    break;
  }
  getState().setBenchmarkActivity(null);
  if (results.length === 0 || environment === null) {
    getState().setBenchmarkMessage(cancelled ? 'Benchmark cancelled before any point was measured.' : 'Nothing was measured.');
    return;
  }
  const run: BenchmarkRun = {
    id: runId,
    createdAt: new Date().toISOString(),
    status: cancelled ? 'cancelled' : 'complete',
    model: { name: model.pkg.name, file: model.pkg.model.path, bytes: model.pkg.model.bytes.length, sha256: model.sha256 },
    settings: { batchSizes: plan.batchSizes, warmupRuns: plan.warmupRuns, stop: plan.stop, inputs: plan.inputs },
    environment,
    results,
    failures,
  };
  getState().addBenchmarkRun(run);
  getState().showBenchmarkRun(model.id, run.id);
  getState().setBenchmarkMessage(cancelled ? 'Benchmark cancelled: the points measured so far are shown and kept.' : 'Benchmark finished.');
  await keep(ctx, run);
}
