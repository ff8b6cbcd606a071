import type { Dim, TensorDType, TensorPayload, TensorSpec } from '../protocol/tensor';
import { decodeHalf, encodeHalf } from '../tensors/float16';

export type NumericArray =
  | Float32Array
  | Float64Array
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array;

/** A tensor on the page or in the CLI: typed data plus its shape. */
export interface HostTensor {
  readonly dtype: TensorDType;
  readonly dims: readonly number[];
  readonly data: NumericArray | readonly string[];
}

type NumericDType = Exclude<TensorDType, 'string'>;

const ARRAY_TYPES = {
  float32: Float32Array,
  float64: Float64Array,
  // float16 travels as its raw 16-bit patterns.
  float16: Uint16Array,
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  bool: Uint8Array,
} as const satisfies Record<NumericDType, unknown>;

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((n, d) => n * d, 1);
}

export function allocate(dtype: NumericDType, length: number): NumericArray {
  return new ARRAY_TYPES[dtype](length);
}

export function fromBuffer(dtype: NumericDType, buffer: ArrayBuffer): NumericArray {
  return new ARRAY_TYPES[dtype](buffer);
}

/** Fills a typed array from plain numbers (or booleans), converting to bigint where the dtype needs it and to half-float bits for float16. */
export function fromNumbers(dtype: NumericDType, values: readonly (number | boolean)[]): NumericArray {
  if (dtype === 'float16') return encodeHalf(values.map(Number));
  const out = allocate(dtype, values.length);
  if (out instanceof BigInt64Array || out instanceof BigUint64Array) {
    values.forEach((v, i) => (out[i] = BigInt(Math.trunc(Number(v)))));
  } else {
    values.forEach((v, i) => (out[i] = Number(v)));
  }
  return out;
}

/** The values of a tensor as the user should see them: float16 decoded, int64/uint64 exact (bigint), bool as 0/1. */
export function tensorValues(tensor: HostTensor, limit = Infinity): (number | bigint | string)[] {
  const n = Math.min(tensor.data.length, limit);
  if (tensor.dtype === 'string') return (tensor.data as readonly string[]).slice(0, n);
  const data = tensor.dtype === 'float16' ? decodeHalf((tensor.data as Uint16Array).subarray(0, n)) : (tensor.data as NumericArray).subarray(0, n);
  return Array.from(data as ArrayLike<number | bigint>);
}

/** Sizes for a spec's shape: symbolic or unknown dimensions take the chosen value (default 1). */
export function resolveDims(shape: readonly Dim[] | null, chosen: Readonly<Record<string, number>> = {}): number[] {
  if (shape === null) return [1];
  return shape.map((d) => (typeof d === 'number' && d >= 0 ? d : (chosen[String(d)] ?? 1)));
}

export function symbolicDims(specs: readonly TensorSpec[]): string[] {
  const names = new Set<string>();
  for (const spec of specs) for (const d of spec.shape ?? []) if (typeof d === 'string') names.add(d);
  return [...names];
}

/** A small seeded generator (mulberry32) so that "random inputs" are the same run after run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The integers `drawRandom` gives when the caller knows no better: small enough for any embedding of 10 or more rows. */
export const SMALL_INTEGERS: Readonly<{ min: number; max: number }> = { min: 0, max: 9 };

/**
 * Draws random values into `data[from, to)`: floats in [0, 1), integers uniform in `ints`
 * (inclusive; 0–9 unless given, e.g. token ids within a known vocabulary), booleans, short
 * strings. One `random()` per element, in order, so that filling a tensor in several ranges
 * gives the same values as filling it at once.
 */
export function drawRandom(dtype: TensorDType, data: NumericArray | string[], from: number, to: number, random: () => number, ints: Readonly<{ min: number; max: number }> = SMALL_INTEGERS): void {
  if (dtype === 'string') {
    const out = data as string[];
    for (let i = from; i < to; i++) out[i] = `s${Math.floor(random() * 10)}`;
    return;
  }
  if (dtype === 'float16') {
    const drawn = new Float64Array(to - from);
    for (let i = 0; i < drawn.length; i++) drawn[i] = random();
    (data as Uint16Array).set(encodeHalf(drawn), from);
    return;
  }
  const span = ints.max - ints.min + 1;
  const draw = dtype === 'bool' ? () => (random() < 0.5 ? 0 : 1) : dtype.startsWith('float') ? random : () => ints.min + Math.floor(random() * span);
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    for (let i = from; i < to; i++) data[i] = BigInt(draw());
  } else {
    const out = data as Float64Array;
    for (let i = from; i < to; i++) out[i] = draw();
  }
}

/** Random values of the right dtype (see `drawRandom`). */
export function randomTensor(dtype: TensorDType, dims: readonly number[], random: () => number): HostTensor {
  const n = elementCount(dims);
  const data = dtype === 'string' ? new Array<string>(n) : allocate(dtype, n);
  drawRandom(dtype, data, 0, n, random);
  return { dtype, dims, data };
}

/** The bytes that cross the worker boundary (transferable), and back. */
export function toPayload(tensor: HostTensor): TensorPayload {
  if (tensor.dtype === 'string') return { dtype: 'string', dims: tensor.dims, data: [...(tensor.data as readonly string[])] };
  // Always a copy: the payload's buffer is transferred, and the caller keeps its tensor intact.
  return { dtype: tensor.dtype, dims: tensor.dims, data: (tensor.data as NumericArray).slice().buffer as ArrayBuffer };
}

/**
 * The payload of a tensor its owner hands over: a numeric tensor that spans its whole buffer
 * sends that buffer as it is (transferred, so the tensor is unusable afterwards), with no copy.
 */
export function handOverPayload(tensor: HostTensor): TensorPayload {
  const data = tensor.data;
  if (ArrayBuffer.isView(data) && data.byteOffset === 0 && data.buffer instanceof ArrayBuffer && data.byteLength === data.buffer.byteLength) {
    return { dtype: tensor.dtype, dims: tensor.dims, data: data.buffer };
  }
  return toPayload(tensor);
}

export function fromPayload(payload: TensorPayload): HostTensor {
  if (payload.dtype === 'string' || Array.isArray(payload.data)) return { dtype: payload.dtype, dims: payload.dims, data: payload.data as readonly string[] };
  return { dtype: payload.dtype, dims: payload.dims, data: fromBuffer(payload.dtype, payload.data as ArrayBuffer) };
}

export function transferablesOf(payloads: Iterable<TensorPayload>): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const p of payloads) if (p.data instanceof ArrayBuffer && !out.includes(p.data)) out.push(p.data);
  return out;
}
