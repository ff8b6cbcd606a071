/** Samples sorted ascending, as a new array (the input is left alone). */
export function sortAscending(samples: ArrayLike<number>): Float64Array {
  return Float64Array.from(samples).sort();
}

/**
 * The p-th percentile (0–100) of samples already sorted ascending, by linear
 * interpolation between closest ranks (Hyndman & Fan type 7, NumPy's default):
 * rank h = (n − 1)·p/100, value = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const h = ((n - 1) * p) / 100;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function percentile(samples: ArrayLike<number>, p: number): number {
  return percentileOfSorted(sortAscending(samples), p);
}
