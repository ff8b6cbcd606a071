import { percentileOfSorted, sortAscending } from './percentile';

/**
 * A distribution-free confidence interval for the median (the p50) from order
 * statistics: with n samples sorted, [x(k), x(n−k+1)] covers the true median
 * with probability 1 − 2·P(B ≤ k−1), B ~ Binomial(n, ½), whatever the
 * distribution of the samples (only independence is assumed). No bootstrap, no
 * normality: latencies are skewed and often bimodal.
 */
export interface MedianInterval {
  readonly runs: number;
  /** The sample median (type 7, as `percentile(…, 50)`). */
  readonly median: number;
  readonly low: number;
  readonly high: number;
  /** The interval's exact coverage (≥ the confidence asked, unless `meetsConfidence` is false). */
  readonly coverage: number;
  /** False when there are too few samples: even [min, max] covers the median less often than asked. */
  readonly meetsConfidence: boolean;
}

export const CONFIDENCE = 0.95;

const LN2 = Math.LN2;

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

/**
 * The largest rank k (1-based) such that P(B ≤ k−1) ≤ (1 − confidence)/2 for
 * B ~ Binomial(n, ½), with that tail probability; k = 0 when none exists.
 * Computed in log space so that n of a million does not underflow.
 */
export function medianRank(n: number, confidence = CONFIDENCE): { readonly k: number; readonly tail: number } {
  const alpha = (1 - confidence) / 2;
  let logPmf = -n * LN2; // P(B = 0)
  let logCdf = -Infinity;
  let k = 0;
  let tail = 0;
  for (let i = 0; i <= Math.floor((n - 1) / 2); i++) {
    const next = logAdd(logCdf, logPmf); // P(B ≤ i)
    if (Math.exp(next) > alpha) break;
    logCdf = next;
    k = i + 1;
    tail = Math.exp(logCdf);
    logPmf += Math.log((n - i) / (i + 1));
  }
  return { k, tail };
}

/** The fewest samples for which [min, max] reaches the confidence: 1 − 2·½ⁿ ≥ confidence. */
export function fewestRunsFor(confidence = CONFIDENCE): number {
  return Math.ceil(Math.log2(2 / (1 - confidence)));
}

export function medianInterval(samples: ArrayLike<number>, confidence = CONFIDENCE): MedianInterval {
  const n = samples.length;
  if (n === 0) throw new RangeError('no samples');
  const sorted = sortAscending(samples);
  const median = percentileOfSorted(sorted, 50);
  const { k, tail } = medianRank(n, confidence);
  if (k === 0) {
    // Too few runs for the confidence asked: report [min, max] with what it does cover.
    return { runs: n, median, low: sorted[0]!, high: sorted[n - 1]!, coverage: 1 - 2 * 0.5 ** n, meetsConfidence: false };
  }
  return { runs: n, median, low: sorted[k - 1]!, high: sorted[n - k]!, coverage: 1 - 2 * tail, meetsConfidence: true };
}

/** The "±" to print: the larger distance from the median to an end of its interval. */
export function halfWidth(interval: Pick<MedianInterval, 'median' | 'low' | 'high'>): number {
  return Math.max(interval.median - interval.low, interval.high - interval.median);
}

/** Two medians are told apart only when their intervals do not overlap. */
export function intervalsOverlap(a: Pick<MedianInterval, 'low' | 'high'>, b: Pick<MedianInterval, 'low' | 'high'>): boolean {
  return a.low <= b.high && b.low <= a.high;
}

/** Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`probability must be in (0, 1), got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const tailRational = (q: number): number => (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) / ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  if (p < 0.02425) return tailRational(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - 0.02425) return -tailRational(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}

/**
 * The half-width the interval would have at `confidence` with the same samples.
 * The interval's rank half-width grows as z·√n/2 (normal approximation of the
 * binomial), so its value half-width scales with z: an interval that covers
 * less than asked (too few runs) is widened by z(asked)/z(its own coverage).
 */
export function halfWidthAt(interval: MedianInterval, confidence = CONFIDENCE): number {
  const own = halfWidth(interval);
  if (interval.meetsConfidence || interval.coverage <= 0) return own;
  return own * (normalQuantile((1 + confidence) / 2) / normalQuantile((1 + interval.coverage) / 2));
}

