import type { InferenceSession } from 'onnxruntime-common';
import type { LoadRequest, LoadResult } from '../core/protocol/engine-api';
import { describeThrown, engineError, fail, ok, type EngineError, type Result } from '../core/protocol/engine-error';
import type { OnnxSummary } from '../core/protocol/model-description';
import { sessionOptionsFor, tuningFor, tuningRefusal } from '../core/protocol/session-options';
import { isTensorDType, type TensorSpec } from '../core/protocol/tensor';
import { onnxDecodeError } from '../core/package/file-kinds';
import { sessionLoadError } from '../core/package/load-failure';
import { decodeModelStructure, type DecodedModel } from '../core/package/onnx-structure';
import { summarizeStructure } from '../core/package/onnx-summary';
import { graphFromStructure } from '../core/graph/build-graph';
import { workingSets } from '../core/memory/working-sets';
import type { WorkingSets } from '../core/protocol/working-sets';
import { prepareModel } from './non-tensor-outputs';
import type { LoadedSession } from './ort-io';
import type { EnginePlatform, OrtRuntime } from './ort-runtime';

/** Failures after which this onnxruntime instance cannot be trusted again: the worker must be replaced. */
const FATAL = /abort|RuntimeError|out of memory|could not allocate|memory access out of bounds|unreachable/i;

export function runtimeError(code: 'session-failed' | 'run-failed', what: string, thrown: unknown): EngineError {
  const detail = describeThrown(thrown);
  if (FATAL.test(detail)) {
    return engineError('worker-died', `The inference engine crashed while ${what} (${detail}).`, 'The model may need more memory than this tab can give. The engine will restart for your next action; try a smaller batch or a smaller model.');
  }
  if (code === 'session-failed') return sessionLoadError(detail);
  return engineError('run-failed', `The model failed while running: ${detail}`, 'Check the input shapes and types against the model inputs listed above.');
}

/** What each step holds at once, from the structure already decoded; absent when its graph cannot be read (the Run then says so). */
function stepSizes(structure: DecodedModel | null): WorkingSets | undefined {
  if (structure === null) return undefined;
  try {
    const graph = graphFromStructure(structure);
    return graph.ok ? workingSets(graph.value) : undefined;
  } catch {
    // A graph the view cannot read must not stop the model from loading: its steps are then "not bounded".
    return undefined;
  }
}

function specsFromSession(metadata: readonly InferenceSession.ValueMetadata[]): TensorSpec[] {
  return metadata.map((m) =>
    m.isTensor ? { name: m.name, dtype: isTensorDType(m.type) ? m.type : 'unknown', shape: m.shape.length ? [...m.shape] : null } : { name: m.name, dtype: 'unknown', shape: null },
  );
}

/**
 * Checks the model (its structure decoded once: the summary and the ZipMap check share it),
 * then creates its session. `extra`: session options only the engine sets (profiling, the
 * verbose log). The caller keeps the session.
 */
export async function loadSession(ort: OrtRuntime, platform: EnginePlatform, request: LoadRequest, extra: InferenceSession.SessionOptions = {}): Promise<Result<{ loaded: LoadedSession; result: LoadResult }>> {
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
      ...(sessionOptionsFor(request.backend, request.tuning) as InferenceSession.SessionOptions),
      ...extra,
      externalData: (request.externalData ?? []).map((f) => ({ path: f.path, data: new Uint8Array(f.data) })),
    });
  } catch (thrown) {
    return fail(tuningRefusal(request.tuning ?? {}, describeThrown(thrown)) ?? runtimeError('session-failed', 'loading the model', thrown));
  }
  const sessionCreateMs = platform.now() - started;
  const steps = stepSizes(structure);
  const result: LoadResult = {
    sessionId: request.sessionId,
    inputs: summary?.inputs ?? specsFromSession(session.inputMetadata),
    outputs: prepared.outputs ?? summary?.outputs ?? specsFromSession(session.outputMetadata),
    ...(prepared.zipMaps.length > 0 ? { zipMaps: prepared.zipMaps } : {}),
    ...(steps ? { workingSets: steps } : {}),
    summary,
    sessionCreateMs,
  };
  return ok({ loaded: { session, fetches: prepared.fetches, tuning: tuningFor(request.backend, request.tuning) }, result });
}
