import { clockStep, fewestRunsFor, halfWidthAt, intervalsOverlap, medianInterval, runsForHalfWidth, runsToSeparate, widenedByTick, withinTicks, type MedianInterval } from '../stats/median-interval';
import { formatCount, formatRatio, formatRatioRange, formatUncertain } from '../stats/uncertain-figure';
import { verdictLabel } from './adapter-kind';
import { configKey, type BenchmarkRun } from './run';

/** A p50 whose 95 % interval reaches further than this share of it is "wide". */
export const WIDE_SPREAD = 0.1;
/** The precision a caution asks for: the p50 known to ±5 %. */
export const TARGET_SPREAD = 0.05;
/** Telling two setups apart is not worth more runs per point than this: call them equally fast. */
export const MAX_RUNS_TO_SEPARATE = 100_000;

/** One configuration at one batch size: its p50 and the interval around it. */
export interface PointEstimate {
  readonly key: string;
  readonly label: string;
  readonly batchSize: number;
  readonly interval: MedianInterval;
  /** The tick of the clock that timed it (`clockStep`: the recorded timer resolution): a p50 is known no better than to a tick either way. */
  readonly clockMs: number;
  readonly throughputPerSec: number;
}

/**
 * Who is fastest at one batch size: one winner, several setups within noise, a single setup
 * measured, or too few runs on some setup to rank them (fewer than `fewestRunsFor()`: even
 * [min, max] covers its p50 less than 95 % of the time, and one run has no spread at all).
 */
export type BatchOutcome =
  | { readonly kind: 'too-few'; readonly batchSize: number; readonly measured: readonly PointEstimate[] }
  | { readonly kind: 'winner'; readonly batchSize: number; readonly fastest: PointEstimate; readonly slower: readonly PointEstimate[] }
  | { readonly kind: 'tie'; readonly batchSize: number; readonly tied: readonly PointEstimate[]; readonly slower: readonly PointEstimate[] }
  | { readonly kind: 'single'; readonly batchSize: number; readonly fastest: PointEstimate };

export interface BenchmarkVerdict {
  /** The answer, sentence by sentence: fastest setup per range of batch sizes, how much slower the others are, best throughput. */
  readonly sentences: readonly string[];
  /** Points resting on too few runs or too wide a spread, each with the runs that would settle it. */
  readonly cautions: readonly string[];
  /** The outcome at the smallest batch size: what the headline leads with. */
  readonly lead: BatchOutcome['kind'] | 'empty';
  readonly outcomes: readonly BatchOutcome[];
}

export function pointEstimates(run: BenchmarkRun): PointEstimate[] {
  const adapter = run.environment.webgpuAdapter;
  return run.results.flatMap((r) =>
    r.points.map((p) => ({ key: configKey(r), label: verdictLabel(r, adapter), batchSize: p.batchSize, interval: medianInterval(p.samplesMs), clockMs: clockStep(p.samplesMs, run.environment.timerResolutionMs), throughputPerSec: p.throughputPerSec })),
  );
}

/**
 * Within noise of each other: their intervals overlap once each is widened by a tick of its clock
 * (as `timingInterval` widens Compare's). Else a fast model whose runs all read 3 ticks, against
 * one whose runs read 4, would be "slower" beyond noise.
 */
export function withinNoise(a: PointEstimate, b: PointEstimate): boolean {
  return intervalsOverlap(widenedByTick(a.interval, a.clockMs), widenedByTick(b.interval, b.clockMs));
}

/** Fastest by p50; every setup within noise of the fastest one (`withinNoise`) is tied with it. */
export function outcomeAt(estimates: readonly PointEstimate[], batchSize: number): BatchOutcome | null {
  const here = estimates.filter((e) => e.batchSize === batchSize).sort((a, b) => a.interval.median - b.interval.median || a.key.localeCompare(b.key));
  const fastest = here[0];
  if (!fastest) return null;
  if (here.length === 1) return { kind: 'single', batchSize, fastest };
  if (here.some((e) => !e.interval.meetsConfidence)) return { kind: 'too-few', batchSize, measured: here };
  const tied = here.filter((e) => withinNoise(e, fastest));
  const slower = here.filter((e) => !tied.includes(e));
  return tied.length === 1 ? { kind: 'winner', batchSize, fastest, slower } : { kind: 'tie', batchSize, tied, slower };
}

