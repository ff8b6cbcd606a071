import { ok, type Result } from '../protocol/engine-error';
import type { TensorDType } from '../protocol/tensor';
import { FLOAT16_MAX, FLOAT32_MAX } from '../schema/feed-limits';
import { tensorValues, type HostTensor, type NumericArray } from '../schema/host-tensor';
import { ELEMENT_TYPES } from './element-type';
import { encodeHalf, halfBitsOf, numberOfHalfBits } from './float16';
import type { LooseValue } from './found-tensor';
import { InexactNumber } from './json-number';
import { mismatch, type TensorError } from './tensor-error';

/**
 * Element values into a dtype, exactly or not at all: a value the dtype cannot hold is an
 * error naming the element, never a silent rounding or wrap-around.
 * - floats take numbers (rounded to the width: what float32 means, but never to ±Infinity),
 *   integers, booleans (0/1), and the strings "NaN", "Infinity", "-Infinity" (also "inf", "nan")
 *   or decimal text; NaN and infinities given as such (or held by a float file) stay as they are;
 * - integers take whole numbers within range, bigints, and decimal digits as strings (exact
 *   beyond 2^53); a number beyond 2^53 has already been rounded by a double and is refused, and
 *   so is a JSON fraction a double rounds to a whole number (0.99999999999999999);
 * - bool takes true/false and 0/1; string takes strings only.
 */

const RANGES: Readonly<Partial<Record<TensorDType, readonly [bigint, bigint]>>> = {
  int8: [-128n, 127n],
  int16: [-32768n, 32767n],
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  uint8: [0n, 255n],
  uint16: [0n, 65535n],
  uint32: [0n, 2n ** 32n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** The largest finite value of each float type (the row validator's, feed-limits.ts): past it, rounding gives ±Infinity. */
const FLOAT_MAX: Readonly<Partial<Record<TensorDType, number>>> = { float16: FLOAT16_MAX, float32: FLOAT32_MAX, float64: Number.MAX_VALUE };

const NON_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DIGITS = /^[+-]?\d+$/;

const show = (v: LooseValue): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));

export interface ConvertContext {
  /** The input's name, for messages. */
  readonly input: string;
  readonly source: string;
  /** What the model wants (`int64 [batch, seq]`), for the error's details. */
  readonly expected: string;
}

type Element = number | bigint | string;

function elementProblem(ctx: ConvertContext, dtype: TensorDType, index: number, value: LooseValue, why: string, hint: string): Result<never> {
  return mismatch(`“${ctx.input}” is ${dtype}, but element ${index} in ${ctx.source} is ${show(value)}${why}.`, hint, {
    input: ctx.input,
    file: ctx.source,
    expected: ctx.expected,
    found: `${show(value)} at element ${index}`,
  });
}

function toFloat(v: LooseValue): number | null {
  if (typeof v === 'number') return v;
  if (v instanceof InexactNumber) return v.value;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    const t = v.trim();
    if (NON_FINITE.test(t)) return /nan/i.test(t) ? NaN : t.startsWith('-') ? -Infinity : Infinity;
    if (DECIMAL.test(t)) return Number(t);
  }
  return null;
}

/** Whether a NaN or infinity is the value given (a float file's, the string "Infinity"), not a finite one too large for a double (1e400). */
const givenNonFinite = (v: LooseValue): boolean => typeof v === 'number' || (typeof v === 'string' && NON_FINITE.test(v.trim()));

/** Whether a finite double becomes ±Infinity once rounded to `dtype` (float32 past 3.4028234663852886e38, float16 past 65504). */
function overflows(dtype: TensorDType, f: number): boolean {
  if (!Number.isFinite(f)) return false;
  if (dtype === 'float32') return !Number.isFinite(Math.fround(f));
  if (dtype === 'float16') return !Number.isFinite(numberOfHalfBits(halfBitsOf(f)));
  return false;
}

function toInteger(v: LooseValue): bigint | 'fraction' | 'unsafe' | null {
  if (typeof v === 'bigint') return v;
  // The double rounded the literal: its text says whether it was whole.
  if (v instanceof InexactNumber) return v.whole ? 'unsafe' : 'fraction';
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) return Number.isFinite(v) || Number.isNaN(v) ? 'fraction' : null;
    return Number.isSafeInteger(v) ? BigInt(v) : 'unsafe';
  }
  if (typeof v === 'string' && DIGITS.test(v.trim())) return BigInt(v.trim());
  return null;
}

