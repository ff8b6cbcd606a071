import { ONNX_DATA_TYPE } from '../package/onnx-data-type';
import type { TensorDType } from '../protocol/tensor';

type TypedArrayConstructor =
  | Float32ArrayConstructor
  | Float64ArrayConstructor
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor;

export type ElementKind = 'float' | 'int' | 'uint' | 'bool' | 'string';

/** One element type as onnxruntime-web, ONNX and NumPy name it. */
export interface ElementType {
  readonly dtype: TensorDType;
  readonly kind: ElementKind;
  /** Bytes per element (0 for strings, whose size varies). */
  readonly bytes: number;
  /** TensorProto.DataType. */
  readonly onnx: number;
  /** NumPy's type code without the byte order: `f4`, `b1`, `U` (width follows for strings). */
  readonly numpy: string;
  /** The typed array that holds it in memory (float16: its raw 16-bit patterns); null for strings. */
  readonly array: TypedArrayConstructor | null;
  /** Whether elements are `bigint` in memory (int64, uint64). */
  readonly bigint: boolean;
}

const entry = (dtype: TensorDType, kind: ElementKind, bytes: number, onnx: number, numpy: string, array: TypedArrayConstructor | null): ElementType =>
  Object.freeze({ dtype, kind, bytes, onnx, numpy, array, bigint: array === BigInt64Array || array === BigUint64Array });

/** Every element type onnxruntime-web accepts as a tensor input or output. */
export const ELEMENT_TYPES: Readonly<Record<TensorDType, ElementType>> = Object.freeze({
  float32: entry('float32', 'float', 4, ONNX_DATA_TYPE.FLOAT, 'f4', Float32Array),
  float64: entry('float64', 'float', 8, ONNX_DATA_TYPE.DOUBLE, 'f8', Float64Array),
  float16: entry('float16', 'float', 2, ONNX_DATA_TYPE.FLOAT16, 'f2', Uint16Array),
  int8: entry('int8', 'int', 1, ONNX_DATA_TYPE.INT8, 'i1', Int8Array),
  int16: entry('int16', 'int', 2, ONNX_DATA_TYPE.INT16, 'i2', Int16Array),
  int32: entry('int32', 'int', 4, ONNX_DATA_TYPE.INT32, 'i4', Int32Array),
  int64: entry('int64', 'int', 8, ONNX_DATA_TYPE.INT64, 'i8', BigInt64Array),
  uint8: entry('uint8', 'uint', 1, ONNX_DATA_TYPE.UINT8, 'u1', Uint8Array),
  uint16: entry('uint16', 'uint', 2, ONNX_DATA_TYPE.UINT16, 'u2', Uint16Array),
  uint32: entry('uint32', 'uint', 4, ONNX_DATA_TYPE.UINT32, 'u4', Uint32Array),
  uint64: entry('uint64', 'uint', 8, ONNX_DATA_TYPE.UINT64, 'u8', BigUint64Array),
  bool: entry('bool', 'bool', 1, ONNX_DATA_TYPE.BOOL, 'b1', Uint8Array),
  string: entry('string', 'string', 0, ONNX_DATA_TYPE.STRING, 'U', null),
});

const ALL: readonly ElementType[] = Object.values(ELEMENT_TYPES);

/** The element type of a TensorProto.DataType code; null for types onnxruntime-web cannot hand to JavaScript (bfloat16, float8, complex…). */
export function elementTypeOfOnnx(code: number): ElementType | null {
  return ALL.find((t) => t.onnx === code) ?? null;
}

/** The name ONNX gives a TensorProto.DataType code (`BFLOAT16`), for messages about types we cannot read. */
export function onnxTypeName(code: number): string {
  return Object.entries(ONNX_DATA_TYPE).find(([, c]) => c === code)?.[0] ?? `type ${code}`;
}

/**
 * The element type of a NumPy type code without its byte order (`f4`, `i8`, `b1`, `U7`, `S3`);
 * strings (`U`, `S`) of any width are `string`. Null for the others (complex, object, datetime…).
 */
export function elementTypeOfNumpy(code: string): ElementType | null {
  if (/^[US]\d*$/.test(code)) return ELEMENT_TYPES.string;
  if (code === '?') return ELEMENT_TYPES.bool;
  return ALL.find((t) => t.numpy === code) ?? null;
}

/** NumPy's `descr` for a dtype: `<f4`, `|u1`, `|b1`, `<U5` (strings need their widest length in characters). */
export function numpyDescr(dtype: TensorDType, stringWidth = 1): string {
  const t = ELEMENT_TYPES[dtype];
  if (t.kind === 'string') return `<U${Math.max(1, stringWidth)}`;
  return `${t.bytes === 1 ? '|' : '<'}${t.numpy}`;
}
