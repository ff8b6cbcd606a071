import type { ClassificationMetrics } from '../metrics/classification';
import type { MetricComparison } from '../metrics/recorded';
import type { RegressionMetrics } from '../metrics/regression';
import type { ScoredChunk } from './batch-chunk';
import type { BatchSummary } from './batch-summary';
import { jsonElements, type JsonElement } from '../tensors/tensor-json';
import type { OutputsDocument } from './outputs';

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
  /** The package's recorded metrics next to the measured ones. */
  readonly recorded: readonly MetricComparison[];
}

/** The "Download outputs (JSON)" file of a scored batch: the Run tab's outputs format, plus metrics when the file had labels. */
export interface BatchOutputsDocument extends OutputsDocument {
  readonly metrics?: BatchMetrics;
}

/**
 * Every output of every scored chunk, joined along the first (batch) dimension, in the
 * format of `outputsDocument`. Rows that were not scored (missing or unreadable values) are
 * not in the outputs; `metrics.skipped` counts them. Throws when a chunk was scored without
 * its raw outputs or when an output's other dimensions differ between chunks.
 */
export function batchOutputsDocument(chunks: readonly ScoredChunk[], summary: BatchSummary | null, labelColumn: string | null): BatchOutputsDocument {
  const outputs: Record<string, { dims: number[]; dtype: string; data: JsonElement[] }> = {};
  for (const chunk of chunks) {
    const scored = chunk.status.some((s, i) => i < chunk.count && s !== 2);
    if (!chunk.outputs) {
      if (scored) throw new Error(`rows ${chunk.start + 1}–${chunk.start + chunk.count} were scored without their outputs`);
      continue;
    }
    for (const [name, t] of Object.entries(chunk.outputs)) {
      const data = jsonElements(t);
      const entry = outputs[name];
      if (!entry) {
        outputs[name] = { dims: t.dims.length === 0 ? [1] : [...t.dims], dtype: t.dtype, data };
        continue;
      }
      const rest = t.dims.slice(1).join(',');
      if (t.dims.length === 0 ? entry.dims.length !== 1 : entry.dims.slice(1).join(',') !== rest || t.dtype !== entry.dtype) {
        throw new Error(`output “${name}” is ${t.dtype} [${t.dims.join(', ')}] in rows from ${chunk.start + 1} but ${entry.dtype} [${entry.dims.join(', ')}] before, so its chunks cannot be joined`);
      }
      entry.dims[0] = entry.dims[0]! + (t.dims[0] ?? 1);
      for (const v of data) entry.data.push(v);
    }
  }
  const doc: BatchOutputsDocument = { outputs };
  if (!labelColumn || !summary || summary.labelled === 0) return doc;
  const { rows, scored, skipped, labelled, classes, classification, regression, comparisons } = summary;
  return { outputs, metrics: { labelColumn, rows, scored, skipped, labelled, classes, classification, regression, recorded: comparisons } };
}
