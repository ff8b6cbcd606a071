import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { TensorDType, TensorSpec } from '../protocol/tensor';
import { parseJsonText } from '../package/json-text';
import { float32Text } from './float-text';
import { elementCount, fromNumbers, toNumbers, type HostTensor } from './host-tensor';
import { flattenNested } from './input-example';

type Nested = Parameters<typeof flattenNested>[0];

function bad(message: string, hint: string): Result<never> {
  return fail(engineError('bad-input', message, hint));
}

const shapeText = (dims: readonly (number | string)[]): string => `[${dims.join(', ')}]`;

/** Checks a tensor's shape against the spec with its symbolic dimensions resolved; null when it fits. */
export function shapeProblem(spec: TensorSpec, dims: readonly number[], expected: readonly number[]): string | null {
  if (!spec.shape) return null;
  if (dims.length !== spec.shape.length) return `“${spec.name}” has ${dims.length} dimensions ${shapeText(dims)}, but the model expects ${spec.shape.length}: ${shapeText(spec.shape)}.`;
  for (let i = 0; i < dims.length; i++) {
    const d = spec.shape[i];
    if (typeof d === 'number' && d >= 0 && d !== dims[i]) return `“${spec.name}” has size ${dims[i]} in dimension ${i} ${shapeText(dims)}, but the model fixes it at ${d} ${shapeText(spec.shape)}.`;
    if (typeof d === 'string' && expected[i] !== undefined && expected[i] !== dims[i]) {
      return `“${spec.name}” has ${d} = ${dims[i]} ${shapeText(dims)}, but ${d} is set to ${expected[i]} for this run; change ${d} or the data.`;
    }
  }
  return null;
}

function typed(spec: TensorSpec, dims: number[], values: readonly unknown[]): Result<HostTensor> {
  const dtype: TensorDType = spec.dtype === 'unknown' ? 'float32' : spec.dtype;
  if (dtype === 'string') return ok({ dtype, dims, data: values.map(String) });
  const numbers: (number | boolean)[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) numbers.push(v);
    else if (typeof v === 'string' && /^[+-]?(nan|inf|infinity)$/i.test(v.trim())) {
      return bad(`“${spec.name}” holds ${v.trim()} at element ${i}: NaN and ±Infinity cannot be given to a model.`, 'Replace it with a finite number.');
    } else {
      return bad(`“${spec.name}” holds ${JSON.stringify(v)} at element ${i}, but the input is ${dtype}.`, 'Give numbers only (true/false for bool inputs).');
    }
  }
  if (dtype.startsWith('int') || dtype.startsWith('uint')) {
    const fractional = numbers.findIndex((v) => typeof v === 'number' && !Number.isInteger(v));
    if (fractional >= 0) return bad(`“${spec.name}” is ${dtype}, but element ${fractional} is ${String(numbers[fractional])}.`, 'Give whole numbers for integer inputs.');
  }
  if (dtype === 'float16') return bad(`“${spec.name}” is float16, which this form cannot fill from numbers.`, 'Use random values, or export the model with float32 inputs.');
  return ok({ dtype, dims, data: fromNumbers(dtype, numbers) });
}

/** Nested JSON arrays (or `{"inputs": {name: …}}` / `{name: …}`) for one input, checked against its spec. */
export function tensorFromJsonText(text: string, spec: TensorSpec, expected: readonly number[]): Result<HostTensor> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return bad(`The JSON for “${spec.name}” is not valid (${parsed.reason}).`, 'Write nested arrays, e.g. [[1, 2, 3]].');
  let value = parsed.value;
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isRecord(value) && isRecord(value.inputs)) value = value.inputs;
  if (isRecord(value) && spec.name in value) value = value[spec.name];
  const flat = flattenNested(value as Nested);
  if (!flat) return bad(`The JSON for “${spec.name}” is not a rectangular array (its rows differ in length).`, 'Every row needs the same number of values.');
  let dims = flat.dims;
  // One sample given without its batch dimension.
  if (spec.shape && dims.length === spec.shape.length - 1) dims = [1, ...dims];
  const problem = shapeProblem(spec, dims, expected);
  if (problem) return bad(problem, `Give ${elementCount(expected)} values shaped ${shapeText(expected)}.`);
  return typed(spec, dims, flat.values);
}