const outcomeKey = (o: BatchOutcome): string =>
  o.kind === 'tie' ? `tie:${o.tied.map((t) => t.key).sort().join(',')}` : o.kind === 'too-few' ? `too-few:${o.measured.map((t) => t.key).sort().join(',')}` : `${o.kind}:${o.fastest.key}`;
const reference = (o: Exclude<BatchOutcome, { kind: 'too-few' }>): PointEstimate => (o.kind === 'tie' ? o.tied[0]! : o.fastest);

const short = (ms: number): number => Number(ms.toPrecision(3));
const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;

/**
 * The table's "±" for a p50: its 95 % half-width. Too few runs for a 95 % interval: one run has
 * no spread to show; two to five show [min, max] with what it really covers (1 − 2·½ⁿ).
 */
export function p50Uncertainty(interval: MedianInterval): string {
  if (interval.runs === 1) return `no spread from 1 run (needs ${fewestRunsFor()})`;
  if (!interval.meetsConfidence) return `${short(interval.low)}–${short(interval.high)} (covers ${percent(interval.coverage)}, ${interval.runs} runs)`;
  return `±${formatUncertain(interval.median, halfWidthAt(interval)).plusMinus}`;
}

function p50Text(e: PointEstimate): string {
  const i = e.interval;
  if (i.runs === 1) return `p50 ${short(i.median)} ms from 1 run, no spread known`;
  if (!i.meetsConfidence) return `p50 ${short(i.median)} ms, ${i.runs} runs between ${short(i.low)} and ${short(i.high)} ms, a range that covers the p50 only ${percent(i.coverage)} of the time`;
  const f = formatUncertain(i.median, halfWidthAt(i));
  return `p50 ${f.value} ms, ±${f.plusMinus}`;
}

/** "At batch 1, A (…) and B (…): too few runs to rank them; run at least 6 per point." */
function tooFewText(o: Extract<BatchOutcome, { kind: 'too-few' }>): string {
  const least = Math.min(...o.measured.map((e) => e.interval.runs));
  return `${o.measured.map((e) => `${e.label} (${p50Text(e)})`).join(' and ')}: ${least === 1 ? '1 run per point shows no spread, too few' : `${least} runs per point are too few`} to tell which is faster — run at least ${fewestRunsFor()} per point (the fewest whose fastest and slowest bracket a p50 95 % of the time).`;
}

/** "WebGPU (software emulation here) is 27–230× slower": each slower setup's p50 over the fastest one's, across the segment. */
function slowerText(segment: readonly BatchOutcome[]): string {
  const ratios = new Map<string, { label: string; low: number; high: number }>();
  for (const o of segment) {
    if (o.kind === 'single' || o.kind === 'too-few') continue;
    const base = reference(o).interval.median;
    for (const s of o.slower) {
      const ratio = base > 0 ? s.interval.median / base : Number.POSITIVE_INFINITY;
      const seen = ratios.get(s.key);
      ratios.set(s.key, seen ? { label: s.label, low: Math.min(seen.low, ratio), high: Math.max(seen.high, ratio) } : { label: s.label, low: ratio, high: ratio });
    }
  }
  const parts = [...ratios.values()].filter((r) => Number.isFinite(r.high)).map((r, i) => `${r.label} ${i === 0 ? 'is ' : ''}${formatRatioRange(r.low, r.high)} slower`);
  return parts.length === 0 ? '' : `; ${parts.join(', ')}`;
}

