/** A measured figure and its "±", printed to the same decimal place (two significant digits of the ±). */
export function formatUncertain(value: number, plusMinus: number): { readonly value: string; readonly plusMinus: string } {
  if (!(plusMinus > 0) || !Number.isFinite(plusMinus)) return { value: String(Number(value.toPrecision(4))), plusMinus: '0' };
  const pm = Number(plusMinus.toPrecision(2));
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(pm)));
  return { value: value.toFixed(Math.min(decimals, 6)), plusMinus: pm.toFixed(Math.min(decimals, 6)) };
}

/** "27×", "1.9×", "1.04×", "1.004×": enough digits to tell the ratio from 1 (never "1.00×" for a ratio that is not 1). */
export function formatRatio(ratio: number): string {
  if (ratio >= 10) return `${Math.round(ratio)}×`;
  if (ratio >= 1.1) return `${ratio.toFixed(1)}×`;
  const off = Math.abs(ratio - 1);
  if (off === 0 || off >= 0.005 || !Number.isFinite(off)) return `${ratio.toFixed(2)}×`;
  // One significant digit of the distance from 1: 1.004×, 0.999×.
  const decimals = Math.min(8, -Math.floor(Math.log10(off)));
  return `${ratio.toFixed(decimals)}×`;
}

/** A range of ratios, "27–230×", or one ratio when both ends print the same. */
export function formatRatioRange(low: number, high: number): string {
  const a = formatRatio(low);
  const b = formatRatio(high);
  return a === b ? a : `${a.slice(0, -1)}–${b}`;
}

/** 1234.5 → "1,235": a count or a rate for people. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
