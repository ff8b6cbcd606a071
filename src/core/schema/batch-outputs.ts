import type { ClassificationMetrics } from '../metrics/classification';
import type { MetricComparison } from '../metrics/recorded';
import type { MetricsCoverage } from '../metrics/coverage';
import type { RegressionMetrics } from '../metrics/regression';
import type { ScoredChunk } from './batch-chunk';
import { ROW_SKIPPED } from './batch-chunk';
import type { BatchSummary } from './batch-summary';
import { jsonElements } from '../tensors/tensor-json';
import type { OutputsDocument } from './outputs';
import type { ExportPiece } from './batch-export';

/** What the labels of a scored file say about the model (only when the file had labels). */
export interface BatchMetrics {
  /** The column that held the true labels. */
  readonly labelColumn: string;
  readonly rows: number;
  readonly scored: number;
  readonly skipped: number;
  /** Scored rows with a readable label: the rows the figures count. */
  readonly labelled: number;
  readonly classes: readonly string[];
  readonly classification: ClassificationMetrics | null;
  readonly regression: RegressionMetrics | null;
  /** The package's recorded metrics next to the measured ones (each within its tolerance, on the `labelled` rows only). */
  readonly recorded: readonly MetricComparison[];
  /** Labelled rows in all, and those left out of the figures (a label the model cannot read, a NaN or infinite prediction). */
  readonly coverage: MetricsCoverage;
}

/**
 * The "Download outputs (JSON)" file of a scored batch: the Run tab's outputs format, plus the
 * file row of each output row and metrics when the file had labels.
 */
export interface BatchOutputsDocument extends OutputsDocument {
  /**
   * The 1-based file row (the `row` of "Download predictions (JSON)") of each row of the outputs, in
   * order: rows that were not scored are not in the outputs, so output row k is file row `rows[k]`.
   */
  readonly rows: number[];
  readonly metrics?: BatchMetrics;
}

/** Each output's joined dims and dtype over the scored chunks, found without reading their data. */
interface JoinedOutput {
  readonly dims: number[];
  readonly dtype: string;
}

/**
 * The outputs of every scored chunk, by name, with their joined shapes. Throws when a chunk
 * was scored without its raw outputs or when an output's other dimensions differ between chunks.
 */
function joinOutputs(chunks: readonly ScoredChunk[]): Map<string, JoinedOutput> {
  const joined = new Map<string, JoinedOutput>();
  for (const chunk of chunks) {
    const scored = chunk.status.some((s, i) => i < chunk.count && s !== ROW_SKIPPED);
    if (!chunk.outputs) {
      if (scored) throw new Error(`rows ${chunk.start + 1}–${chunk.start + chunk.count} were scored without their outputs`);
      continue;
    }
    for (const [name, t] of Object.entries(chunk.outputs)) {
      const entry = joined.get(name);
      if (!entry) {
        joined.set(name, { dims: t.dims.length === 0 ? [1] : [...t.dims], dtype: t.dtype });
        continue;
      }
      const rest = t.dims.slice(1).join(',');
      if (t.dims.length === 0 ? entry.dims.length !== 1 : entry.dims.slice(1).join(',') !== rest || t.dtype !== entry.dtype) {
        throw new Error(`output “${name}” is ${t.dtype} [${t.dims.join(', ')}] in rows from ${chunk.start + 1} but ${entry.dtype} [${entry.dims.join(', ')}] before, so its chunks cannot be joined`);
      }
      entry.dims[0] = entry.dims[0]! + (t.dims[0] ?? 1);
    }
  }
  return joined;
}

function batchMetrics(summary: BatchSummary | null, labelColumn: string | null): BatchMetrics | null {
  if (!labelColumn || !summary || summary.coverage.labelled === 0) return null;
  const { rows, scored, skipped, labelled, classes, classification, regression, comparisons, coverage } = summary;
  return { labelColumn, rows, scored, skipped, labelled, classes, classification, regression, recorded: comparisons, coverage };
}

