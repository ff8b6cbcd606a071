import type { LoadRequest } from '../core/protocol/engine-api';
import { fail, ok, type Result } from '../core/protocol/engine-error';
import type { ProfileMeasurement, ProfilePhase, ProfileProgress, ProfileRequest, ProfilerEvent } from '../core/protocol/profile';
import { parseProfilerLines } from '../core/profile/profiler-events';
import { isPlacementLine } from '../core/profile/placement';
import { releaseFeeds, sessionFeeds, timedRun, type LoadedSession, type SessionHost } from './ort-io';
import { startRuntime } from './runtime-probe';
import type { RuntimeTap } from './runtime-tap';

/** How long the unprofiled warm runs and the profiled ones may take at most (at least one of each runs). */
const WARM_RUNS_MS = 1000;
const PROFILED_RUNS_MS = 2000;

/** What the profile borrows from the engine that runs it, and the worker's console and memory tap (null under onnxruntime-node). */
export interface ProfileDeps extends SessionHost {
  readonly tap: RuntimeTap | null;
}

/** Up to `count` runs, stopping early once `budgetMs` has passed (after at least one). */
async function repeatRuns(run: () => Promise<number>, count: number, budgetMs: number, now: () => number): Promise<number[]> {
  const samples: number[] = [];
  const started = now();
  while (samples.length < count && (samples.length === 0 || now() - started < budgetMs)) samples.push(await run());
  return samples;
}

/**
 * Takes one configuration apart (see ProfileRequest). Meant for an engine worker
 * started for it alone, so that the runtime start is what a new page pays.
 * Three sessions one after the other: a plain one (timed), one recorded by
 * onnxruntime's profiler (its JSON is printed to the console, collected through
 * the tap), and with `placement` one created with the verbose log, which lists
 * the nodes placed on each execution provider.
 */
export async function runProfile(deps: ProfileDeps, request: ProfileRequest, onProgress: (progress: ProfileProgress) => void): Promise<Result<ProfileMeasurement>> {
  const { now, tap } = deps;
  const sessionId = `profile:${request.runId}`;
  const model: LoadRequest = { ...request.model, sessionId, backend: request.backend };
  const phase = (p: ProfilePhase): void => onProgress({ runId: request.runId, phase: p });
  const release = (): Promise<void> => deps.release(sessionId);
  const sample = async (session: LoadedSession, feeds: Parameters<typeof timedRun>[2]): Promise<number> => (await timedRun(deps.ort, session, feeds, now)).ms;

  let feeds: Parameters<typeof timedRun>[2] = {};
  try {
    phase('runtime');
    const runtimeStartMs = await startRuntime(deps.ort, request.backend, now);
    phase('session');
    const loaded = await deps.load(model);
    if (!loaded.ok) return loaded;
    const afterLoad = tap?.wasmMemoryBytes() ?? null;
    const session = deps.session(sessionId)!;
    feeds = await sessionFeeds(deps.ort, session, request.feeds);
    phase('first-run');
    const firstRunMs = await sample(session, feeds);
    phase('warm-runs');
    const warmRunsMs = await repeatRuns(() => sample(session, feeds), Math.max(1, request.warmRuns), WARM_RUNS_MS, now);
    const afterRuns = tap?.wasmMemoryBytes() ?? null;
    await release();

    let events: ProfilerEvent[] = [];
    let profilerNote: string | null = null;
    if (!tap) {
      profilerNote = 'onnxruntime prints its profile to the console, which this engine cannot read.';
    } else if (request.profiledRuns > 0) {
      phase('profiler');
      const { value: profiled, lines } = await tap.capture(async () => {
        // The prefix names a file onnxruntime-web never writes (it prints instead); onnxruntime-node requires one.
        const made = await deps.load(model, { enableProfiling: true, profileFilePrefix: 'onnx-playground-profile' });
        if (!made.ok) return made;
        const recorded = deps.session(sessionId)!;
        // The profiler's own cold run comes first; operatorProfile leaves it out.
        await sample(recorded, feeds);
        await repeatRuns(() => sample(recorded, feeds), request.profiledRuns, PROFILED_RUNS_MS, now);
        await recorded.session.endProfiling();
        await release();
        return made;
      });
      if (!profiled.ok) profilerNote = `The profiled session could not be created: ${profiled.error.message}`;
      events = parseProfilerLines(lines.map((l) => l.text));
      if (profiled.ok && events.length === 0) profilerNote = 'onnxruntime printed no profile for this session.';
    }

    let placementLog: string[] | null = null;
    if (request.placement && tap) {
      phase('placement');
      const { lines } = await tap.capture(async () => {
        const made = await deps.load(model, { logSeverityLevel: 0, logVerbosityLevel: 0 });
        await release();
        return made;
      });
      placementLog = lines.map((l) => l.text).filter(isPlacementLine);
    }

    return ok({
      backend: request.backend,
      batchSize: request.batchSize,
      runtimeStartMs,
      sessionCreateMs: loaded.value.sessionCreateMs,
      firstRunMs,
      warmRunsMs,
      events,
      profilerNote,
      placementLog,
      wasmHeapBytes: afterLoad !== null && afterRuns !== null ? { afterLoad, afterRuns } : null,
    });
  } catch (thrown) {
    return fail(deps.runFailure(thrown));
  } finally {
    releaseFeeds(feeds);
    await release();
  }
}