/** What it would take to tell the two fastest tied setups apart, derived from their measured spread. */
function settleText(o: Extract<BatchOutcome, { kind: 'tie' }>): string {
  const [a, b] = o.tied as [PointEstimate, PointEstimate];
  // Intervals are compared widened by a tick each way, so the gap must outgrow both ticks too.
  const runs = runsToSeparate(a.interval, b.interval, a.clockMs + b.clockMs);
  const gap = Math.abs(a.interval.median - b.interval.median);
  // Within a tick of the clock either way, more runs read the same ticks: they cannot separate them.
  if (gap > 0 && withinTicks(gap, a.clockMs + b.clockMs)) {
    return `Their p50s differ by ${Number(gap.toPrecision(2))} ms, within the clock's ticks (${Number(Math.max(a.clockMs, b.clockMs).toPrecision(2))} ms): more runs would not tell them apart; treat them as equally fast here, or time a larger batch.`;
  }
  if (!Number.isFinite(runs) || runs > MAX_RUNS_TO_SEPARATE) {
    return `Their p50s differ by ${gap === 0 ? 'nothing' : `${Number(gap.toPrecision(2))} ms`}; telling them apart would take more than ${formatCount(MAX_RUNS_TO_SEPARATE)} runs per point: treat them as equally fast here.`;
  }
  return `If the ${Number(gap.toPrecision(2))} ms gap between ${a.label} and ${b.label} is real, about ${formatCount(runs)} runs per point would show it.`;
}

function segmentHeader(segment: readonly BatchOutcome[], lastBatch: number): string {
  const first = segment[0]!.batchSize;
  const last = segment[segment.length - 1]!.batchSize;
  if (last === lastBatch && segment.length > 1) return `From batch ${first} on`;
  return first === last ? `At batch ${first}` : `At batches ${first}–${last}`;
}

function leadSentence(segment: readonly BatchOutcome[], allBatches: number): string {
  const o = segment[0]!;
  const span = segment.length === allBatches && allBatches > 1 ? ' and at every batch size measured' : segment.length > 1 ? ` and up to batch ${segment[segment.length - 1]!.batchSize}` : '';
  if (o.kind === 'single') return `Only ${o.fastest.label} was measured: at batch ${o.batchSize} its ${p50Text(o.fastest)}.`;
  if (o.kind === 'too-few') return `At batch ${o.batchSize}${span}, ${tooFewText(o)}`;
  if (o.kind === 'winner') return `Fastest at batch ${o.batchSize}${span}: ${o.fastest.label} (${p50Text(o.fastest)})${slowerText(segment)}.`;
  const who = o.tied.map((t) => `${t.label} (${p50Text(t)})`).join(' and ');
  return `At batch ${o.batchSize}${span}, ${who} are within noise of each other: no winner${slowerText(segment)}. ${settleText(o)}`;
}

function laterSentence(segment: readonly BatchOutcome[], lastBatch: number): string {
  const o = segment[0]!;
  const header = segmentHeader(segment, lastBatch);
  if (o.kind === 'single') return `${header}: only ${o.fastest.label} was measured.`;
  if (o.kind === 'too-few') return `${header}: too few runs to rank ${o.measured.map((t) => t.label).join(' and ')}.`;
  if (o.kind === 'winner') return `${header}: ${o.fastest.label}${slowerText(segment)}.`;
  return `${header}: ${o.tied.map((t) => t.label).join(' and ')} are within noise of each other${slowerText(segment)}.`;
}

function throughputSentence(estimates: readonly PointEstimate[], batches: readonly number[]): string | null {
  if (batches.length < 2) return null;
  const best = estimates.reduce((a, b) => (b.throughputPerSec > a.throughputPerSec ? b : a));
  // Setups within noise of the best at its batch size share the title.
  const peers = estimates.filter((e) => e.batchSize === best.batchSize && e.key !== best.key && withinNoise(e, best));
  const who = peers.length > 0 ? `${[best, ...peers].map((e) => e.label).join(' and ')} alike` : best.label;
  const atOne = estimates.find((e) => e.key === best.key && e.batchSize === batches[0]);
  const gain = atOne && best.batchSize !== atOne.batchSize && atOne.throughputPerSec > 0 ? `, ${formatRatio(best.throughputPerSec / atOne.throughputPerSec)} ${peers.length > 0 ? 'the' : 'its'} rate at batch ${atOne.batchSize}` : '';
  const edge = best.batchSize === batches[batches.length - 1] ? ' — the largest batch measured, so a larger one may do better still' : '';
  return `Most samples per second: ${who} at batch ${best.batchSize} (about ${formatCount(best.throughputPerSec)} per second${gain})${edge}.`;
}

