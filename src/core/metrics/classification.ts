/** Per-class counts and scores, as scikit-learn's classification_report computes them. */
export interface ClassScore {
  readonly label: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly support: number;
}

export interface ClassificationMetrics {
  readonly n: number;
  readonly accuracy: number;
  /** Mean F1 over the labels present in y_true or y_pred (scikit-learn's `average="macro"`). */
  readonly f1Macro: number;
  readonly f1Weighted: number;
  readonly precisionMacro: number;
  readonly recallMacro: number;
  /** F1 of label 1, for two-class problems (scikit-learn's default `average="binary"`). */
  readonly f1Binary: number | null;
  /** `confusion[t][p]`: rows with true label t predicted as p, for labels 0 … size-1. */
  readonly confusion: readonly (readonly number[])[];
  readonly perClass: readonly ClassScore[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Classification metrics from integer labels; labels outside [0, classCount) are counted but not in the matrix. */
export function classificationMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classCount: number): ClassificationMetrics {
  if (yTrue.length !== yPred.length) throw new Error(`${yTrue.length} true labels for ${yPred.length} predictions`);
  const n = yTrue.length;
  const size = Math.max(classCount, 0);
  const confusion = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const tp = new Map<number, number>();
  const predicted = new Map<number, number>();
  const actual = new Map<number, number>();
  const bump = (m: Map<number, number>, k: number): void => void m.set(k, (m.get(k) ?? 0) + 1);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    const t = yTrue[i]!;
    const p = yPred[i]!;
    bump(actual, t);
    bump(predicted, p);
    if (t === p) {
      correct++;
      bump(tp, t);
    }
    if (t >= 0 && t < size && p >= 0 && p < size) confusion[t]![p]!++;
  }
  const labels = [...new Set([...actual.keys(), ...predicted.keys()])].sort((a, b) => a - b);
  const perClass = labels.map((label) => {
    const hits = tp.get(label) ?? 0;
    const precision = ratio(hits, predicted.get(label) ?? 0);
    const recall = ratio(hits, actual.get(label) ?? 0);
    return { label, precision, recall, f1: ratio(2 * hits, (predicted.get(label) ?? 0) + (actual.get(label) ?? 0)), support: actual.get(label) ?? 0 };
  });
  const mean = (f: (c: ClassScore) => number): number => ratio(perClass.reduce((s, c) => s + f(c), 0), perClass.length);
  const binary = labels.length <= 2 && labels.every((l) => l === 0 || l === 1) ? (perClass.find((c) => c.label === 1)?.f1 ?? 0) : null;
  return {
    n,
    accuracy: ratio(correct, n),
    f1Macro: mean((c) => c.f1),
    f1Weighted: ratio(perClass.reduce((s, c) => s + c.f1 * c.support, 0), n),
    precisionMacro: mean((c) => c.precision),
    recallMacro: mean((c) => c.recall),
    f1Binary: binary,
    confusion,
    perClass,
  };
}
