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
