import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { EngineApi, EngineInit, LoadRequest, LoadResult, RunResult } from '../core/protocol/engine-api';
import { describeThrown, engineError, fail, ok, type EngineError, type Result } from '../core/protocol/engine-error';
import type { OnnxSummary } from '../core/protocol/model-description';
import { isTensorDType, type TensorPayload, type TensorSpec } from '../core/protocol/tensor';
import { onnxDecodeError } from '../core/package/file-kinds';
import { decodeModelStructure, type DecodedModel } from '../core/package/onnx-structure';
import { summarizeStructure } from '../core/package/onnx-summary';
import type { EnginePlatform, OrtRuntime } from './ort-runtime';
import { createBenchmarkControl, runBenchmark } from './benchmark';
import { prepareModel } from './non-tensor-outputs';
import { payloadOf, tensorsOf, timedRun, type LoadedSession, type SessionHost } from './ort-io';
import { runProfile } from './profile';

/** Failures after which this onnxruntime instance cannot be trusted again: the worker must be replaced. */
const FATAL = /abort|RuntimeError|out of memory|could not allocate|memory access out of bounds|unreachable/i;

function runtimeError(code: 'session-failed' | 'run-failed', what: string, thrown: unknown): EngineError {
  const detail = describeThrown(thrown);
  if (FATAL.test(detail)) {
    return engineError('worker-died', `The inference engine crashed while ${what} (${detail}).`, 'The model may need more memory than this tab can give. The engine will restart for your next action; try a smaller batch or a smaller model.');
  }
  if (code === 'session-failed') {
    return engineError('session-failed', `onnxruntime could not load the model: ${detail}`, 'The model may use an operator or opset this runtime does not support, or need an external-data file. Try the other backend, or re-export with a lower opset.');
  }
  return engineError('run-failed', `The model failed while running: ${detail}`, 'Check the input shapes and types against the model inputs listed above.');
}

function specsFromSession(metadata: readonly InferenceSession.ValueMetadata[]): TensorSpec[] {
  return metadata.map((m) =>
    m.isTensor ? { name: m.name, dtype: isTensorDType(m.type) ? m.type : 'unknown', shape: m.shape.length ? [...m.shape] : null } : { name: m.name, dtype: 'unknown', shape: null },
  );
}

/**
 * The engine behind one worker: sessions by id, and a serial queue, because
 * onnxruntime-web rejects concurrent calls on a session ("Session already started").
 */
export function createEngine(ort: OrtRuntime, platform: EnginePlatform): EngineApi {
  const sessions = new Map<string, LoadedSession>();
  const benchmarks = createBenchmarkControl();
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };

  /** `extra`: session options only the engine sets (profiling, the verbose log). */
  async function load(request: LoadRequest, extra: InferenceSession.SessionOptions = {}): Promise<Result<LoadResult>> {
    const bytes = new Uint8Array(request.modelBytes);
    // The structure is decoded once, here: it feeds the summary and the ZipMap check.
    let structure: DecodedModel | null = null;
    let summary: OnnxSummary | null = null;
    if (request.format === 'onnx') {
      try {
        structure = decodeModelStructure(bytes);
        summary = summarizeStructure(structure);
      } catch (thrown) {
        return fail(onnxDecodeError(request.fileName, bytes.length, thrown));
      }
      const provided = new Set((request.externalData ?? []).map((f) => f.path));
      const missing = summary.externalDataFiles.filter((f) => !provided.has(f));
      if (missing.length > 0) {
        return fail(engineError('missing-external-data', `The model stores weights in ${missing.map((m) => `“${m}”`).join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not in what you opened.`, 'Open the whole folder (or a zip of it) so that the external-data files travel with model.onnx.'));
      }
    }
    const prepared = prepareModel(bytes, structure, summary);
    const started = platform.now();
    let session: InferenceSession;
    try {
      session = await ort.InferenceSession.create(prepared.bytes, {
        ...platform.sessionOptions,
        ...request.tuning,
        ...extra,
        executionProviders: [request.backend],
        externalData: (request.externalData ?? []).map((f) => ({ path: f.path, data: new Uint8Array(f.data) })),
      });
    } catch (thrown) {
      return fail(runtimeError('session-failed', 'loading the model', thrown));
    }
    const sessionCreateMs = platform.now() - started;
    sessions.get(request.sessionId)?.session.release().catch(() => undefined);
    sessions.set(request.sessionId, { session, fetches: prepared.fetches });
    return ok({
      sessionId: request.sessionId,
      inputs: summary?.inputs ?? specsFromSession(session.inputMetadata),
      outputs: prepared.outputs ?? summary?.outputs ?? specsFromSession(session.outputMetadata),
      ...(prepared.zipMaps.length > 0 ? { zipMaps: prepared.zipMaps } : {}),
      summary,
      sessionCreateMs,
    });
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
      const { ms, outputs: results } = await timedRun(loaded, inputs, () => platform.now());
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
      return ok({ ortVersion: versions.web ?? versions.node ?? versions.common ?? 'unknown', threads: init.threads, crossOriginIsolated: platform.crossOriginIsolated });
    },
    load: (request) => serial(() => load(request)),
    run: (sessionId, feeds) => serial(() => run(sessionId, feeds)),
    release: (sessionId) => serial(() => release(sessionId)),
    benchmark: (request, onProgress) => serial(() => runBenchmark(host('benchmarking the model'), request, onProgress, benchmarks)),
    // Not queued: the cancel must reach the benchmark that is running.
    cancelBenchmark: async (runId) => benchmarks.cancel(runId),
    profile: (request, onProgress) => serial(() => runProfile({ ...host('profiling the model'), tap: platform.tap ?? null }, request, onProgress)),
  };
}
