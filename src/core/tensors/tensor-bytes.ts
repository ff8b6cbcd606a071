import type { TensorDType } from '../protocol/tensor';
import type { NumericArray } from '../schema/host-tensor';
import { ELEMENT_TYPES } from './element-type';

type NumericDType = Exclude<TensorDType, 'string'>;

const PLATFORM_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

type Getter = (view: DataView, offset: number, little: boolean) => number | bigint;
const GETTERS: Readonly<Record<number, Record<'float' | 'int' | 'uint' | 'bool', Getter | undefined>>> = {
  1: { float: undefined, int: (v, o) => v.getInt8(o), uint: (v, o) => v.getUint8(o), bool: (v, o) => v.getUint8(o) },
  2: { float: (v, o, l) => v.getUint16(o, l), int: (v, o, l) => v.getInt16(o, l), uint: (v, o, l) => v.getUint16(o, l), bool: undefined },
  4: { float: (v, o, l) => v.getFloat32(o, l), int: (v, o, l) => v.getInt32(o, l), uint: (v, o, l) => v.getUint32(o, l), bool: undefined },
  8: { float: (v, o, l) => v.getFloat64(o, l), int: (v, o, l) => v.getBigInt64(o, l), uint: (v, o, l) => v.getBigUint64(o, l), bool: undefined },
};

/**
 * `count` elements of `dtype` from bytes in the given byte order, into a fresh, aligned typed
 * array (float16 as its bits, bool as 0/1 bytes). The caller has checked that the bytes suffice.
 */
export function numericFromBytes(dtype: NumericDType, bytes: Uint8Array, count: number, littleEndian = true): NumericArray {
  const type = ELEMENT_TYPES[dtype];
  const Array = type.array!;
  const length = count * type.bytes;
  if (littleEndian === PLATFORM_LITTLE_ENDIAN || type.bytes === 1) {
    // A copy into a buffer of its own (Node's Buffer#slice would be a view on a shared pool).
    const copy = new Uint8Array(length);
    copy.set(bytes.subarray(0, length));
    const out = new Array(copy.buffer) as NumericArray;
    if (dtype === 'bool') for (let i = 0; i < out.length; i++) out[i] = out[i] ? 1 : 0;
    return out;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, length);
  const get = GETTERS[type.bytes]![type.kind as 'float' | 'int' | 'uint']!;
  const out = new Array(count) as NumericArray;
  for (let i = 0; i < count; i++) (out as unknown as (number | bigint)[])[i] = get(view, i * type.bytes, littleEndian);
  return out;
}

/** The little-endian bytes of numeric data (ONNX raw_data, .npy with `<`). */
export function numericToBytes(data: NumericArray): Uint8Array {
  const copy = new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  if (PLATFORM_LITTLE_ENDIAN || data.BYTES_PER_ELEMENT === 1) return copy;
  for (let i = 0; i < copy.length; i += data.BYTES_PER_ELEMENT) copy.subarray(i, i + data.BYTES_PER_ELEMENT).reverse();
  return copy;
}
