/**
 * IEEE 754 half precision (float16) to and from JavaScript numbers.
 *
 * onnxruntime-web hands float16 tensors over as their raw 16-bit patterns in a
 * Uint16Array (or as a Float16Array where the platform has one: the same bytes),
 * and that is how the app keeps them (`HostTensor.data`). Numbers the user types
 * must be encoded, and values shown must be decoded, here and nowhere else.
 *
 * The platform's Float16Array does both in native code where it exists (Chromium
 * 135+); the functions below are the exact fallback (Node 20 has none) and agree
 * with it bit for bit: round to nearest, ties to even, from the full float64 value.
 */

interface Float16ArrayLike extends ArrayLike<number> {
  readonly buffer: ArrayBuffer;
}
interface Float16ArrayConstructorLike {
  new (buffer: ArrayBuffer, byteOffset?: number, length?: number): Float16ArrayLike;
  from(values: ArrayLike<number>): Float16ArrayLike;
}

/** The platform's Float16Array, when there is one. */
export function platformFloat16Array(): Float16ArrayConstructorLike | null {
  const candidate = (globalThis as { Float16Array?: Float16ArrayConstructorLike }).Float16Array;
  return typeof candidate === 'function' ? candidate : null;
}

const MIN_NORMAL = 2 ** -14;
/** Half of the gap above the largest half (65504): from here on, values round to infinity. */
const OVERFLOW = 65520;

function roundHalfEven(q: number): number {
  const floor = Math.floor(q);
  const rest = q - floor;
  if (rest > 0.5) return floor + 1;
  if (rest < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** The float16 bit pattern nearest to a number (ties to even); NaN becomes the quiet NaN 0x7e00. */
export function halfBitsOf(value: number): number {
  if (Number.isNaN(value)) return 0x7e00;
  const sign = value < 0 || Object.is(value, -0) ? 0x8000 : 0;
  const a = Math.abs(value);
  if (a >= OVERFLOW) return sign | 0x7c00;
  // Subnormals (and zero) are multiples of 2^-24; a result of 1024 is the smallest normal, which the bits spell the same way.
  if (a < MIN_NORMAL) return sign | roundHalfEven(a * 2 ** 24);
  let exponent = Math.floor(Math.log2(a));
  // log2 may be off by one next to a power of two.
  if (2 ** exponent > a) exponent -= 1;
  else if (2 ** (exponent + 1) <= a) exponent += 1;
  // Exact: scaling by a power of two, then subtracting 1 from a value in [1, 2).
  const mantissa = roundHalfEven((a / 2 ** exponent - 1) * 1024);
  // `+`: a mantissa rounded up to 1024 carries into the exponent.
  return sign | (((exponent + 15) << 10) + mantissa);
}

/** The number a float16 bit pattern stands for. */
export function numberOfHalfBits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

/** Numbers to float16 bit patterns (the platform's Float16Array when present). */
export function encodeHalf(values: ArrayLike<number>, native = platformFloat16Array()): Uint16Array {
  if (native) {
    const halves = native.from(values);
    return new Uint16Array(halves.buffer, 0, values.length);
  }
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = halfBitsOf(values[i]!);
  return out;
}

/** float16 bit patterns to numbers; every float16 value is exact in a Float32Array. */
export function decodeHalf(bits: Uint16Array, native = platformFloat16Array()): Float32Array {
  if (native) return Float32Array.from(new native(bits.buffer as ArrayBuffer, bits.byteOffset, bits.length));
  const out = new Float32Array(bits.length);
  for (let i = 0; i < bits.length; i++) out[i] = numberOfHalfBits(bits[i]!);
  return out;
}
