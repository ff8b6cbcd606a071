/**
 * Numbers as a data file writes them: decimal or scientific notation, nothing else. JavaScript's
 * Number() also reads "0x10" (16), "0b11", "0o7", "" (0) and " " (0), which no CSV means.
 */
export const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a cell holds, or null when it is not written as a decimal number. */
export function parseDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}
