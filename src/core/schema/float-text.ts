import { halfBitsOf } from '../tensors/float16';

/**
 * The shortest decimal that reads back as the same float32 (0.2 rather than
 * 0.20000000298023224), so that code and JSON show what the user typed.
 */
export function float32Text(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  for (let digits = 1; digits <= 9; digits++) {
    const text = Number(value.toPrecision(digits));
    if (Math.fround(text) === Math.fround(value)) return String(text);
  }
  return String(value);
}


/** The shortest decimal that reads back as the same float16 (5.1 rather than 5.1015625). */
export function float16Text(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const bits = halfBitsOf(value);
  for (let digits = 1; digits <= 6; digits++) {
    const text = Number(value.toPrecision(digits));
    if (halfBitsOf(text) === bits) return String(text);
  }
  return String(value);
}
