/** A logarithmic chart axis: its domain and the ticks to label, so every series shows however far apart they are. */
export interface LogAxis {
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
}

const MANTISSAS_DENSE = [1, 2, 5] as const;

/**
 * A log axis over positive values: from the power of ten at or below the
 * smallest to the one at or above the largest; ticks at 1-2-5 steps when the
 * values span at most two decades, at powers of ten otherwise. Values ≤ 0 or
 * not finite are ignored (they cannot sit on a log axis); null when none is left.
 */
export function logAxis(values: readonly number[]): LogAxis | null {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0);
  if (positive.length === 0) return null;
  const lo = Math.floor(Math.log10(Math.min(...positive)) + 1e-9);
  let hi = Math.ceil(Math.log10(Math.max(...positive)) - 1e-9);
  if (hi === lo) hi = lo + 1;
  const dense = hi - lo <= 2;
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) {
    for (const m of dense ? MANTISSAS_DENSE : [1]) {
      const t = Number((m * 10 ** e).toPrecision(12));
      if (t <= 10 ** hi * (1 + 1e-9)) ticks.push(t);
    }
  }
  return { domain: [10 ** lo, 10 ** hi], ticks };
}

/**
 * The batch axis: log scale, a tick at every batch size measured (they are
 * chosen by the user, often powers of two), a little room on both sides.
 */
export function batchAxis(batchSizes: readonly number[]): LogAxis | null {
  const sizes = [...new Set(batchSizes.filter((b) => Number.isFinite(b) && b > 0))].sort((a, b) => a - b);
  if (sizes.length === 0) return null;
  return { domain: [sizes[0]! / 1.3, sizes[sizes.length - 1]! * 1.3], ticks: sizes };
}
