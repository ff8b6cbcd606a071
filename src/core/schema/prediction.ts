import { parseJsonText } from '../package/json-text';
import type { TensorSpec } from '../protocol/tensor';
import { tensorValues, type HostTensor } from './host-tensor';

/** How to read a model's outputs, decided from their specs before anything runs. */
export type PredictionPlan =
  | {
      readonly kind: 'classification';
      /** An integer or string label output (sklearn-onnx `label`, `output_label`). */
      readonly labelOutput: string | null;
      /** A `[N, classes]` score output: probabilities or logits. */
      readonly scoreOutput: string | null;
      readonly classes: readonly string[] | null;
      /**
       * What the label output holds for each class, in class order, when the model says
       * (an ONNX-ML classifier's `classlabels_*`: sklearn-onnx labels are the classes' values, so
       * label 1 of classes 1, 2, 3 is the first class). Null: a label is the class's position.
       */
      readonly labels: readonly string[] | null;
    }
  | { readonly kind: 'regression'; readonly output: string; readonly target: string }
  | { readonly kind: 'tensors' };

export interface PlanHints {
  /** metadata.json target_classes, the ZipMap labels, or the model's metadata_props. */
  readonly classes?: readonly string[] | null;
  /** The model's classifier labels (`classlabels_*`), in score-column order: what its label output holds. */
  readonly labels?: readonly string[] | null;
  readonly targetColumn?: string | null;
}

const rank1 = (s: TensorSpec): boolean => s.shape !== null && (s.shape.length === 1 || (s.shape.length === 2 && s.shape[1] === 1));
const isFloat = (s: TensorSpec): boolean => s.dtype.startsWith('float');

export function planPrediction(outputs: readonly TensorSpec[], hints: PlanHints = {}): PredictionPlan {
  const classes = hints.classes && hints.classes.length > 0 ? hints.classes : null;
  const labels = outputs.filter((o) => ['int64', 'int32', 'string'].includes(o.dtype) && rank1(o));
  const scores = outputs.filter((o) => isFloat(o) && o.shape?.length === 2 && o.shape[1] !== 1);
  // An integer or string output is a class only when its name says so, or classes or class scores
  // are known beside it: token ids or a string transform are not "Predicted class".
  const label = labels.find((o) => /label|class/i.test(o.name)) ?? (classes !== null || scores.length > 0 ? (labels[0] ?? null) : null);
  const score =
    scores.find((o) => classes !== null && o.shape![1] === classes.length) ??
    scores.find((o) => /prob|logit|score/i.test(o.name)) ??
    (classes !== null || label !== null ? (scores[0] ?? null) : null);
  if (label || (score && (classes !== null || /prob|logit|score|class/i.test(score.name)))) {
    const width = score?.shape?.[1];
    // Labels that do not match the score columns in number cannot say which column is which class.
    const labels = hints.labels && hints.labels.length > 0 && (typeof width !== 'number' || width === hints.labels.length) ? hints.labels : null;
    // Classes that are the model's own labels in another order (metadata listing them its own way) are named in the
    // model's order: score column k is label k. Other class names name the labels by position (sklearn's sorted classes_).
    const named = labels && classes && classes.length === labels.length && labels.every((l) => classes.includes(l)) ? labels : classes;
    return { kind: 'classification', labelOutput: label?.name ?? null, scoreOutput: score?.name ?? null, classes: named, labels };
  }
  const value = outputs.find((o) => isFloat(o) && (rank1(o) || o.shape === null));
  if (value && classes === null) return { kind: 'regression', output: value.name, target: hints.targetColumn ?? value.name };
  return { kind: 'tensors' };
}

export interface RankedClass {
  readonly index: number;
  readonly name: string;
  readonly score: number;
}

/** Scores of one batch, one entry per row. */
export interface BatchPredictions {
  readonly kind: 'classification' | 'regression' | 'tensors';
  readonly rows: number;
  /** Predicted class per row (-1 when unknown). */
  readonly classIndex: Int32Array;
  /** The predicted class’s name per row (string labels have no index without a class list). */
  readonly className: readonly string[];
  /** Score of the predicted class (probability when the scores are probabilities). */
  readonly confidence: Float32Array;
  /** `[rows × classes]` scores as shown (after softmax when asked), or null. */
  readonly scores: Float32Array | null;
  readonly classes: readonly string[];
  /** `probabilities` when rows sum to 1, `logits` otherwise; `softmax` when softmax was applied. */
  readonly scoreKind: 'probabilities' | 'logits' | 'softmax' | null;
  /** Regression values per row. */
  readonly values: Float64Array | null;
  /** What the model's label output holds for each class (`PredictionPlan` labels): a file's true labels may be written so. */
  readonly labels?: readonly string[] | null;
}

