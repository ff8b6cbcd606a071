import { engineError, fail, type EngineError, type Result } from '../protocol/engine-error';

/** A failure to read tensors, with what the UI needs to point at the culprit. */
export interface TensorError extends EngineError {
  readonly code: 'bad-tensor-file' | 'input-mismatch' | 'package-too-large';
  /** The model input (or output) concerned, when there is one. */
  readonly input?: string;
  /** The file (and entry) it came from. */
  readonly file?: string;
  /** What the model wants, in words: `int64 [batch, seq]`. */
  readonly expected?: string;
  /** What the file holds, in words: `float64 [1, 3]`. */
  readonly found?: string;
}

type Details = Partial<Pick<TensorError, 'input' | 'file' | 'expected' | 'found'>>;

export function badFile(file: string, message: string, hint: string): Result<never> {
  return fail<never>({ ...engineError('bad-tensor-file', message, hint), file } as TensorError);
}

export function mismatch(message: string, hint: string, details: Details = {}): Result<never> {
  const clean = Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined));
  return fail<never>({ ...engineError('input-mismatch', message, hint), ...clean } as TensorError);
}

/** `[2, state[1], 128]`, `[]` for a scalar, `[?]` for an unknown shape. */
export const shapeText = (dims: readonly (number | string)[] | null): string => (dims === null ? '[?]' : `[${dims.join(', ')}]`);

/** A file's name in quotes, or a description as it is (`the JSON` typed in an editor). */
export const fileText = (file: string): string => (file.startsWith('the ') ? file : `“${file}”`);