/** How many uncertain points a verdict lists one by one; the rest are counted. */
export const CAUTIONS_LISTED = 3;

/**
 * Points whose p50 is not pinned down: too few runs for a 95 % interval, or an
 * interval wider than ±10 %. Least certain first; past `CAUTIONS_LISTED`, the
 * rest are counted in one last line.
 */
export function cautionsOf(estimates: readonly PointEstimate[]): string[] {
  const flagged = estimates.flatMap((e) => {
    const i = e.interval;
    const spread = halfWidthAt(i);
    const relative = i.median > 0 ? spread / i.median : 0;
    const wanted = runsForHalfWidth(i, TARGET_SPREAD * i.median);
    if (i.runs === 1) {
      const text = `${e.label} at batch ${e.batchSize}: 1 run shows no spread, so its p50 (${short(i.median)} ms) could be off by any amount; run at least ${fewestRunsFor()} per point to bound it at 95 %.`;
      return [{ text, severity: Number.POSITIVE_INFINITY }];
    }
    if (!i.meetsConfidence) {
      const text = `${e.label} at batch ${e.batchSize}: ${i.runs} runs are too few to bound its p50 at 95 % (the fastest and slowest, ${short(i.low)}–${short(i.high)} ms, bracket it only ${percent(i.coverage)} of the time); about ${formatCount(wanted)} runs would pin it to ±5 %.`;
      return [{ text, severity: Number.POSITIVE_INFINITY }];
    }
    if (relative <= WIDE_SPREAD) return [];
    const f = formatUncertain(i.median, spread);
    return [{ text: `${e.label} at batch ${e.batchSize}: its p50 (${f.value} ms) is only known to ±${f.plusMinus} ms (±${Math.round(relative * 100)} %) from ${i.runs} runs; about ${formatCount(wanted)} runs would pin it to ±5 %.`, severity: relative }];
  });
  const sorted = flagged.map((f, order) => ({ ...f, order })).sort((a, b) => b.severity - a.severity || a.order - b.order);
  const listed = sorted.slice(0, CAUTIONS_LISTED).map((f) => f.text);
  const rest = sorted.length - listed.length;
  if (rest > 0) listed.push(`…and ${rest} more point${rest === 1 ? '' : 's'} whose p50 is known only to more than ±${Math.round(WIDE_SPREAD * 100)} % (the table’s ± column shows each).`);
  return listed;
}

/** The benchmark's answer, worded from its raw samples: who is fastest where, by how much, and how sure that is. */
export function benchmarkVerdict(run: BenchmarkRun): BenchmarkVerdict {
  const estimates = pointEstimates(run);
  const batches = [...new Set(estimates.map((e) => e.batchSize))].sort((a, b) => a - b);
  const outcomes = batches.map((b) => outcomeAt(estimates, b)).filter((o): o is BatchOutcome => o !== null);
  if (outcomes.length === 0) return { sentences: ['Nothing was measured.'], cautions: [], lead: 'empty', outcomes };
  const segments: BatchOutcome[][] = [];
  for (const o of outcomes) {
    const current = segments[segments.length - 1];
    if (current && outcomeKey(current[0]!) === outcomeKey(o)) current.push(o);
    else segments.push([o]);
  }
  const lastBatch = batches[batches.length - 1]!;
  const sentences = [leadSentence(segments[0]!, batches.length), ...segments.slice(1).map((s) => laterSentence(s, lastBatch))];
  const throughput = throughputSentence(estimates, batches);
  if (throughput) sentences.push(throughput);
  if (run.status === 'cancelled') sentences.unshift('From the points measured before Cancel:');
  return { sentences, cautions: cautionsOf(estimates), lead: outcomes[0]!.kind, outcomes };
}