/** A numeric output's values as numbers (int64 made Number, float16 decoded), copied into `Out`. */
function plain<Out extends Float32Array | Float64Array>(t: HostTensor, make: (n: number) => Out): Out {
  const data = t.data;
  if (ArrayBuffer.isView(data) && !(data instanceof BigInt64Array || data instanceof BigUint64Array) && t.dtype !== 'float16') {
    const out = make(data.length);
    out.set(data as ArrayLike<number>);
    return out;
  }
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) return int64Numbers(data, make(data.length));
  const values = tensorValues(t);
  const out = make(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number(values[i]);
  return out;
}

/**
 * 64-bit integers as numbers, read from their two 32-bit halves (little-endian, as every
 * platform that runs this): no BigInt per value, each of which is an allocation. The sum of the
 * exact high part and the low part rounds once, as `Number(bigint)` does.
 */
function int64Numbers<Out extends Float32Array | Float64Array>(data: BigInt64Array | BigUint64Array, out: Out): Out {
  const halves = new Uint32Array(data.buffer, data.byteOffset, data.length * 2);
  const signed = data instanceof BigInt64Array;
  for (let i = 0; i < data.length; i++) {
    const high = halves[2 * i + 1]!;
    out[i] = (signed ? high | 0 : high) * 4294967296 + halves[2 * i]!;
  }
  return out;
}

/** True when every row lies in [0, 1] and sums to 1 (within float error). */
export function isDistribution(scores: ArrayLike<number>, classes: number): boolean {
  if (classes < 1) return false;
  for (let r = 0; r * classes < scores.length; r++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const v = scores[r * classes + c]!;
      if (!(v >= -1e-6 && v <= 1 + 1e-6)) return false;
      sum += v;
    }
    if (Math.abs(sum - 1) > 1e-3) return false;
  }
  return true;
}

/** Row-wise softmax, stable against large logits. */
export function softmaxRows(scores: ArrayLike<number>, classes: number): Float32Array {
  const out = new Float32Array(scores.length);
  for (let r = 0; r * classes < scores.length; r++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, scores[r * classes + c]!);
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += out[r * classes + c] = Math.exp(scores[r * classes + c]! - max);
    for (let c = 0; c < classes; c++) out[r * classes + c]! /= sum;
  }
  return out;
}

