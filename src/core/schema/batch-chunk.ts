import type { HostTensor } from './host-tensor';
import type { BatchPredictions, PredictionPlan } from './prediction';
import { readPredictions } from './prediction';
import { packedToFeeds, rowsToFeeds } from './row-feeds';
import type { Signature } from './signature';
import type { FeatureValue, RowValidator } from './validate-row';
import { parseDecimal } from './number-text';

/** Row status in a scored batch. */
export const ROW_OK = 0;
export const ROW_WARNING = 1;
export const ROW_SKIPPED = 2;

/**
 * A chunk's feature values. When every feature is a number they are packed row after row in
 * one array (NaN where a row has no value: a value that is not finite is never kept), so that a
 * million scored rows are a thousand arrays for the collector to trace, not a million.
 */
export type ChunkValues =
  | { readonly kind: 'packed'; readonly width: number; readonly data: Float64Array }
  | { readonly kind: 'lists'; readonly rows: readonly (readonly FeatureValue[])[] };

/** One row's values, in feature order (null where it has none). */
export function rowValues(values: ChunkValues, i: number): readonly FeatureValue[] {
  if (values.kind === 'lists') return values.rows[i]!;
  const out = new Array<FeatureValue>(values.width);
  for (let k = 0; k < values.width; k++) {
    const v = values.data[i * values.width + k]!;
    out[k] = Number.isNaN(v) ? null : v;
  }
  return out;
}

/** Rows read from a file, checked, with the feeds of the rows that can run. */
export interface PreparedChunk {
  readonly start: number;
  /** Rows in the chunk. */
  readonly count: number;
  readonly values: ChunkValues;
  readonly truth: readonly string[] | null;
  readonly status: Uint8Array;
  /** First problem per flagged row (local index). */
  readonly notes: ReadonlyMap<number, string>;
  /** Local indices of the rows that are fed to the model. */
  readonly runnable: readonly number[];
  /** Rows with no value at all (`,,,`): skipped, and counted apart so that they never vanish silently. */
  readonly empty: number;
  readonly feeds: Record<string, HostTensor> | null;
}

/** A scored part of a batch; immutable once made, so the table can hold many of them. */
export interface ScoredChunk extends Omit<PreparedChunk, 'feeds' | 'runnable' | 'empty'> {
  readonly empty?: number;
  readonly count: number;
  /** Predictions per row of the chunk (skipped rows: class -1, value NaN). */
  readonly predictions: BatchPredictions;
  /** The model's raw outputs for the runnable rows (null when none ran), for "Download outputs (JSON)". */
  readonly outputs?: Readonly<Record<string, HostTensor>> | null;
}

/**
 * Checks raw rows (cells in feature order, as read from a CSV or JSON file) and builds the
 * feeds of the runnable ones. Rows with errors (missing, unreadable, NaN) are not fed;
 * rows outside a declared or training range are fed and flagged. A null row is one already
 * read as numbers and passed by the validator's quick check (`readPlainLines`): its values
 * are row `i` of `plain`.
 */
export function prepareChunk(signature: Signature, validator: RowValidator, start: number, cells: readonly (readonly unknown[] | null)[], truth: readonly string[] | null, plain: Float64Array | null = null): PreparedChunk {
  const width = signature.features.length;
  if (plain && cells.every((row) => row === null)) return preparePlain(signature, start, plain.slice(0, cells.length * width), truth);
  const status = new Uint8Array(cells.length);
  const notes = new Map<number, string>();
  const packed = width > 0 && signature.features.every((f) => f.kind === 'number' || f.kind === 'integer') ? new Float64Array(cells.length * width) : null;
  // The rows read as numbers are copied at once; every other row's values are NaN until checked.
  if (packed && plain) packed.set(plain.subarray(0, cells.length * width));
  else packed?.fill(NaN);
  const lists: (readonly FeatureValue[])[] = [];
  const runnable: number[] = [];
  let empty = 0;
  for (let i = 0; i < cells.length; i++) {
    const row = cells[i]!;
    if (row === null) {
      if (!packed || !plain) throw new Error('A row read as numbers needs a numeric signature and its values.');
      runnable.push(i);
      continue;
    }
    if (packed && plain) packed.fill(NaN, i * width, (i + 1) * width);
    if (isEmptyRow(row) && (truth === null || truth[i]!.trim() === '')) {
      empty++;
      status[i] = ROW_SKIPPED;
      notes.set(i, 'Empty row (no values): skipped.');
      if (!packed) lists.push(row.map(() => null));
      continue;
    }
    const check = validator.check(row);
    if (packed) {
      for (let k = 0; k < width; k++) {
        const v = check.values[k];
        if (typeof v === 'number') packed[i * width + k] = v;
      }
    } else lists.push(check.values);
    const blocking = check.issues.find((issue) => issue.rule === 'missing' || issue.rule === 'type' || issue.rule === 'not-finite');
    if (blocking) {
      status[i] = ROW_SKIPPED;
      notes.set(i, blocking.message);
      continue;
    }
    runnable.push(i);
    if (check.issues.length > 0) {
      status[i] = ROW_WARNING;
      notes.set(i, check.issues.map((issue) => issue.message).join(' '));
    }
  }
  const values: ChunkValues = packed ? { kind: 'packed', width, data: packed } : { kind: 'lists', rows: lists };
  const feeds = runnable.length === 0 ? null : packed ? packedToFeeds(signature, packed, runnable) : rowsToFeeds(signature, runnable.map((i) => lists[i]!));
  return { start, count: cells.length, values, truth, status, notes, runnable, feeds, empty };
}

