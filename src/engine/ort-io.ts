import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { LoadRequest, LoadResult } from '../core/protocol/engine-api';
import type { EngineError, Result } from '../core/protocol/engine-error';
import { isTensorDType, type TensorPayload } from '../core/protocol/tensor';
import { fromBuffer } from '../core/schema/host-tensor';
import type { OrtRuntime } from './ort-runtime';

/** A session and the outputs to fetch on every run (null: all; set when some outputs cannot reach JavaScript). */
export interface LoadedSession {
  readonly session: InferenceSession;
  readonly fetches: readonly string[] | null;
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

/** An output → a payload for the page. A copy: the output may be a view on memory the runtime reuses. */
export function payloadOf(tensor: Tensor): TensorPayload {
  const type = tensor.type;
  if (!isTensorDType(type)) throw new Error(`output of unsupported type ${type}`);
  if (type === 'string') return { dtype: type, dims: [...tensor.dims], data: [...(tensor.data as string[])] };
  const data = (tensor.data as Exclude<Tensor.DataType, string[]>).slice();
  return { dtype: type, dims: [...tensor.dims], data: data.buffer as ArrayBuffer };
}

/**
 * One `session.run` between two clock reads, with each output's data touched so that it
 * is in JavaScript memory (on WebGPU the read-back is inside the time). The one timed run
 * of the engine: `run`, the benchmark and the profile all go through it.
 */
export async function timedRun(loaded: LoadedSession, feeds: Record<string, Tensor>, now: () => number): Promise<{ ms: number; outputs: InferenceSession.ReturnType }> {
  const t0 = now();
  const outputs = loaded.fetches ? await loaded.session.run(feeds, [...loaded.fetches]) : await loaded.session.run(feeds);
  for (const tensor of Object.values(outputs)) void tensor.data;
  return { ms: now() - t0, outputs };
}