/**
 * How many runs would shrink the interval's half-width to `targetHalfWidth`.
 * The width of an order-statistic interval shrinks as 1/√n (it spans ±z·√n/2
 * ranks, each 1/(n·f(median)) wide), so n′ = n·(w/w′)², with w measured on
 * these samples. Never fewer than the interval itself needs.
 */
export function runsForHalfWidth(interval: MedianInterval, targetHalfWidth: number, confidence = CONFIDENCE): number {
  const floor = fewestRunsFor(confidence);
  const now = halfWidthAt(interval, confidence);
  if (!(targetHalfWidth > 0) || now === 0) return Math.max(floor, interval.runs);
  return Math.max(floor, Math.ceil(interval.runs * (now / targetHalfWidth) ** 2));
}

/**
 * Runs per point after which two medians `gap` apart would no longer have overlapping
 * intervals, if the gap is real. Each half-width shrinks as 1/√(its runs), so with n′ runs
 * for both, w₁√(n₁/n′) + w₂√(n₂/n′) must fall below what the gap leaves once each interval
 * is widened by its clock's tick (`wideningMs`, both ticks together):
 * n′ = ((w₁√n₁ + w₂√n₂)/(gap − wideningMs))². Infinity when the gap is within the widening.
 */
export function runsToSeparate(a: MedianInterval, b: MedianInterval, wideningMs = 0, confidence = CONFIDENCE): number {
  const gap = Math.abs(a.median - b.median);
  if (gap === 0 || withinTicks(gap, wideningMs)) return Number.POSITIVE_INFINITY;
  const room = gap - wideningMs;
  const spread = halfWidthAt(a, confidence) * Math.sqrt(a.runs) + halfWidthAt(b, confidence) * Math.sqrt(b.runs);
  return Math.max(fewestRunsFor(confidence), Math.ceil((spread / room) ** 2 - 1e-9));
}

/** A gap no larger than the ticks' widening (up to floating-point residue: 0.3 + 0.3 − 0.3 is not 0.3): more runs read the same ticks. */
export function withinTicks(gapMs: number, wideningMs: number): boolean {
  return gapMs <= wideningMs * (1 + 1e-9) + 1e-12;
}

/** Values closer than this (0.1 µs) are one clock reading: the residue of subtracting two readings. */
const SAME_READING_MS = 1e-4;

/**
 * The step of the clock that timed the samples. The timer resolution the run recorded, when
 * known. Otherwise a step only when the samples show a grid: at most half as many distinct
 * values as samples (ties) and every value a whole number of the smallest gap from the least;
 * `fallbackMs` (the page's finest tick) when every sample is the same; else 0 (no tick seen:
 * a smallest gap between spread values is not a tick).
 */
export function clockStep(samples: ArrayLike<number>, resolutionMs?: number, fallbackMs = 0.005): number {
  if (resolutionMs !== undefined && Number.isFinite(resolutionMs) && resolutionMs > 0) return resolutionMs;
  const sorted = sortAscending(samples);
  if (sorted.length === 0) return fallbackMs;
  const readings: number[] = [sorted[0]!];
  for (let i = 1; i < sorted.length; i++) if (sorted[i]! - readings[readings.length - 1]! > SAME_READING_MS) readings.push(sorted[i]!);
  if (readings.length === 1) return fallbackMs;
  if (readings.length > sorted.length / 2) return 0;
  let step = Infinity;
  for (let i = 1; i < readings.length; i++) step = Math.min(step, readings[i]! - readings[i - 1]!);
  const onGrid = readings.every((r) => {
    const ticks = (r - readings[0]!) / step;
    return Math.abs(ticks - Math.round(ticks)) * step <= SAME_READING_MS;
  });
  return onGrid ? step : 0;
}

/**
 * The median's interval for timings read from a clock that ticks: each timing is only known to
 * within a step of it, so the interval is widened by one step each way. Without that, a fast
 * model whose every run reads 3 ticks has an interval of no width, and one that reads 4 ticks
 * is "slower" beyond noise.
 */
export function timingInterval(samples: ArrayLike<number>, resolutionMs?: number, confidence = CONFIDENCE): MedianInterval {
  return widenedByTick(medianInterval(samples, confidence), clockStep(samples, resolutionMs));
}

/** An interval widened by a clock's tick each way (never below 0): what `timingInterval` and the benchmark verdict's ties use. */
export function widenedByTick<T extends Pick<MedianInterval, 'low' | 'high'>>(interval: T, tickMs: number): T {
  return { ...interval, low: Math.max(0, interval.low - tickMs), high: interval.high + tickMs };
}
