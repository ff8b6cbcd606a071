import { percentileOfSorted, sortAscending } from './percentile';

/** What one benchmark point's latencies look like, in milliseconds. */
export interface LatencySummary {
  readonly runs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly meanMs: number;
  /** Sample standard deviation (n − 1 in the denominator); 0 for a single run. */
  readonly stdMs: number;
  readonly minMs: number;
  readonly maxMs: number;
}

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Sample standard deviation, two-pass for numerical stability. */
export function standardDeviation(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i]! - m) ** 2;
  return Math.sqrt(squares / (n - 1));
}

/** Percentiles come from the raw samples, never from averages of averages. */
export function summarizeLatency(samplesMs: ArrayLike<number>): LatencySummary {
  if (samplesMs.length === 0) throw new RangeError('no samples to summarise');
  const sorted = sortAscending(samplesMs);
  return {
    runs: sorted.length,
    p50Ms: percentileOfSorted(sorted, 50),
    p95Ms: percentileOfSorted(sorted, 95),
    p99Ms: percentileOfSorted(sorted, 99),
    meanMs: mean(sorted),
    stdMs: standardDeviation(sorted),
    minMs: sorted[0]!,
    maxMs: sorted[sorted.length - 1]!,
  };
}

/**
 * Samples (rows of input) per second while running back to back: batch × runs
 * divided by the time the runs took, i.e. batch / mean latency.
 */
export function throughputPerSec(batchSize: number, summary: Pick<LatencySummary, 'meanMs'>): number {
  return summary.meanMs > 0 ? (batchSize * 1000) / summary.meanMs : Number.POSITIVE_INFINITY;
}