/** The tensor as nested JSON arrays (for the editor). */
export function tensorToJsonText(tensor: HostTensor): string {
  const values = tensor.dtype === 'string' ? [...(tensor.data as readonly string[])] : tensor.dtype === 'float32' ? toNumbers(tensor.data).map((v) => Number(float32Text(v as number))) : toNumbers(tensor.data);
  const build = (depth: number, offset: number): unknown => {
    if (depth === tensor.dims.length) return values[offset];
    const stride = elementCount(tensor.dims.slice(depth + 1));
    return Array.from({ length: tensor.dims[depth]! }, (_, i) => build(depth + 1, offset + i * stride));
  };
  const nested = tensor.dims.length === 0 ? values[0] : build(0, 0);
  // The innermost arrays on one line each.
  return JSON.stringify(nested, null, 1).replace(/\[\s+([^[\]]*?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`);
}

const NPY_TYPES: Readonly<Record<string, { dtype: TensorDType; bytes: number; read: (v: DataView, o: number) => number | bigint }>> = {
  f4: { dtype: 'float32', bytes: 4, read: (v, o) => v.getFloat32(o, true) },
  f8: { dtype: 'float64', bytes: 8, read: (v, o) => v.getFloat64(o, true) },
  i1: { dtype: 'int8', bytes: 1, read: (v, o) => v.getInt8(o) },
  u1: { dtype: 'uint8', bytes: 1, read: (v, o) => v.getUint8(o) },
  b1: { dtype: 'bool', bytes: 1, read: (v, o) => v.getUint8(o) },
  i2: { dtype: 'int16', bytes: 2, read: (v, o) => v.getInt16(o, true) },
  u2: { dtype: 'uint16', bytes: 2, read: (v, o) => v.getUint16(o, true) },
  i4: { dtype: 'int32', bytes: 4, read: (v, o) => v.getInt32(o, true) },
  u4: { dtype: 'uint32', bytes: 4, read: (v, o) => v.getUint32(o, true) },
  i8: { dtype: 'int64', bytes: 8, read: (v, o) => v.getBigInt64(o, true) },
  u8: { dtype: 'uint64', bytes: 8, read: (v, o) => v.getBigUint64(o, true) },
};

/** Reads a NumPy `.npy` file (format 1.0–3.0, little-endian, C order) as the spec's dtype. */
export function tensorFromNpy(bytes: Uint8Array, spec: TensorSpec, expected: readonly number[]): Result<HostTensor> {
  const hint = 'Save it with numpy.save(path, array) from a C-ordered, little-endian numeric array.';
  if (bytes.length < 10 || bytes[0] !== 0x93 || String.fromCharCode(...bytes.subarray(1, 6)) !== 'NUMPY') return bad('The file is not a NumPy .npy file (no \\x93NUMPY magic).', hint);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6]!;
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const headerStart = major === 1 ? 10 : 12;
  const header = new TextDecoder().decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /'descr':\s*'([<>|=])([a-zA-Z]\d+)'/.exec(header);
  const fortran = /'fortran_order':\s*True/.test(header);
  const shapeMatch = /'shape':\s*\(([^)]*)\)/.exec(header);
  if (!descr || !shapeMatch) return bad('The .npy header could not be read.', hint);
  if (descr[1] === '>') return bad('The .npy file is big-endian.', 'Convert it with array.astype(array.dtype.newbyteorder("<")) and save it again.');
  if (fortran) return bad('The .npy file is in Fortran (column-major) order.', 'Save numpy.ascontiguousarray(array) instead.');
  const kind = NPY_TYPES[descr[2]!];
  if (!kind) return bad(`The .npy element type “${descr[2]}” is not supported.`, 'Use a float, int, uint or bool array.');
  const dims = shapeMatch[1]!.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  const count = elementCount(dims);
  const dataStart = headerStart + headerLength;
  if (bytes.length - dataStart < count * kind.bytes) return bad(`The .npy file is truncated: ${count} values of ${kind.bytes} bytes need ${count * kind.bytes} bytes.`, hint);
  const values: (number | bigint)[] = new Array(count);
  for (let i = 0; i < count; i++) values[i] = kind.read(view, dataStart + i * kind.bytes);
  let shaped = dims;
  if (spec.shape && dims.length === spec.shape.length - 1) shaped = [1, ...dims];
  const problem = shapeProblem(spec, shaped, expected);
  if (problem) return bad(problem, `Save an array of shape (${expected.join(', ')}).`);
  const target: TensorDType = spec.dtype === 'unknown' ? kind.dtype : spec.dtype;
  if (target === 'string' || target === 'float16') return bad(`“${spec.name}” is ${target}; a .npy of ${kind.dtype} cannot fill it.`, hint);
  const plain = values.map((v) => (typeof v === 'bigint' ? Number(v) : v));
  if (plain.some((v) => !Number.isFinite(v))) return bad(`The .npy data for “${spec.name}” holds NaN or ±Infinity.`, 'Replace them with finite numbers.');
  return ok({ dtype: target, dims: shaped, data: target === kind.dtype && (target === 'int64' || target === 'uint64') ? (target === 'int64' ? BigInt64Array.from(values as bigint[]) : BigUint64Array.from(values as bigint[])) : fromNumbers(target, plain) });
}
