import type { HostTensor } from './host-tensor';
import { tensorValues } from './host-tensor';
import { isDistribution, labelLookup } from './prediction';
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
export function predictClasses(outputs: Readonly<Record<string, HostTensor>>, classes: readonly string[] | undefined, limit = Infinity, labels: readonly string[] | null = null): Prediction | null {
  if (!classes || classes.length === 0) return null;
  const entries = Object.entries(outputs);
  const scores = entries.find(([, t]) => t.dims.length === 2 && t.dims[1] === classes.length && t.dtype.startsWith('float'));
  const label = entries.find(([, t]) => (t.dtype === 'int64' || t.dtype === 'int32') && t.dims.length === 1);
  if (label) {
    const values = tensorValues(label[1], limit);
    const width = classes.length;
    const probs = scores ? plainNumbers(scores[1], values.length * width) : null;
    // The batch's own rule (readPredictions): a label is the class's value where the model lists its labels (sklearn-onnx), else its position.
    const lookup = labelLookup(classes, labels && labels.length === width ? labels : null);
    return {
      output: label[0],
      totalRows: label[1].dims[0] ?? 0,
      rows: values.map((v, r) => {
        const text = String(v);
        const found = lookup.ofNumber(Number(v));
        const c = found >= 0 && found < width ? found : lookup.ofText(text);
        const row = probs ? probs.slice(r * width, (r + 1) * width) : null;
        // A score is shown as a probability only when the row is a distribution (not logits).
        return { classIndex: c, className: (c >= 0 ? classes[c] : undefined) ?? text, score: row && c >= 0 && c < width && isDistribution(row, width) ? row[c]! : null };
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
      return { classIndex: best, className: classes[best] ?? String(best), score: isDistribution(row, classes.length) ? row[best]! : null };
    }),
  };
}
