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

/** Counts of labelled rows, added one at a time (a long batch chunk by chunk): the metrics need nothing else. */
export interface ClassificationCounter {
  add(truth: number, predicted: number): void;
  readonly n: number;
  metrics(): ClassificationMetrics;
}

/** Per-label counts: an array for the model's labels 0 … size-1, a map for any other (a −1, an index past the classes). */
function createLabelCounts(size: number) {
  const inRange = new Array<number>(size).fill(0);
  const others = new Map<number, number>();
  return {
    bump(k: number): void {
      if (Number.isInteger(k) && k >= 0 && k < size) inRange[k]! += 1;
      else others.set(k, (others.get(k) ?? 0) + 1);
    },
    get: (k: number): number => (Number.isInteger(k) && k >= 0 && k < size ? inRange[k]! : (others.get(k) ?? 0)),
    labels: (): number[] => [...inRange.flatMap((c, k) => (c > 0 ? [k] : [])), ...others.keys()],
  };
}

export function createClassificationCounter(classCount: number): ClassificationCounter {
  const size = Math.max(classCount, 0);
  const confusion = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const tp = createLabelCounts(size);
  const predicted = createLabelCounts(size);
  const actual = createLabelCounts(size);
  let n = 0;
  let correct = 0;
  return {
    get n() {
      return n;
    },
    add(t, p) {
      n++;
      actual.bump(t);
      predicted.bump(p);
      if (t === p) {
        correct++;
        tp.bump(t);
      }
      if (t >= 0 && t < size && p >= 0 && p < size) confusion[t]![p]!++;
    },
    metrics() {
      const labels = [...new Set([...actual.labels(), ...predicted.labels()])].sort((a, b) => a - b);
      const perClass = labels.map((label) => {
        const hits = tp.get(label);
        return { label, precision: ratio(hits, predicted.get(label)), recall: ratio(hits, actual.get(label)), f1: ratio(2 * hits, predicted.get(label) + actual.get(label)), support: actual.get(label) };
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
        confusion: confusion.map((row) => [...row]),
        perClass,
      };
    },
  };
}

/** Classification metrics from integer labels; labels outside [0, classCount) are counted but not in the matrix. */
export function classificationMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, classCount: number): ClassificationMetrics {
  if (yTrue.length !== yPred.length) throw new Error(`${yTrue.length} true labels for ${yPred.length} predictions`);
  const counter = createClassificationCounter(classCount);
  for (let i = 0; i < yTrue.length; i++) counter.add(yTrue[i]!, yPred[i]!);
  return counter.metrics();
}
