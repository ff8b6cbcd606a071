import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { EngineApi, EngineInit, LoadRequest, LoadResult, RunResult } from '../core/protocol/engine-api';
import { describeThrown, engineError, fail, ok, type Result } from '../core/protocol/engine-error';
import type { TensorPayload } from '../core/protocol/tensor';
import type { EnginePlatform, OrtRuntime } from './ort-runtime';
import { createBenchmarkControl, runBenchmark } from './benchmark';
import { loadSession, runtimeError } from './load-session';
import { payloadOf, tensorsOf, timedRun, type LoadedSession, type SessionHost } from './ort-io';
import { runProfile } from './profile';
import { createScoreControl, runScore } from './score';
import type { ScoringApi } from '../core/scoring/score-request';

/**
 * The engine behind one worker: sessions by id, and a serial queue, because
 * onnxruntime-web rejects concurrent calls on a session ("Session already started").
 */
export function createEngine(ort: OrtRuntime, platform: EnginePlatform): EngineApi & ScoringApi {
  const sessions = new Map<string, LoadedSession>();
  const benchmarks = createBenchmarkControl();
  const scoring = createScoreControl();
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };

  async function load(request: LoadRequest, extra: InferenceSession.SessionOptions = {}): Promise<Result<LoadResult>> {
    const made = await loadSession(ort, platform, request, extra);
    if (!made.ok) return made;
    sessions.get(request.sessionId)?.session.release().catch(() => undefined);
    sessions.set(request.sessionId, made.value.loaded);
    return ok(made.value.result);
  }

  async function run(sessionId: string, feeds: Readonly<Record<string, TensorPayload>>): Promise<Result<RunResult>> {
    const loaded = sessions.get(sessionId);
    if (!loaded) return fail(engineError('unknown-session', 'This model is no longer loaded in the engine.', 'Run it again: the model will be reloaded.'));
    let inputs: Record<string, Tensor>;
    try {
      inputs = tensorsOf(ort, feeds);
    } catch (thrown) {
      return fail(engineError('bad-input', `An input could not be built: ${describeThrown(thrown)}`, 'Check the input’s type and shape.'));
    }
    try {
      const { ms, outputs: results } = await timedRun(ort, loaded, inputs, () => platform.now());
      const outputs: Record<string, TensorPayload> = {};
      for (const [name, tensor] of Object.entries(results)) outputs[name] = payloadOf(tensor);
      return ok({ outputs, runMs: ms });
    } catch (thrown) {
      return fail(runtimeError('run-failed', 'running the model', thrown));
    }
  }

  async function release(sessionId: string): Promise<void> {
    const loaded = sessions.get(sessionId);
    sessions.delete(sessionId);
    await loaded?.session.release().catch(() => undefined);
  }

  /** What the benchmark and the profile borrow: this engine's load, sessions and error wording. */
  const host = (what: string): SessionHost => ({
    ort,
    now: () => platform.now(),
    load,
    session: (id) => sessions.get(id),
    release,
    runFailure: (thrown) => runtimeError('run-failed', what, thrown),
  });

  return {
    init: async (init: EngineInit) => {
      ort.env.wasm.numThreads = init.threads;
      ort.env.wasm.wasmPaths = init.wasmPaths;
      const versions = ort.env.versions as Record<string, string | undefined>;
      const build = platform.build ?? { wasm: 'none (onnxruntime-node, native)', executionProvider: 'CPU EP' };
      return ok({ ortVersion: versions.web ?? versions.node ?? versions.common ?? 'unknown', threads: init.threads, crossOriginIsolated: platform.crossOriginIsolated, build });
    },
    load: (request) => serial(() => load(request)),
    run: (sessionId, feeds) => serial(() => run(sessionId, feeds)),
    release: (sessionId) => serial(() => release(sessionId)),
    benchmark: (request, onProgress) => serial(() => runBenchmark(host('benchmarking the model'), request, onProgress, benchmarks)),
    // Not queued: the cancel must reach the benchmark that is running.
    cancelBenchmark: async (runId) => benchmarks.cancel(runId),
    profile: (request, onProgress) => serial(() => runProfile({ ...host('profiling the model'), tap: platform.tap ?? null }, request, onProgress)),
    // Not queued as a whole: each chunk's call is, so other calls can come between two chunks.
    scoreTable: (request, onChunks, pullRows) => runScore((id, feeds) => serial(() => run(id, feeds)), request, onChunks, platform.handOver ?? ((value) => value), pullRows, scoring),
    cancelScore: async (jobId) => scoring.cancel(jobId),
  };
}
