import type { TensorDType } from '../protocol/tensor';
import type { Signature } from './signature';

/**
 * What a feature's value must be for the model's input to hold it unchanged. A typed array
 * stores what it is given without a word: 2.7 in an int64 input becomes 2, 3,000,000,000 in an
 * int32 one becomes −1,294,967,296, 1e39 in a float32 one becomes Infinity, and an integer past
 * 2^53 has already been rounded by the double it was read into. Each is a wrong input that looks
 * right; the validator refuses the row instead (`feedProblem`).
 */
export interface FeedLimit {
  readonly dtype: TensorDType;
  readonly min: number;
  readonly max: number;
  /** Integer inputs take whole numbers only. */
  readonly whole: boolean;
}

const SAFE = Number.MAX_SAFE_INTEGER;
/** The largest finite float32 and float16: anything larger is stored as Infinity. */
export const FLOAT32_MAX = 3.4028234663852886e38;
export const FLOAT16_MAX = 65504;

const LIMITS: Readonly<Partial<Record<string, Omit<FeedLimit, 'dtype'>>>> = {
  int8: { min: -128, max: 127, whole: true },
  uint8: { min: 0, max: 255, whole: true },
  int16: { min: -32768, max: 32767, whole: true },
  uint16: { min: 0, max: 65535, whole: true },
  int32: { min: -2147483648, max: 2147483647, whole: true },
  uint32: { min: 0, max: 4294967295, whole: true },
  // A number read from text is a double: past 2^53 it may not be the integer that was written.
  int64: { min: -SAFE, max: SAFE, whole: true },
  uint64: { min: 0, max: SAFE, whole: true },
  // Rounded to the width (what float32 means), but never to Infinity.
  float32: { min: -FLOAT32_MAX, max: FLOAT32_MAX, whole: false },
  float16: { min: -FLOAT16_MAX, max: FLOAT16_MAX, whole: false },
  // A bool input stores the byte it is given: 0.5 would be false, and 2 no boolean at all.
  bool: { min: 0, max: 1, whole: true },
};

/** The values an integer (or bool) dtype holds, int64/uint64 up to 2^53 − 1; null for floats and text. */
export function integerRange(dtype: TensorDType | 'unknown'): { readonly min: number; readonly max: number } | null {
  const limit = LIMITS[dtype];
  return limit?.whole ? { min: limit.min, max: limit.max } : null;
}

/** The model input each feature feeds, in feature order (null: a feature fed as text, or no mapping). */
export function feedLimits(signature: Signature): (FeedLimit | null)[] {
  const { layout, features, inputs } = signature;
  return features.map((feature) => {
    const dtype = layout.kind === 'one-input' ? layout.dtype : layout.kind === 'input-per-feature' ? inputs.find((i) => i.name === feature.name)?.dtype : undefined;
    const limit = dtype ? LIMITS[dtype] : undefined;
    return dtype && dtype !== 'unknown' && limit ? { dtype, ...limit } : null;
  });
}

/** Whole numbers with their digits grouped; others to eight significant digits (`1e+39`, `3.4028235e+38`). */
const show = (n: number, whole: boolean): string => (whole ? n.toLocaleString('en-US') : String(Number(n.toPrecision(8))));

/** Why `value` cannot go into the input unchanged, in words naming the feature; null when it can. */
export function feedProblem(field: string, value: number, limit: FeedLimit): string | null {
  const { dtype, min, max, whole } = limit;
  if (whole && !Number.isInteger(value)) return `“${field}” feeds ${dtype.startsWith('int') ? 'an' : 'a'} ${dtype} input, which takes whole numbers: ${value} would be cut to ${Math.trunc(value)}. Give a whole number.`;
  if (value >= min && value <= max) return null;
  if (whole && Math.abs(value) > SAFE && (dtype === 'int64' || dtype === 'uint64') && !(dtype === 'uint64' && value < 0)) {
    return `“${field}” is ${show(value, true)}, past 2^53 − 1 (${show(SAFE, true)}): read as a number it may not be the integer written, and the ${dtype} input would be given another. Give a smaller value.`;
  }
  return `“${field}” is ${show(value, whole)}, outside what its ${dtype} input holds (${show(min, whole)} to ${show(max, whole)})${whole ? '' : `: it would become ${value > 0 ? '' : '−'}Infinity`}. Give a value within that range.`;
}
