/** Element types as onnxruntime names them (`Tensor.type`). */
export const TENSOR_DTYPES = [
  'float32',
  'float64',
  'float16',
  'int8',
  'uint8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'uint64',
  'bool',
  'string',
] as const;

export type TensorDType = (typeof TENSOR_DTYPES)[number];

/** A dimension is a size, or the name of a symbolic dimension such as `batch`. */
export type Dim = number | string;

export interface TensorSpec {
  readonly name: string;
  readonly dtype: TensorDType | 'unknown';
  /** `null` when the model does not declare a shape at all. */
  readonly shape: readonly Dim[] | null;
}

/**
 * A CPU tensor as it crosses the worker boundary. Numeric data travels as
 * the raw bytes of its typed array so that it can be transferred, not copied.
 */
export interface TensorPayload {
  readonly dtype: TensorDType;
  readonly dims: readonly number[];
  readonly data: ArrayBuffer | readonly string[];
}

export function isTensorDType(value: string): value is TensorDType {
  return (TENSOR_DTYPES as readonly string[]).includes(value);
}

/**
 * The name of a dimension that the model leaves with neither a name nor a size: its own per
 * input and axis (`state[1]`), so that setting one never sets another input's.
 */
export function unnamedDim(input: string, axis: number): string {
  return `${input}[${axis}]`;
}

/** Whether a symbolic dimension's name was made by `unnamedDim` (onnxruntime knows no such name). */
export function isUnnamedDim(name: string): boolean {
  return /\[\d+\]$/.test(name);
}
