import { describeThrown, ok, type Result } from '../protocol/engine-error';
import type { TensorDType } from '../protocol/tensor';
import { ONNX_DATA_TYPE, tensorProtoType } from '../package/onnx-schema';
import { elementCount, type HostTensor, type NumericArray } from '../schema/host-tensor';
import { ELEMENT_TYPES, elementTypeOfOnnx, onnxTypeName } from './element-type';
import { TENSOR_LIMITS } from './limits';
import { numericFromBytes, numericToBytes } from './tensor-bytes';
import { badFile, shapeText } from './tensor-error';

/**
 * ONNX `TensorProto` files (`input_0.pb`, `output_0.pb` of ONNX's backend tests and the
 * Model Zoo's test_data_set folders): raw_data (little-endian) or the typed fields.
 */

// protobufjs gives int64 fields as Long objects (the `long` package), else numbers or strings.
type Int64 = number | string | { low: number; high: number; unsigned?: boolean };

interface RawTensorProto {
  dims?: Int64[];
  dataType?: number;
  name?: string;
  segment?: unknown;
  dataLocation?: number;
  rawData?: Uint8Array;
  floatData?: number[];
  int32Data?: number[];
  stringData?: Uint8Array[];
  int64Data?: Int64[];
  doubleData?: number[];
  uint64Data?: Int64[];
}

/** An int64 field's exact value (`unsigned` for uint64 fields). */
export function int64Value(value: Int64, unsigned: boolean): bigint {
  if (typeof value === 'number' || typeof value === 'string') return BigInt(value);
  const high = unsigned ? BigInt(value.high >>> 0) : BigInt(value.high);
  return (high << 32n) | BigInt(value.low >>> 0);
}

const HINT = 'Write it with onnx.numpy_helper.from_array(array, name) and tensor.SerializeToString().';

export interface NamedTensor {
  /** The tensor's `name` field; null when empty (matched by position). */
  readonly name: string | null;
  readonly tensor: HostTensor;
}

type Field = 'floatData' | 'int32Data' | 'int64Data' | 'doubleData' | 'uint64Data' | 'stringData';

/** The typed field each element type is stored in when there is no raw_data (onnx.proto's comments). */
const FIELD: Readonly<Record<TensorDType, Field>> = {
  float32: 'floatData',
  float64: 'doubleData',
  float16: 'int32Data',
  int8: 'int32Data',
  int16: 'int32Data',
  int32: 'int32Data',
  uint8: 'int32Data',
  uint16: 'int32Data',
  bool: 'int32Data',
  int64: 'int64Data',
  uint32: 'uint64Data',
  uint64: 'uint64Data',
  string: 'stringData',
};

function typedValues(dtype: TensorDType, raw: RawTensorProto, count: number): HostTensor['data'] {
  const field = FIELD[dtype];
  if (dtype === 'string') {
    const decoder = new TextDecoder('utf-8');
    return (raw.stringData ?? []).map((b) => decoder.decode(b));
  }
  const values = (raw[field] ?? []) as (number | Int64)[];
  const out = new ELEMENT_TYPES[dtype].array!(Math.min(values.length, count)) as NumericArray;
  const unsigned = dtype === 'uint64' || dtype === 'uint32';
  for (let i = 0; i < out.length; i++) {
    const v = values[i]!;
    if (out instanceof BigInt64Array || out instanceof BigUint64Array) out[i] = int64Value(v as Int64, unsigned);
    else if (field === 'uint64Data') out[i] = Number(int64Value(v as Int64, true));
    // float16 bits (and int8…uint16, bool) travel in int32_data.
    else out[i] = dtype === 'bool' ? (v ? 1 : 0) : (v as number);
  }
  return out;
}

/** Reads one serialized TensorProto. */
export function decodeTensorProto(bytes: Uint8Array, file: string): Result<NamedTensor> {
  let raw: RawTensorProto;
  try {
    raw = tensorProtoType.decode(bytes) as unknown as RawTensorProto;
  } catch (thrown) {
    return badFile(file, `“${file}” is not an ONNX TensorProto (${describeThrown(thrown)}).`, HINT);
  }
  const code = raw.dataType ?? 0;
  if (code === ONNX_DATA_TYPE.UNDEFINED) return badFile(file, `“${file}” is not an ONNX TensorProto: it names no element type.`, HINT);
  const type = elementTypeOfOnnx(code);
  if (!type) return badFile(file, `“${file}” holds ${onnxTypeName(code)} values, which onnxruntime-web cannot take from JavaScript.`, 'Convert the tensor to float32 (or another type onnxruntime-web supports) and write it again.');
  if (raw.segment) return badFile(file, `“${file}” is one segment of a larger tensor, which this reader does not join.`, HINT);
  if (raw.dataLocation === 1) return badFile(file, `“${file}” keeps its values in an external file.`, 'Write the tensor with its values inside (numpy_helper.from_array).');
  const dims = (raw.dims ?? []).map((d) => int64Value(d, false));
  if (dims.some((d) => d < 0n || d > BigInt(TENSOR_LIMITS.maxElements))) return badFile(file, `“${file}” has an impossible shape [${dims.join(', ')}].`, HINT);
  const shape = dims.map(Number);
  if (shape.length > TENSOR_LIMITS.maxRank) return badFile(file, `“${file}” has ${shape.length} dimensions, more than the ${TENSOR_LIMITS.maxRank} this reader takes.`, HINT);
  const count = elementCount(shape);
  if (count > TENSOR_LIMITS.maxElements) return badFile(file, `“${file}” holds ${count.toLocaleString('en-US')} values ${shapeText(shape)}, more than one tensor may have here.`, 'Use a smaller tensor.');
  const name = raw.name ? raw.name : null;
  const dtype = type.dtype;
  if (raw.rawData && raw.rawData.length > 0) {
    if (dtype === 'string') return badFile(file, `“${file}” is a string tensor with raw_data, which ONNX does not allow.`, HINT);
    const needed = count * type.bytes;
    if (raw.rawData.length !== needed) {
      return badFile(file, `“${file}” holds ${raw.rawData.length} bytes of ${dtype} data, but its shape ${shapeText(shape)} needs ${needed}.`, 'The file is damaged or was cut short: write it again.');
    }
    return ok({ name, tensor: { dtype, dims: shape, data: numericFromBytes(dtype, raw.rawData, count, true) } });
  }
  const field = FIELD[dtype];
  const found = (raw[field] ?? []).length;
  if (found !== count) {
    return badFile(file, `“${file}” holds ${found} ${dtype} values in ${field.replace('Data', '_data')}, but its shape ${shapeText(shape)} needs ${count}.`, 'The file is damaged or was cut short: write it again.');
  }
  return ok({ name, tensor: { dtype, dims: shape, data: typedValues(dtype, raw, count) } });
}

/** Writes a tensor as a TensorProto (numeric values in raw_data, strings in string_data), as onnx.numpy_helper does. */
export function encodeTensorProto(name: string, tensor: HostTensor): Uint8Array {
  const type = ELEMENT_TYPES[tensor.dtype];
  const payload =
    tensor.dtype === 'string'
      ? { stringData: (tensor.data as readonly string[]).map((s) => new TextEncoder().encode(s)) }
      : { rawData: numericToBytes(tensor.data as NumericArray) };
  return tensorProtoType.encode(tensorProtoType.fromObject({ name, dims: [...tensor.dims], dataType: type.onnx, ...payload })).finish();
}
