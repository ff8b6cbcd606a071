/** Every failure the user can see: what is wrong, and what to do about it. */
export interface EngineError {
  readonly code: EngineErrorCode;
  readonly message: string;
  readonly hint: string;
}

export type EngineErrorCode =
  | 'empty-file'
  | 'not-onnx'
  | 'truncated-model'
  | 'not-runnable-format'
  | 'no-model-in-package'
  | 'several-models'
  | 'bad-zip'
  | 'package-too-large'
  | 'missing-external-data'
  | 'package-inconsistent'
  | 'library-invalid'
  | 'library-conflict'
  | 'library-full'
  | 'cancelled'
  | 'storage-failed'
  | 'clipboard-failed'
  | 'bad-metadata'
  | 'bad-mlmodel'
  | 'bad-input-example'
  | 'fetch-failed'
  | 'session-failed'
  | 'run-failed'
  | 'bad-input'
  | 'backend-unavailable'
  | 'worker-died'
  | 'unknown-session'
  /** A tensor file (JSON, .npy, .npz, .pb, archive) that cannot be read. */
  | 'bad-tensor-file'
  /** Tensors that were read but do not fit the model's inputs (missing, extra, dtype, shape). */
  | 'input-mismatch'
  /** A Run whose inputs, outputs and largest step cannot fit onnxruntime-web's WebAssembly heap: refused before it starts. */
  | 'too-large-for-memory'
  /** A Run whose estimate exceeds that heap while its floor does not: held back until the user runs it anyway. */
  | 'may-not-fit-memory';

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EngineError };

export function engineError(code: EngineErrorCode, message: string, hint: string): EngineError {
  return { code, message, hint };
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: EngineError): Result<T> {
  return { ok: false, error };
}

/** Text of an unknown thrown value, for messages. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  return String(thrown);
}
