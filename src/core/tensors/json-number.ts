/**
 * A JSON number literal that a double does not hold as written, kept with its text: one beyond
 * float64 (`1e400` reads as Infinity) or a fraction the double rounds to a whole number
 * (`0.99999999999999999` reads as 1, `4503599627370496.5` as 4503599627370496). A model input
 * must refuse these, not take the double for what was written.
 */
export class InexactNumber {
  constructor(
    /** The literal as written. */
    readonly text: string,
    /** The double it reads as. */
    readonly value: number,
    /** Whether the literal is a whole number (its fraction digits all 0, after the exponent). */
    readonly whole: boolean,
  ) {}

  toString(): string {
    return this.text;
  }
}

const LITERAL = /^-?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Whether a decimal literal (`2.50e1`, `1e-400`, `3.0`) is a whole number, from its digits alone. */
export function isWholeDecimal(text: string): boolean {
  const m = LITERAL.exec(text.trim().replace(/^\+/, ''));
  if (!m) return false;
  const fraction = m[2] ?? '';
  const digits = `${m[1]!}${fraction}`.replace(/^0+/, '');
  const significant = digits.replace(/0+$/, '');
  if (significant.length === 0) return true;
  // digits × 10^(exponent − fraction length); trailing zeros only raise the power.
  const power = Number(m[3] ?? 0) - fraction.length + (digits.length - significant.length);
  return power >= 0;
}

/** A JSON number literal as a double, or as an `InexactNumber` when the double would misstate it. */
export function decimalNumber(text: string): number | InexactNumber {
  const n = Number(text);
  if (!Number.isFinite(n)) return new InexactNumber(text, n, isWholeDecimal(text));
  if (Number.isInteger(n) && !isWholeDecimal(text)) return new InexactNumber(text, n, false);
  return n;
}
