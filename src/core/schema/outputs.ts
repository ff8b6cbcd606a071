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

const isProbabilityRow = (row: readonly number[]): boolean => row.every((v) => v >= 0 && v <= 1) && Math.abs(row.reduce((a, b) => a + b, 0) - 1) < 1e-3;

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
export function predictClasses(outputs: Readonly<Record<string, HostTensor>>, classes: readonly string[] | undefined, limit = Infinity, labels: readonly string[] | null = null): Prediction | null {
  if (!classes || classes.length === 0) return null;
  const entries = Object.entries(outputs);
  const scores = entries.find(([, t]) => t.dims.length === 2 && t.dims[1] === classes.length && t.dtype.startsWith('float'));
  const label = entries.find(([, t]) => (t.dtype === 'int64' || t.dtype === 'int32') && t.dims.length === 1);
  if (label) {
    const values = tensorValues(label[1], limit).map(String);
    const width = classes.length;
    const probs = scores ? plainNumbers(scores[1], values.length * width) : null;
    // A label is the class's value where the model lists its labels (sklearn-onnx), else its position.
    const positionOf = (text: string): number => (labels && labels.length === width ? labels.indexOf(text) : Number.isInteger(Number(text)) && Number(text) >= 0 && Number(text) < width ? Number(text) : -1);
    return {
      output: label[0],
      totalRows: label[1].dims[0] ?? 0,
      rows: values.map((text, r) => {
        const c = positionOf(text);
        const row = probs ? probs.slice(r * width, (r + 1) * width) : null;
        // A score is shown as a probability only when the row is a distribution (not logits).
        return { classIndex: c, className: (c >= 0 ? classes[c] : undefined) ?? text, score: row && c >= 0 && isProbabilityRow(row) ? row[c]! : null };
      }),
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
      return { classIndex: best, className: classes[best] ?? String(best), score: isProbabilityRow(row) ? row[best]! : null };
    }),
  };
}