/** A chunk every row of which passed the quick check (the usual chunk of a clean numeric file). */
function preparePlain(signature: Signature, start: number, data: Float64Array, truth: readonly string[] | null): PreparedChunk {
  const width = signature.features.length;
  const count = data.length / width;
  const runnable = Array.from({ length: count }, (_, i) => i);
  return { start, count, values: { kind: 'packed', width, data }, truth, status: new Uint8Array(count), notes: new Map(), runnable, feeds: packedToFeeds(signature, data, runnable), empty: 0 };
}

const isBlank = (cell: unknown): boolean => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A row whose every cell is missing or blank (a `,,,` line in a CSV). */
export function isEmptyRow(row: readonly unknown[]): boolean {
  return row.every(isBlank);
}

/** Spreads the predictions of the runnable rows back over the whole chunk. */
export function finishChunk(prepared: PreparedChunk, plan: PredictionPlan, outputs: Readonly<Record<string, HostTensor>> | null, options: { readonly softmax?: boolean } = {}): ScoredChunk {
  const count = prepared.count;
  const fed = outputs ? readPredictions(plan, outputs, options) : readPredictions(plan, {}, options);
  const { start, values, truth, status, notes, empty } = prepared;
  // Every row ran (the usual case): the predictions are already one per row, in order.
  if (prepared.runnable.length === count && fed.rows === count && fed.classIndex.length === count && fed.className.length === count) return { start, values, truth, status, notes, empty, count, predictions: fed, outputs };
  const width = fed.scores ? fed.classes.length : 0;
  const classIndex = new Int32Array(count).fill(-1);
  const className = new Array<string>(count).fill('');
  const confidence = new Float32Array(count).fill(NaN);
  const scores = fed.scores ? new Float32Array(count * width).fill(NaN) : null;
  const regression = fed.values ? new Float64Array(count).fill(NaN) : null;
  prepared.runnable.forEach((row, k) => {
    classIndex[row] = fed.classIndex[k] ?? -1;
    className[row] = fed.className[k] ?? '';
    confidence[row] = fed.confidence[k] ?? NaN;
    if (scores && fed.scores) scores.set(fed.scores.subarray(k * width, (k + 1) * width), row * width);
    if (regression && fed.values) regression[row] = fed.values[k]!;
  });
  return { start, values, truth, status, notes, empty, count, predictions: { ...fed, rows: count, classIndex, className, confidence, scores, values: regression }, outputs };
}

/** Rows per engine call: aim for about `targetMs` per call so that Cancel answers quickly. */
export function nextChunkRows(current: number, lastRunMs: number, targetMs = 120, limit = 8192): number {
  if (!(lastRunMs > 0)) return Math.min(limit, current * 2);
  const scaled = Math.round((current * targetMs) / lastRunMs);
  return Math.max(1, Math.min(limit, current * 4, scaled));
}

/** Finds the chunk holding a row (chunks are in order and contiguous). */
export function locateRow(chunks: readonly ScoredChunk[], row: number): { chunk: ScoredChunk; index: number } | null {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = chunks[mid]!;
    if (row < c.start) hi = mid - 1;
    else if (row >= c.start + c.count) lo = mid + 1;
    else return { chunk: c, index: row - c.start };
  }
  return null;
}

const isNumberText = (text: string): boolean => parseDecimal(text.trim()) !== null;

/**
 * A true label from a file cell, as a class position: a class name; else the value the model's
 * label output gives that class (`labels`, sklearn-onnx's classlabels); else, where the classes
 * are numbers, the class of that number however it is written (pandas writes 1 as `1.0`); else a
 * class index. -1 when it is none of them.
 */
export function truthIndex(cell: string, classes: readonly string[], labels: readonly string[] | null = null): number {
  const byName = classes.indexOf(cell);
  if (byName >= 0) return byName;
  const trimmed = cell.trim();
  const byTrimmed = classes.indexOf(trimmed);
  if (byTrimmed >= 0) return byTrimmed;
  const byLabel = labels ? labels.indexOf(trimmed) : -1;
  if (byLabel >= 0) return byLabel;
  const n = parseDecimal(trimmed);
  if (n === null) return -1;
  const numbers = labels && labels.every(isNumberText) ? labels : classes.length > 0 && classes.every(isNumberText) ? classes : null;
  if (numbers) return numbers.findIndex((c) => parseDecimal(c.trim()) === n);
  return Number.isInteger(n) && n >= 0 && (classes.length === 0 || n < classes.length) ? n : -1;
}

/** A true label as the table shows it beside predicted class names: `2 (virginica)` for an index or a label value, a name as it is. */
export function truthText(cell: string, classes: readonly string[] | null, labels: readonly string[] | null = null): string {
  if (!classes || classes.length === 0 || classes.includes(cell) || classes.includes(cell.trim())) return cell;
  const i = truthIndex(cell, classes, labels);
  return i >= 0 ? `${cell.trim()} (${classes[i]})` : cell;
}
