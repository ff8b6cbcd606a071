import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { LoadRequest, LoadResult, SessionTuning } from '../core/protocol/engine-api';
import type { EngineError, Result } from '../core/protocol/engine-error';
import { isTensorDType, type TensorPayload } from '../core/protocol/tensor';
import { fromBuffer } from '../core/schema/host-tensor';
import { gpuFeeds } from './gpu-feeds';
import type { OrtRuntime } from './ort-runtime';

/** A session and the outputs to fetch on every run (null: all; set when some outputs cannot reach JavaScript). */
export interface LoadedSession {
  readonly session: InferenceSession;
  readonly fetches: readonly string[] | null;
  /** The session options it was created with (core/protocol/session-options `tuningFor`). */
  readonly tuning?: SessionTuning;
}

/** What the benchmark and the profile borrow from the engine that runs them. */
export interface SessionHost {
  readonly ort: OrtRuntime;
  now(): number;
  /** The engine's own `load` (timed, checked, same error messages); `extra`: options only the engine sets (profiling, the verbose log). */
  load(request: LoadRequest, extra?: InferenceSession.SessionOptions): Promise<Result<LoadResult>>;
  session(sessionId: string): LoadedSession | undefined;
  release(sessionId: string): Promise<void>;
  /** Turns a failed `session.run` into the engine's error (a crash becomes `worker-died`). */
  runFailure(thrown: unknown): EngineError;
}

/** Payloads as they arrived from the page → onnxruntime tensors (numeric data viewed, not copied). */
export function tensorsOf(ort: OrtRuntime, feeds: Readonly<Record<string, TensorPayload>>): Record<string, Tensor> {
  return Object.fromEntries(
    Object.entries(feeds).map(([name, p]) => {
      const data = p.dtype === 'string' || Array.isArray(p.data) ? [...(p.data as readonly string[])] : fromBuffer(p.dtype, p.data as ArrayBuffer);
      return [name, new ort.Tensor(p.dtype, data as Tensor.DataType, p.dims)];
    }),
  );
}

/** The inputs for a loaded session: on the GPU when it replays a recorded graph (graph capture), else as `tensorsOf` makes them. */
export async function sessionFeeds(ort: OrtRuntime, loaded: LoadedSession, feeds: Readonly<Record<string, TensorPayload>>): Promise<Record<string, Tensor>> {
  const tensors = tensorsOf(ort, feeds);
  return loaded.tuning?.enableGraphCapture ? gpuFeeds(ort, tensors) : tensors;
}

/** Frees what `sessionFeeds` put on the GPU (CPU tensors need nothing). */
export function releaseFeeds(feeds: Record<string, Tensor>): void {
  for (const tensor of Object.values(feeds)) if (tensor.location === 'gpu-buffer') tensor.dispose();
}

/** At most this many values of each output are kept from a benchmark's first run, to compare configurations. */
const OUTPUT_SAMPLE_VALUES = 256;

/** The first values of each numeric output, as numbers: enough to see that two configurations compute the same thing. */
export function outputSample(outputs: InferenceSession.ReturnType): Record<string, readonly number[]> {
  const sample: Record<string, readonly number[]> = {};
  for (const [name, tensor] of Object.entries(outputs)) {
    if (tensor.type === 'string') continue;
    const data = tensor.data as ArrayLike<number | bigint | boolean>;
    sample[name] = Array.from({ length: Math.min(OUTPUT_SAMPLE_VALUES, data.length) }, (_, i) => Number(data[i]));
  }
  return sample;
}

/** An output → a payload for the page. A copy: the output may be a view on memory the runtime reuses. */
export function payloadOf(tensor: Tensor): TensorPayload {
  const type = tensor.type;
  if (!isTensorDType(type)) throw new Error(`output of unsupported type ${type}`);
  if (type === 'string') return { dtype: type, dims: [...tensor.dims], data: [...(tensor.data as string[])] };
  const data = (tensor.data as Exclude<Tensor.DataType, string[]>).slice();
  return { dtype: type, dims: [...tensor.dims], data: data.buffer as ArrayBuffer };
}

/** One timed run: `ms` includes bringing the outputs to JavaScript; with outputs kept on the GPU, `gpuMs` is the run alone. */
export interface TimedRun {
  readonly ms: number;
  /** The run without the read-back (outputs on the GPU); null when the outputs came back to the CPU inside the run. */
  readonly gpuMs: number | null;
  /** CPU tensors, whatever the session's output location. */
  readonly outputs: InferenceSession.ReturnType;
}

/**
 * One `session.run` between two clock reads, with each output's data touched so that it
 * is in JavaScript memory (on WebGPU the read-back is inside the time). With outputs kept on
 * the GPU (`preferredOutputLocation: 'gpu-buffer'`), the clock is also read when the run
 * resolves, then each output is downloaded and its GPU buffer released. The one timed run of
 * the engine: `run`, the benchmark and the profile all go through it.
 */
export async function timedRun(ort: OrtRuntime, loaded: LoadedSession, feeds: Record<string, Tensor>, now: () => number): Promise<TimedRun> {
  const t0 = now();
  const outputs = loaded.fetches ? await loaded.session.run(feeds, [...loaded.fetches]) : await loaded.session.run(feeds);
  const onGpu = Object.entries(outputs).filter(([, tensor]) => tensor.location === 'gpu-buffer');
  if (onGpu.length === 0) {
    for (const tensor of Object.values(outputs)) void tensor.data;
    return { ms: now() - t0, gpuMs: null, outputs };
  }
  const t1 = now();
  const copied: Record<string, Tensor> = { ...outputs };
  for (const [name, tensor] of onGpu) copied[name] = new ort.Tensor(tensor.type, (await tensor.getData(true)) as Tensor.DataType, tensor.dims);
  return { ms: now() - t0, gpuMs: t1 - t0, outputs: copied };
}
