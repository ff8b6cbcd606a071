import { configLabel } from '../../core/benchmark/run';
import type { ConfigProfile } from '../../core/profile/config-profile';
import { pageMemoryOf, type UserAgentMemory } from '../../core/profile/memory';
import { planProfile, type ProfilePlan } from '../../core/profile/profile-plan';
import { tuneReport } from '../../core/profile/tune-report';
import { describeThrown, engineError } from '../../core/protocol/engine-error';
import type { ProfilePhase } from '../../core/protocol/profile';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';
import { measureGpuFloor } from './gpu-floor-runner';
import { hasInputExample, modelBatchDimension, modelFormDimensions } from '../store/benchmark-selectors';
import { speedDraftOf } from '../store/speed-selectors';
import { saveJson } from '../ui/save-file';
import { TOOL } from './benchmark-actions';
import { PROFILE_PHASE_ORDER, PROFILE_PHASES, profileConfiguration } from './profile-runner';
import { runTuner } from './tuner-runner';
import type { ModelLifecycle } from './model-lifecycle';
import { isReady, type ReadyModel } from '../store/models-slice';

export interface SpeedActions {
  /** Takes each chosen configuration apart, one after the other, each in an engine of its own. */
  profileModel(modelId: string): Promise<void>;
  /** Finds the fastest setup within the model's tuner budget. */
  startTuner(modelId: string): Promise<void>;
  /** Stops the profile or the search in progress. */
  cancelSpeed(): Promise<void>;
  /** The page's memory (performance.measureUserAgentSpecificMemory), where the browser allows it. */
  measurePageMemory(): Promise<void>;
  /** This machine's WebGPU dispatch overhead, from the probe model at two chain lengths (gpu-floor-runner.ts). */
  measureGpuFloor(): Promise<void>;
  downloadTuneJson(modelId: string): void;
}

type MemoryPerformance = Performance & { measureUserAgentSpecificMemory?: () => Promise<UserAgentMemory> };

/** Chrome answers at its next garbage collection, which it may put off for a while. */
const MEMORY_TIMEOUT_MS = 60_000;

/** Takes each configuration of the plan apart in turn, each in an engine of its own; `untrack` ends the model's claim on it. */
async function profileEach(store: AppStore, client: EngineGateway, model: ReadyModel, plan: ProfilePlan, baseId: string, untrack: () => void): Promise<void> {
  const { getState } = store;
  const modelId = model.id;
  const { configs } = plan;
  getState().setSpeedMessage(null);
  getState().setSpeedActivity({ kind: 'profile', modelId, runId: baseId, text: 'Starting…', fraction: 0, cancelling: false });
  const profiles: ConfigProfile[] = [];
  let cancelled = false;
  for (const [index, config] of configs.entries()) {
    if (getState().speedActivity?.cancelling) {
      cancelled = true;
      break;
    }
    const runId = `${baseId}-${index}`;
    const head = `${configLabel(config)} (${index + 1} of ${configs.length})`;
    const show = (phase: ProfilePhase): void =>
      getState().updateSpeedActivity({ runId, text: `${head} · ${PROFILE_PHASES[phase]}`, fraction: (index + PROFILE_PHASE_ORDER.indexOf(phase) / PROFILE_PHASE_ORDER.length) / configs.length });
    show('runtime');
    const result = await profileConfiguration(client, model, config, plan.batchSize, plan.inputs, runId, show, plan.tuning);
    if (result.ok) {
      profiles.push(result.value);
    } else if (result.error.code === 'cancelled') {
      cancelled = true;
      break;
    } else {
      getState().notify({ ...result.error, message: `${configLabel(config)}: ${result.error.message}` });
    }
  }
  untrack();
  getState().setSpeedActivity(null);
  if (profiles.length > 0) getState().setSpeedProfiles(modelId, profiles);
  getState().setSpeedMessage(cancelled ? 'Profile cancelled.' : profiles.length > 0 ? 'Profile finished.' : 'Nothing was profiled.');
}

export function createSpeedActions(store: AppStore, client: EngineGateway, lifecycle: ModelLifecycle): SpeedActions {
  const { getState } = store;
  const busy = (): boolean => getState().speedActivity !== null || getState().benchmarkActivity !== null;
  const newRunId = (kind: string): string => `${kind}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

  async function cancelSpeed(): Promise<void> {
    const activity = getState().speedActivity;
    if (!activity || activity.cancelling) return;
    getState().updateSpeedActivity({ cancelling: true });
    if (activity.kind === 'profile') client.cancelProfile(activity.runId);
    else await client.cancelBenchmark(activity.runId);
  }

  return {
    async profileModel(modelId) {
      const state = getState();
      const model = state.models.find((m) => m.id === modelId);
      const caps = state.capabilities;
      if (busy() || !isReady(model) || !caps) return;
      const dimensions = modelFormDimensions(model);
      const plan = planProfile(speedDraftOf(state, model, caps), modelBatchDimension(model), caps, hasInputExample(model), dimensions);
      if (!plan.ok) {
        state.notify(plan.error);
        return;
      }
      // The inputs take the sizes the form shows (a starting size becomes the model's chosen size).
      for (const d of dimensions) if (model.dims[d.name] === undefined) state.setDim(model.id, d.name, d.value);
      const sized = getState().models.find((m) => m.id === modelId);
      if (!isReady(sized)) return;
      await profileEach(store, client, sized, plan.value, newRunId('profile'), lifecycle.track(modelId, () => void cancelSpeed()));
    },

    async startTuner(modelId) {
      const state = getState();
      const model = state.models.find((m) => m.id === modelId);
      const caps = state.capabilities;
      if (busy() || !isReady(model) || !caps) return;
      const untrack = lifecycle.track(modelId, () => void cancelSpeed());
      try {
        await runTuner(store, client, model, caps, newRunId('tune'));
      } catch (thrown) {
        getState().setSpeedActivity(null);
        getState().notify(engineError('run-failed', `The search stopped unexpectedly: ${describeThrown(thrown)}`, 'Try again; if it happens again, report it.'));
      } finally {
        untrack();
      }
    },

    cancelSpeed,

    measureGpuFloor: () => measureGpuFloor(store, client),

    async measurePageMemory() {
      const perf = performance as MemoryPerformance;
      if (!self.crossOriginIsolated) {
        getState().setPageMemory({ status: 'unavailable', reason: 'the page is not cross-origin isolated, which the browser requires for this measurement' });
        return;
      }
      if (typeof perf.measureUserAgentSpecificMemory !== 'function') {
        getState().setPageMemory({ status: 'unavailable', reason: 'this browser does not offer performance.measureUserAgentSpecificMemory()' });
        return;
      }
      getState().setPageMemory({ status: 'measuring' });
      try {
        const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${MEMORY_TIMEOUT_MS / 1000} s`)), MEMORY_TIMEOUT_MS));
        getState().setPageMemory(pageMemoryOf(await Promise.race([perf.measureUserAgentSpecificMemory(), timeout])));
      } catch (thrown) {
        getState().setPageMemory({ status: 'unavailable', reason: `the browser did not measure it (${describeThrown(thrown)})` });
      }
    },

    downloadTuneJson(modelId) {
      const run = getState().tuneRuns[modelId];
      if (!run) return;
      saveJson(`${run.model.name.replace(/[^\w.-]+/g, '_')}-fastest-setup.json`, tuneReport(run, TOOL));
    },
  };
}
