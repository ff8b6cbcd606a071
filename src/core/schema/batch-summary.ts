import { createClassificationCounter, type ClassificationCounter, type ClassificationMetrics } from '../metrics/classification';
import type { MetricsCoverage } from '../metrics/coverage';
import { compareRecorded, type MetricComparison } from '../metrics/recorded';
import { regressionMetrics, type RegressionMetrics } from '../metrics/regression';
import { ROW_SKIPPED, ROW_WARNING, truthIndex, type ScoredChunk } from './batch-chunk';
import { parseDecimal } from './number-text';

export interface BatchSummary {
  readonly rows: number;
  readonly scored: number;
  readonly flagged: number;
  readonly skipped: number;
  /** Of the skipped rows, those with no value at all. */
  readonly empty: number;
  /** Scored rows whose label could be read (and so count in the metrics). */
  readonly labelled: number;
  /** Every scored row with a label, and those left out of the metrics (label unknown, prediction not finite) with why. */
  readonly coverage: MetricsCoverage;
  readonly classes: readonly string[];
  readonly classification: ClassificationMetrics | null;
  readonly regression: RegressionMetrics | null;
  /** The package's recorded metrics next to the measured ones. */
  readonly comparisons: readonly MetricComparison[];
}

/** Running counts and labels, fed chunk by chunk so that the end of a long batch costs little. */
export interface BatchTally {
  add(chunk: ScoredChunk): void;
  summary(recorded: Readonly<Record<string, number>> | null): BatchSummary;
}

type TaskKind = 'classification' | 'regression' | 'tensors';

/**
 * The labelled rows of a tally: counts per class (a million labelled rows are summed as they
 * come, not at the end) or the regression values, and the labelled rows left out, with why.
 */
function createLabelTally() {
  let classes: readonly string[] = [];
  let labels: readonly string[] | null = null;
  let counter: ClassificationCounter | null = null;
  const yTrue: number[] = [];
  const yPred: number[] = [];
  // Scored rows with a label cell, and (regression) those left out: the rest of a classifier's are labels outside the classes.
  let labelCells = 0;
  let unreadableTruth = 0;
  let nonFinite = 0;
  // A label column holds few distinct cells: each is read once (bounded, for a column of free text).
  const truths = new Map<string, number>();
  const truthOf = (cell: string): number => {
    let t = truths.get(cell);
    if (t === undefined) {
      t = truthIndex(cell, classes, labels);
      if (truths.size < 10_000) truths.set(cell, t);
    }
    return t;
  };
  return {
    classes: () => classes,
    learnClasses(predictions: ScoredChunk['predictions']): void {
      if (classes.length > 0 || predictions.classes.length === 0) return;
      classes = predictions.classes;
      labels = predictions.labels ?? null;
      truths.clear();
    },
    /** Row `i` of a chunk, scored, with a label cell that is not blank. */
    add(kind: TaskKind, cell: string, predictions: ScoredChunk['predictions'], i: number): void {
      if (kind !== 'tensors') labelCells++;
      if (kind === 'classification') {
        const t = truthOf(cell);
        if (t < 0) return;
        counter ??= createClassificationCounter(classes.length);
        counter.add(t, predictions.classIndex[i]!);
      } else if (kind === 'regression') {
        const t = parseDecimal(cell) ?? NaN;
        const p = predictions.values?.[i] ?? NaN;
        if (!Number.isFinite(t)) {
          unreadableTruth++;
          return;
        }
        // A NaN or infinite prediction would make every metric NaN: left out, but counted so that no verdict rests on the rest.
        if (!Number.isFinite(p)) {
          nonFinite++;
          return;
        }
        yTrue.push(t);
        yPred.push(p);
      }
    },
    metrics(kind: TaskKind) {
      const labelled = kind === 'classification' ? (counter?.n ?? 0) : yTrue.length;
      const classification = kind === 'classification' && counter && labelled > 0 ? counter.metrics() : null;
      const regression = kind === 'regression' && labelled > 0 ? regressionMetrics(yTrue, yPred) : null;
      const coverage: MetricsCoverage = { task: kind === 'tensors' ? null : kind, labelled: labelCells, measured: labelled, unknownLabel: kind === 'regression' ? unreadableTruth : labelCells - labelled, nonFinite };
      return { labelled, classification, regression, coverage };
    },
  };
}

export function createBatchTally(): BatchTally {
  let rows = 0;
  let flagged = 0;
  let skipped = 0;
  let empty = 0;
  let kind: TaskKind = 'tensors';
  const labelled = createLabelTally();
  return {
    add(chunk) {
      if (kind === 'tensors') kind = chunk.predictions.kind;
      labelled.learnClasses(chunk.predictions);
      rows += chunk.count;
      empty += chunk.empty ?? 0;
      for (let i = 0; i < chunk.count; i++) {
        const status = chunk.status[i];
        if (status === ROW_SKIPPED) {
          skipped++;
          continue;
        }
        if (status === ROW_WARNING) flagged++;
        const cell = chunk.truth?.[i];
        if (cell !== undefined && cell !== null && cell.trim() !== '') labelled.add(kind, cell, chunk.predictions, i);
      }
    },
    summary(recorded) {
      const { labelled: used, classification, regression, coverage } = labelled.metrics(kind);
      const measured = classification ? { classification } : regression ? { regression } : null;
      return {
        rows,
        scored: rows - skipped,
        flagged,
        skipped,
        empty,
        labelled: used,
        coverage,
        classes: labelled.classes(),
        classification,
        regression,
        comparisons: recorded && measured ? compareRecorded(recorded, measured) : [],
      };
    },
  };
}

/** Counts and metrics over every scored chunk; metrics only when the file had labels. */
export function summarizeBatch(chunks: readonly ScoredChunk[], recorded: Readonly<Record<string, number>> | null): BatchSummary {
  const tally = createBatchTally();
  for (const chunk of chunks) tally.add(chunk);
  return tally.summary(recorded);
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * The one-line account of a batch: every row counted (scored, skipped, empty, flagged) and every
 * column of the file that fed nothing named, so that nothing is dropped without a word.
 */
export function describeBatchCounts(summary: BatchSummary, ignoredColumns: readonly string[], stopped: boolean): string {
  const parts = [`${summary.scored.toLocaleString('en-US')} of ${summary.rows.toLocaleString('en-US')} rows scored`];
  const unreadable = summary.skipped - summary.empty;
  if (unreadable > 0) parts.push(`${unreadable.toLocaleString('en-US')} not scored (missing or unreadable values)`);
  if (summary.empty > 0) parts.push(`${plural(summary.empty, 'empty row', 'empty rows')} skipped`);
  if (summary.flagged > 0) parts.push(`${summary.flagged.toLocaleString('en-US')} flagged (outside a declared or training range, still scored)`);
  const ignored = ignoredColumns.length > 0 ? `; ${ignoredColumns.length === 1 ? 'column' : 'columns'} ${ignoredColumns.map((c) => `“${c}”`).join(', ')} ignored (no such feature)` : '';
  return `${stopped ? 'Stopped: ' : ''}${parts.join(', ')}${ignored}.`;
}