/** Loose values (JSON) into a typed array of `dtype`. */
export function convertValues(values: readonly LooseValue[], dtype: TensorDType, ctx: ConvertContext): Result<HostTensor['data']> {
  const type = ELEMENT_TYPES[dtype];
  if (type.kind === 'string') {
    const bad = values.findIndex((v) => typeof v !== 'string');
    const what = (v: LooseValue): string => (v === null ? 'null' : v instanceof InexactNumber ? 'a number' : `a ${typeof v}`);
    if (bad >= 0) return elementProblem(ctx, dtype, bad, values[bad]!, ` (${what(values[bad]!)})`, 'Give strings, in quotes.');
    return ok(values as string[]);
  }
  if (type.kind === 'float') {
    const numbers = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const f = toFloat(values[i]!);
      if (f === null) return elementProblem(ctx, dtype, i, values[i]!, '', 'Give numbers (NaN and infinities as the strings "NaN", "Infinity", "-Infinity").');
      const v = values[i]!;
      const max = FLOAT_MAX[dtype]!;
      if ((!Number.isFinite(f) && !Number.isNaN(f) && !givenNonFinite(v)) || overflows(dtype, f)) {
        return elementProblem(ctx, dtype, i, v, `, beyond ${dtype}’s largest finite value ±${max}: it would become ${f < 0 ? '−' : ''}Infinity`, `Give values within ±${max} (an infinity meant as one is written "Infinity", numpy.inf in a file).`);
      }
      numbers[i] = f;
    }
    if (dtype === 'float16') return ok(encodeHalf(numbers));
    return ok(dtype === 'float32' ? Float32Array.from(numbers) : numbers);
  }
  if (type.kind === 'bool') {
    const out = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      const b = typeof v === 'string' ? v.trim().toLowerCase() : v;
      if (b === true || b === 1 || b === 1n || b === 'true') out[i] = 1;
      else if (b === false || b === 0 || b === 0n || b === 'false') out[i] = 0;
      else return elementProblem(ctx, dtype, i, v, '', 'Give true/false (or 1/0).');
    }
    return ok(out);
  }
  const [min, max] = RANGES[dtype]!;
  const out = new type.array!(values.length) as NumericArray;
  for (let i = 0; i < values.length; i++) {
    const n = toInteger(values[i]!);
    if (n === 'fraction') return elementProblem(ctx, dtype, i, values[i]!, ', not a whole number', 'Give whole numbers for integer inputs.');
    if (n === 'unsafe') return elementProblem(ctx, dtype, i, values[i]!, ', beyond 2^53 where a JSON number may already have been rounded', 'Write it as an integer without a decimal point or exponent, or as a string of digits.');
    if (n === null) return elementProblem(ctx, dtype, i, values[i]!, '', 'Give whole numbers (large int64 values may be strings of digits).');
    if (n < min || n > max) return elementProblem(ctx, dtype, i, values[i]!, `, outside ${dtype}’s range ${min} to ${max}`, `Give values that fit ${dtype}.`);
    (out as unknown as Element[])[i] = type.bigint ? n : Number(n);
  }
  return ok(out);
}

/** Whether `value` survives a trip through `dtype` unchanged (for ints read as floats). */
function exactIn(dtype: TensorDType, value: number): boolean {
  if (dtype === 'float32') return Math.fround(value) === value;
  if (dtype === 'float16') return numberOfHalfBits(halfBitsOf(value)) === value;
  return true;
}

export interface Converted {
  readonly data: HostTensor['data'];
  /** Set when the values changed type, in words for the summary. */
  readonly note: string | null;
}

/**
 * A typed tensor into another dtype. Floats of one width into another are rounded (that is what
 * the narrower type means); every other change must keep each value exactly, else it is an
 * error naming the element: integers into floats that hold them, whole floats into integers,
 * integers into a narrower integer type when they fit, 0/1 into bool.
 */
export function convertTensor(tensor: HostTensor, dtype: TensorDType, ctx: ConvertContext): Result<Converted> {
  if (tensor.dtype === dtype) return ok({ data: tensor.data, note: null });
  const from = ELEMENT_TYPES[tensor.dtype];
  const to = ELEMENT_TYPES[dtype];
  const wrongType = (why: string): Result<never> =>
    mismatch(`“${ctx.input}” is ${dtype}, but ${ctx.source} holds ${tensor.dtype} values${why}.`, `Save the array as ${dtype} (numpy: array.astype(numpy.${dtype === 'bool' ? 'bool_' : dtype})).`, {
      input: ctx.input,
      file: ctx.source,
      expected: ctx.expected,
      found: `${tensor.dtype} [${tensor.dims.join(', ')}]`,
    });
  if (from.kind === 'string' || to.kind === 'string') return wrongType('');
  const values = tensorValues(tensor);
  if (from.kind === 'float' && to.kind === 'float') {
    const converted = convertValues(values, dtype, ctx);
    return converted.ok ? ok({ data: converted.value, note: `${tensor.dtype} values rounded to ${dtype}` }) : converted;
  }
  if (to.kind === 'float') {
    const inexact = values.findIndex((v) => !exactIn(dtype, Number(v)) || (typeof v === 'bigint' && BigInt(Number(v)) !== v));
    if (inexact >= 0) return wrongType(` (element ${inexact}, ${String(values[inexact])}, has no exact ${dtype})`);
  }
  if (from.kind === 'float' && to.kind !== 'float') {
    const fractional = values.findIndex((v) => !Number.isInteger(v));
    if (fractional >= 0) return wrongType(` (element ${fractional} is ${String(values[fractional])})`);
  }
  const converted = convertValues(values, dtype, ctx);
  if (!converted.ok) return wrongType(` that ${dtype} cannot hold (${(converted.error as TensorError).found ?? 'out of range'})`);
  return ok({ data: converted.value, note: `${tensor.dtype} values read as ${dtype} (each one exactly)` });
}