/** Elements written per piece of the streamed document. */
const ELEMENTS_PER_PIECE = 16_384;

/** The 1-based file rows of the scored rows, a bounded piece at a time, each with the rows gone through. */
function* scoredRowPieces(chunks: readonly ScoredChunk[]): Generator<{ rows: number[]; done: number }> {
  let rows: number[] = [];
  let done = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.count; i++) {
      if (chunk.status[i] !== ROW_SKIPPED && chunk.outputs) rows.push(chunk.start + i + 1);
      if (rows.length === ELEMENTS_PER_PIECE) {
        yield { rows, done: done + i + 1 };
        rows = [];
      }
    }
    done += chunk.count;
  }
  if (rows.length > 0) yield { rows, done };
}

/**
 * Every output of every scored chunk, joined along the first (batch) dimension, as a
 * `BatchOutputsDocument` (the format of `outputsDocument`, plus `rows` and, when the file had
 * labels, `metrics`) written a piece at a time for `buildDownload`:
 * `{"outputs": {NAME: {"dims", "dtype", "data"}}, "rows": [1, 2, 4, …], "metrics": {…}}`.
 * Rows that were not scored (missing or unreadable values) are not in the outputs (`metrics.skipped`
 * counts them), so `rows` gives the 1-based file row of each output row: row k of every output
 * (along its first dimension) is file row `rows[k]`. Each output's data, and `rows`, are written a
 * bounded slice of elements at a time, never as one string, so a million-row batch's outputs never
 * hold the page in one step. `rowsDone` counts rows over all outputs and `rows` (each goes through
 * every row once), scaled to the row count. Shapes are checked first: a batch whose chunks cannot
 * be joined throws before any text is made.
 */
export function batchOutputsPieces(chunks: readonly ScoredChunk[], summary: BatchSummary | null, labelColumn: string | null): Generator<ExportPiece> {
  const joined = joinOutputs(chunks);
  const metrics = batchMetrics(summary, labelColumn);
  return (function* () {
    const names = [...joined.keys()];
    const rows = chunks.reduce((n, c) => n + c.count, 0);
    // Each output is a pass over every row, and so is `rows`.
    const passes = names.length + 1;
    yield { text: '{\n  "outputs": {', rowsDone: 0 };
    for (const [k, name] of names.entries()) {
      const { dims, dtype } = joined.get(name)!;
      yield { text: `${k > 0 ? ',' : ''}\n    ${JSON.stringify(name)}: {\n      "dims": ${JSON.stringify(dims)},\n      "dtype": ${JSON.stringify(dtype)},\n      "data": [`, rowsDone: (k * rows) / passes };
      let first = true;
      let done = 0;
      for (const chunk of chunks) {
        const tensor = chunk.outputs?.[name];
        done += chunk.count;
        if (!tensor) continue;
        const data = jsonElements(tensor);
        for (let i = 0; i < data.length; i += ELEMENTS_PER_PIECE) {
          const text = data.slice(i, i + ELEMENTS_PER_PIECE).map((v) => JSON.stringify(v)).join(',');
          if (text === '') continue;
          yield { text: (first ? '' : ',') + text, rowsDone: (k * rows + done) / passes };
          first = false;
        }
      }
      yield { text: ']\n    }', rowsDone: ((k + 1) * rows) / passes };
    }
    yield { text: '\n  },\n  "rows": [', rowsDone: (names.length * rows) / passes };
    let first = true;
    for (const piece of scoredRowPieces(chunks)) {
      yield { text: (first ? '' : ',') + piece.rows.join(','), rowsDone: (names.length * rows + piece.done) / passes };
      first = false;
    }
    yield { text: `]${metrics ? `,\n  "metrics": ${JSON.stringify(metrics, null, 2).replace(/\n/g, '\n  ')}` : ''}\n}\n`, rowsDone: rows };
  })();
}
