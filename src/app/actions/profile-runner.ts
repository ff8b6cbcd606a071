import type { InputSource } from '../../core/benchmark/plan';
import { configProfile, type ConfigProfile } from '../../core/profile/config-profile';
import type { BackendConfig, SessionTuning } from '../../core/protocol/engine-api';
import { tuningFor } from '../../core/protocol/session-options';
import { ok, type Result } from '../../core/protocol/engine-error';
import type { ProfilePhase } from '../../core/protocol/profile';
import type { EngineGateway } from '../engine/engine-gateway';
import type { ReadyModel } from '../store/models-slice';
import { modelForWorker, workerInputs } from './model-session';

/** Warm runs timed for the cold-start chart, and warm runs recorded by the profiler (each also capped in time by the engine). */
const WARM_RUNS = 20;
const PROFILED_RUNS = 10;

export const PROFILE_PHASES: Readonly<Record<ProfilePhase, string>> = {
  runtime: 'starting the runtime in a new engine',
  session: 'creating the session',
  'first-run': 'first (cold) run',
  'warm-runs': 'warm runs',
  profiler: 'profiling warm runs with onnxruntime’s profiler',
  placement: 'reading where each node runs (verbose log)',
};
export const PROFILE_PHASE_ORDER: readonly ProfilePhase[] = ['runtime', 'session', 'first-run', 'warm-runs', 'profiler', 'placement'];

/** One configuration taken apart, in an engine worker of its own (used by the Speed tab and by "Profile each configuration"). */
export async function profileConfiguration(
  client: EngineGateway,
  model: ReadyModel,
  config: BackendConfig,
  batchSize: number,
  inputs: InputSource,
  runId: string,
  onPhase: (phase: ProfilePhase) => void,
  tuning: SessionTuning = {},
): Promise<Result<ConfigProfile>> {
  const applied = tuningFor(config.backend, tuning);
  const feeds = workerInputs(model, inputs, [batchSize]);
  if (!feeds.ok) return feeds;
  const measured = await client.profile(
    config,
    { runId, model: { ...modelForWorker(model), tuning: applied }, batchSize, feeds: feeds.value[0]!.feeds, warmRuns: WARM_RUNS, profiledRuns: PROFILED_RUNS, placement: config.backend === 'webgpu' },
    (progress) => onPhase(progress.phase),
  );
  if (!measured.ok) return measured;
  return ok(configProfile(config, measured.value, model.readMs ?? null, model.pkg.model.bytes.length, applied));
}
