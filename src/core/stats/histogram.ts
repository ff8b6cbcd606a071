import { percentileOfSorted, sortAscending } from './percentile';

export interface HistogramBin {
  /** Inclusive lower edge. */
  readonly start: number;
  /** Exclusive upper edge, except for the last bin, which includes it. */
  readonly end: number;
  readonly count: number;
}

export interface HistogramOptions {
  /** Number of bins; default: the Freedman–Diaconis rule, clamped to [minBins, maxBins]. */
  readonly bins?: number;
  readonly minBins?: number;
  readonly maxBins?: number;
}

/**
 * Bin count by the Freedman–Diaconis rule (width 2·IQR·n^(−1/3)), which copes
 * with the long right tail latencies have; Sturges (⌈log2 n⌉ + 1) when the IQR is 0.
 */
export function suggestedBinCount(sorted: ArrayLike<number>, minBins = 5, maxBins = 40): number {
  const n = sorted.length;
  if (n < 2) return 1;
  const range = sorted[n - 1]! - sorted[0]!;
  if (range === 0) return 1;
  const iqr = percentileOfSorted(sorted, 75) - percentileOfSorted(sorted, 25);
  const bins = iqr > 0 ? Math.ceil(range / (2 * iqr * n ** (-1 / 3))) : Math.ceil(Math.log2(n)) + 1;
  return Math.max(minBins, Math.min(maxBins, bins));
}

/** Equal-width bins from the smallest to the largest sample; every sample lands in exactly one bin. */
export function histogram(samples: ArrayLike<number>, options: HistogramOptions = {}): HistogramBin[] {
  if (samples.length === 0) return [];
  const sorted = sortAscending(samples);
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  if (lo === hi) return [{ start: lo, end: hi, count: sorted.length }];
  const count = Math.max(1, Math.floor(options.bins ?? suggestedBinCount(sorted, options.minBins, options.maxBins)));
  const width = (hi - lo) / count;
  const counts = new Array<number>(count).fill(0);
  for (const value of sorted) counts[Math.min(count - 1, Math.floor((value - lo) / width))]! += 1;
  return counts.map((c, i) => ({ start: lo + i * width, end: i === count - 1 ? hi : lo + (i + 1) * width, count: c }));
}
