import type { BenchmarkMeasurement, BenchmarkProgress, BenchmarkRequest, PointMeasurement, StopRule } from '../core/protocol/benchmark';
import { tuningRefusal } from '../core/protocol/session-options';
import { describeThrown, engineError, fail, ok, type Result } from '../core/protocol/engine-error';
import { benchmarkPacer } from './benchmark-pacing';
import { outputSample, releaseFeeds, sessionFeeds, timedRun, type SessionHost } from './ort-io';
import { startRuntime } from './runtime-probe';

/** A ceiling on samples per point, so that a long time budget on a fast model cannot exhaust memory. */
export const MAX_RUNS_PER_POINT = 200_000;

/** Cancellation flags by run id, set from outside the serial queue while a benchmark runs. */
export interface BenchmarkControl {
  cancel(runId: string): void;
  isCancelled(runId: string): boolean;
  forget(runId: string): void;
}

export function createBenchmarkControl(): BenchmarkControl {
  const cancelled = new Set<string>();
  return {
    cancel: (runId) => void cancelled.add(runId),
    isCancelled: (runId) => cancelled.has(runId),
    forget: (runId) => void cancelled.delete(runId),
  };
}

/** The smallest step the clock shows (browsers coarsen `performance.now()` to 5–100 µs). */
function timerResolution(now: () => number): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const start = now();
    let next = now();
    for (let spins = 0; next === start && spins < 1_000_000; spins++) next = now();
    if (next > start) smallest = Math.min(smallest, next - start);
  }
  return Number.isFinite(smallest) ? smallest : 0;
}

function wasmSimdSupported(): boolean {
  // The smallest module using a v128 instruction: (func (result v128) i32.const 0 i8x16.splat).
  const probe = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
  try {
    return typeof WebAssembly !== 'undefined' && WebAssembly.validate(probe);
  } catch {
    return false;
  }
}

/**
 * Times one configuration. Everything between two clock reads is one
 * `session.run` plus touching each output's data, so that the outputs are in
 * JavaScript memory (on WebGPU the default output location is the CPU: the
 * read-back is inside the sample). Progress, cancel checks and yields happen
 * between samples, never inside one; nothing is posted per iteration.
 */
export async function runBenchmark(
  deps: SessionHost,
  request: BenchmarkRequest,
  onProgress: (progress: BenchmarkProgress) => void,
  control: BenchmarkControl,
): Promise<Result<BenchmarkMeasurement>> {
  const { now } = deps;
  const sessionId = `benchmark:${request.runId}`;
  const first = request.points[0];
  if (!first) return fail(engineError('bad-input', 'The benchmark has no batch size to measure.', 'Choose at least one batch size.'));
  const { report, shouldStop } = benchmarkPacer(request, onProgress, () => control.isCancelled(request.runId), now);

  let tuning = request.model.tuning ?? {};
  let feeds: Parameters<typeof timedRun>[2] = {};
  try {
    const timerResolutionMs = timerResolution(now);
    const wasmSimd = wasmSimdSupported();
    report('session', 0, 0, now(), now(), true);
    const runtimeStartMs = await startRuntime(deps.ort, request.backend, now);
    const loaded = await deps.load({ ...request.model, sessionId, backend: request.backend });
    if (!loaded.ok) return loaded;
    const session = deps.session(sessionId)!;
    tuning = session.tuning ?? {};
    // With outputs on the GPU, each sample also keeps the run alone (without the read-back).
    let runOnly: number[] = [];
    let outputs: Record<string, readonly number[]> | undefined;
    const sample = async (feeds: Parameters<typeof timedRun>[2]): Promise<number> => {
      const timed = await timedRun(deps.ort, session, feeds, now);
      if (timed.gpuMs !== null) runOnly.push(timed.gpuMs);
      outputs ??= outputSample(timed.outputs);
      return timed.ms;
    };

    feeds = await sessionFeeds(deps.ort, session, first.feeds);
    report('first-run', 0, 0, now(), now(), true);
    const firstRunMs = await sample(feeds);
    const measured: PointMeasurement[] = [];
    const measurement = (completed: boolean): Result<BenchmarkMeasurement> =>
      ok({ backend: request.backend, runtimeStartMs, sessionCreateMs: loaded.value.sessionCreateMs, firstRunMs, firstRunBatchSize: first.batchSize, points: measured, completed, timerResolutionMs, wasmSimd, appliedTuning: tuning, ...(outputs ? { firstRunOutputs: outputs } : {}) });

    if (control.isCancelled(request.runId)) return measurement(false);
    for (const [index, point] of request.points.entries()) {
      if (index > 0) {
        releaseFeeds(feeds);
        feeds = await sessionFeeds(deps.ort, session, point.feeds);
      }
      let phaseStart = now();
      report('warmup', index, 0, phaseStart, phaseStart, true);
      // The runs made, which `warmupMs` may take past those asked for: the measurement records them.
      let warmed = 0;
      for (; warmed < request.warmupRuns || now() - phaseStart < (request.warmupMs ?? 0); warmed++) {
        await sample(feeds);
        const at = now();
        report('warmup', index, Math.min(warmed + 1, request.warmupRuns), phaseStart, at);
        if (await shouldStop(at)) return measurement(false);
      }
      phaseStart = now();
      report('measure', index, 0, phaseStart, phaseStart, true);
      const samples = measureUntil(request.stop);
      runOnly = [];
      while (!samples.done(now() - phaseStart)) {
        samples.add(await sample(feeds));
        const at = now();
        report('measure', index, samples.count, phaseStart, at);
        if (await shouldStop(at)) return measurement(false);
      }
      measured.push({ batchSize: point.batchSize, warmupRuns: warmed, samplesMs: samples.values(), ...(runOnly.length > 0 ? { withoutReadBackMs: runOnly } : {}) });
    }
    return measurement(true);
  } catch (thrown) {
    return fail(tuningRefusal(tuning, describeThrown(thrown)) ?? deps.runFailure(thrown));
  } finally {
    control.forget(request.runId);
    releaseFeeds(feeds);
    await deps.release(sessionId);
  }
}

/** Collects samples until the stop rule says enough (at least one sample per point). */
function measureUntil(stop: StopRule) {
  const values: number[] = [];
  return {
    get count() {
      return values.length;
    },
    add: (ms: number) => void values.push(ms),
    done: (elapsedMs: number) =>
      values.length >= MAX_RUNS_PER_POINT || (stop.kind === 'runs' ? values.length >= stop.runs && elapsedMs >= (stop.minMs ?? 0) : values.length > 0 && elapsedMs >= stop.ms),
    values: () => values,
  };
}
