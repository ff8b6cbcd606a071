import type { TensorDType } from '../protocol/tensor';
import { integerRange } from './feed-limits';
import { elementCount, fromNumbers, type HostTensor } from './host-tensor';

type NumericDType = Exclude<TensorDType, 'string'>;

/** A value as the dtype stores it: integers rounded and clamped to the dtype's range (no wrap-around), floats as they are. */
export function fitToDType(dtype: TensorDType, value: number): number {
  const range = integerRange(dtype);
  if (!range) return value;
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

/** Pixel values (in the input's scale) to a tensor of the dtype: rounded and clamped for integers, encoded for float16. */
export function pixelTensor(dtype: TensorDType, dims: readonly number[], values: ArrayLike<number>): HostTensor {
  // Only a string input cannot take pixels; it gets float32 (the check then names the mismatch).
  const safe: NumericDType = dtype === 'string' ? 'float32' : dtype;
  return { dtype: safe, dims, data: fromNumbers(safe, Array.from(values, (v) => fitToDType(safe, v))) };
}

/**
 * Random pixels spread over `[min, max]` of the input's scale: uniform reals for floats, uniform
 * whole numbers for integer dtypes (both ends included, within what the dtype holds).
 */
export function randomPixelTensor(dtype: TensorDType, dims: readonly number[], scale: { readonly min: number; readonly max: number }, random: () => number): HostTensor {
  const n = elementCount(dims);
  const range = integerRange(dtype);
  const values = new Float64Array(n);
  if (range) {
    const low = Math.max(range.min, Math.ceil(Math.min(scale.min, scale.max)));
    const high = Math.min(range.max, Math.floor(Math.max(scale.min, scale.max)));
    // A scale holding no whole number (say 0.2 to 0.8) still gives values: its ends rounded and clamped.
    for (let i = 0; i < n; i++) values[i] = low <= high ? low + Math.floor(random() * (high - low + 1)) : scale.min + random() * (scale.max - scale.min);
  } else {
    for (let i = 0; i < n; i++) values[i] = scale.min + random() * (scale.max - scale.min);
  }
  return pixelTensor(dtype, dims, values);
}
