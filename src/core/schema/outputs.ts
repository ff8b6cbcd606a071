import type { HostTensor } from './host-tensor';
import { tensorValues } from './host-tensor';
import { tensorDocument, type JsonElement } from '../tensors/tensor-json';

export interface OutputsDocument {
  readonly outputs: Record<string, { dims: number[]; dtype: string; data: JsonElement[] }>;
}

/** The "Download outputs" file: every output in full, as JSON (values as `jsonElements` writes them). */
export function outputsDocument(outputs: Readonly<Record<string, HostTensor>>): OutputsDocument {
  return { outputs: tensorDocument(outputs) };
}

const plainNumbers = (t: HostTensor, limit = Infinity): number[] => tensorValues(t, limit).map(Number);

export interface Prediction {
  readonly output: string;
  /** One entry per row of the batch, the first `limit` rows only. */
  readonly rows: readonly { readonly classIndex: number; readonly className: string; readonly score: number | null }[];
  /** Rows in the batch. */
  readonly totalRows: number;
}

/**
 * The predicted class per row when the package names its classes: from an integer label
 * output, else from the argmax of a [rows, classes] score output. Only the first `limit` rows are
 * read: a page showing a few of a 200,000-row batch's classes must not work through all of them.
 */
export function predictClasses(outputs: Readonly<Record<string, HostTensor>>, classes: readonly string[] | undefined, limit = Infinity): Prediction | null {
  if (!classes || classes.length === 0) return null;
  const entries = Object.entries(outputs);
  const scores = entries.find(([, t]) => t.dims.length === 2 && t.dims[1] === classes.length && t.dtype.startsWith('float'));
  const label = entries.find(([, t]) => (t.dtype === 'int64' || t.dtype === 'int32') && t.dims.length === 1);
  if (label) {
    const labels = plainNumbers(label[1], limit);
    const probs = scores ? plainNumbers(scores[1], labels.length * classes.length) : null;
    return {
      output: label[0],
      totalRows: label[1].dims[0] ?? 0,
      rows: labels.map((c, r) => ({ classIndex: c, className: classes[c] ?? String(c), score: probs ? (probs[r * classes.length + c] ?? null) : null })),
    };
  }
  if (!scores) return null;
  const totalRows = scores[1].dims[0] ?? 0;
  const rows = Math.min(totalRows, limit);
  const values = plainNumbers(scores[1], rows * classes.length);
  return {
    output: scores[0],
    totalRows,
    rows: Array.from({ length: rows }, (_, r) => {
      const row = values.slice(r * classes.length, (r + 1) * classes.length);
      const best = row.reduce((bi, v, i) => (v > row[bi]! ? i : bi), 0);
      const isDistribution = row.every((v) => v >= 0 && v <= 1) && Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-3;
      return { classIndex: best, className: classes[best] ?? String(best), score: isDistribution ? row[best]! : null };
    }),
  };
}
