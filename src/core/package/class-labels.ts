import { int64ToNumber, type DecodedModel, type DecodedNode } from './onnx-structure';

const decoder = new TextDecoder();

/** ONNX-ML classifiers whose label output holds a class's own value (`classlabels_*`), not its position. */
const CLASSIFIERS = new Set(['LinearClassifier', 'SVMClassifier', 'TreeEnsembleClassifier']);

/** A node's `classlabels_strings`, else its `classlabels_int64s` / `classlabels_ints` as exact decimal text; null when it has none. */
export function nodeClassLabels(node: DecodedNode): string[] | null {
  const attribute = (name: string) => node.attribute?.find((a) => a.name === name);
  const strings = attribute('classlabels_strings')?.strings ?? [];
  if (strings.length > 0) return strings.map((s) => decoder.decode(s));
  const ints = attribute('classlabels_int64s')?.ints ?? attribute('classlabels_ints')?.ints ?? [];
  // int64 labels as their exact decimal text (a Long's toString), never through a float.
  return ints.length > 0 ? ints.map((i) => (typeof i === 'number' ? String(int64ToNumber(i)) : i.toString())) : null;
}

/**
 * The class labels of the model's classifier, in the order of its score columns: what its label
 * output holds (sklearn-onnx: the classes' values, e.g. 1, 2, 3 or "cat", never their positions).
 * Null when it has no ONNX-ML classifier, or several that disagree.
 */
export function classLabelsOf(model: DecodedModel): readonly string[] | null {
  let found: string[] | null = null;
  for (const node of model.graph?.node ?? []) {
    if (!CLASSIFIERS.has(node.opType ?? '')) continue;
    const labels = nodeClassLabels(node);
    if (!labels) continue;
    if (found && (found.length !== labels.length || found.some((l, i) => l !== labels[i]))) return null;
    found = labels;
  }
  return found;
}