/** The classes of one row, highest score first. */
export function rankClasses(predictions: BatchPredictions, row: number, k = Infinity): RankedClass[] {
  const { scores, classes } = predictions;
  if (!scores) return [];
  const width = classes.length;
  return Array.from({ length: width }, (_, c) => ({ index: c, name: classes[c]!, score: scores[row * width + c]! }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, k);
}

/**
 * Which class a label output's value names: the model's own labels (`PredictionPlan` labels,
 * sklearn-onnx's classlabels) map each label to its class, by value for integers so that no
 * string is spelled per row; without them an integer label is a class position and a text label
 * a class name. -1 when it names none.
 */
export function labelLookup(classes: readonly string[], labels: readonly string[] | null) {
  const position = labels ? new Map(labels.map((label, k) => [label, k])) : null;
  const byValue = labels ? new Map(labels.flatMap((label, k): [number, number][] => (Number.isSafeInteger(Number(label)) && String(Number(label)) === label ? [[Number(label), k]] : []))) : null;
  return {
    ofNumber: (v: number): number => (byValue ? (byValue.get(v) ?? -1) : Number.isInteger(v) && v >= 0 && v < 2 ** 31 ? v : -1),
    ofText: (text: string): number => (position ? (position.get(text) ?? -1) : classes.indexOf(text)),
  };
}

/** Reads a batch's outputs with the plan: predicted class, confidence and scores, or a value per row. */
export function readPredictions(plan: PredictionPlan, outputs: Readonly<Record<string, HostTensor>>, options: { readonly softmax?: boolean } = {}): BatchPredictions {
  const empty = { classIndex: new Int32Array(0), className: [], confidence: new Float32Array(0), scores: null, classes: [], scoreKind: null, values: null };
  if (plan.kind === 'regression') {
    const t = outputs[plan.output];
    const values = t ? plain(t, (n) => new Float64Array(n)) : new Float64Array(0);
    return { ...empty, kind: 'regression', rows: values.length, classIndex: new Int32Array(values.length).fill(-1), values, confidence: new Float32Array(values.length) };
  }
  if (plan.kind === 'tensors') {
    const first = Object.values(outputs)[0];
    return { ...empty, kind: 'tensors', rows: first?.dims[0] ?? 0 };
  }
  const scoreTensor = plan.scoreOutput ? outputs[plan.scoreOutput] : undefined;
  const labelTensor = plan.labelOutput ? outputs[plan.labelOutput] : undefined;
  const width = scoreTensor?.dims[1] ?? plan.classes?.length ?? 0;
  const rows = scoreTensor?.dims[0] ?? labelTensor?.data.length ?? 0;
  const classes = plan.classes && plan.classes.length === width ? plan.classes : plan.classes && !scoreTensor ? plan.classes : Array.from({ length: width }, (_, c) => String(c));
  let scores: Float32Array | null = null;
  let scoreKind: BatchPredictions['scoreKind'] = null;
  if (scoreTensor && width > 0) {
    const raw = plain(scoreTensor, (n) => new Float32Array(n));
    const distribution = isDistribution(raw, width);
    scoreKind = distribution ? 'probabilities' : options.softmax ? 'softmax' : 'logits';
    scores = !distribution && options.softmax ? softmaxRows(raw, width) : raw;
  }
  const classIndex = new Int32Array(rows).fill(-1);
  const className: string[] = new Array<string>(rows).fill('');
  const confidence = new Float32Array(rows).fill(NaN);
  // A numeric label output as numbers once (an int64 one without a BigInt per row); a text one as it is.
  const labelNumbers = labelTensor && labelTensor.dtype !== 'string' ? plain(labelTensor, (n) => new Float64Array(n)) : null;
  const lookup = labelLookup(classes, plan.labels);
  for (let r = 0; r < rows; r++) {
    if (labelNumbers) {
      const v = labelNumbers[r]!;
      let k = lookup.ofNumber(v);
      let name = k >= 0 ? classes[k] : undefined;
      if (name === undefined) {
        // Past 2^53 a number is not the integer the model gave: its text is spelled from the integer itself.
        const text = Number.isSafeInteger(v) || !Number.isInteger(v) ? String(v) : String(labelTensor!.data[r]);
        if (k < 0) k = lookup.ofText(text);
        name = (k >= 0 ? classes[k] : undefined) ?? text;
      }
      classIndex[r] = k;
      className[r] = name;
    } else if (labelTensor) {
      const v = String(labelTensor.data[r]);
      const k = lookup.ofText(v);
      classIndex[r] = k;
      className[r] = (k >= 0 ? classes[k] : undefined) ?? v;
    } else if (scores) {
      let best = 0;
      for (let c = 1; c < width; c++) if (scores[r * width + c]! > scores[r * width + best]!) best = c;
      classIndex[r] = best;
      className[r] = classes[best] ?? String(best);
    }
    if (scores && classIndex[r]! >= 0 && classIndex[r]! < width) confidence[r] = scores[r * width + classIndex[r]!]!;
  }
  return { kind: 'classification', rows, classIndex, className, confidence, scores, classes, scoreKind, values: null, labels: plan.labels };
}

/** Class names from an ONNX model's metadata_props (`target_classes` / `classes` as a JSON list). */
export function classesFromMetadataProps(props: Readonly<Record<string, string>> | undefined): string[] | null {
  for (const key of ['target_classes', 'classes', 'class_names', 'labels']) {
    const text = props?.[key];
    if (!text) continue;
    // Model text is user data: parsed with the nesting bound, like every other JSON.
    const parsed = parseJsonText(text);
    if (parsed.ok && Array.isArray(parsed.value) && parsed.value.length > 0) return parsed.value.map(String);
    if (!parsed.ok) {
      const parts = text.split(',').map((s) => s.trim()).filter(Boolean);
      if (parts.length > 1) return parts;
    }
  }
  return null;
}
