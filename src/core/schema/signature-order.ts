import type { MlflowSignature } from '../package/mlflow-signature';
import type { SignatureDraft } from './signature-draft';

/** A list that fixes the features' order (JSON Schema properties do not: an object's keys have no order). */
export interface OrderedList {
  /** How the user knows the list: “metadata.json feature_names”. */
  readonly label: string;
  readonly names: readonly string[];
}

/** Two ordered lists that put the same features in different orders: the first is used. */
export interface OrderConflict {
  readonly used: OrderedList;
  readonly other: OrderedList;
}

/** The package's ordered feature lists, preferred first: metadata.json feature_names, then the MLflow column signature (as parsed once by its reader). */
export function orderedFeatureLists(metadata: Readonly<Record<string, unknown>> | null, mlflow: MlflowSignature): OrderedList[] {
  const lists: OrderedList[] = [];
  if (Array.isArray(metadata?.feature_names) && metadata.feature_names.length > 0) lists.push({ label: 'metadata.json feature_names', names: metadata.feature_names.map(String) });
  const columns = mlflow.kind === 'columns' ? mlflow.inputs.flatMap((e) => (e.name ? [e.name] : [])) : [];
  if (columns.length > 0) lists.push({ label: 'the MLflow signature (MLmodel)', names: columns });
  return lists;
}

/** The first pair of lists that order their shared features differently, or null when they agree. */
export function orderConflict(lists: readonly OrderedList[]): OrderConflict | null {
  const used = lists[0];
  if (!used) return null;
  for (const other of lists.slice(1)) {
    const shared = new Set(used.names.filter((n) => other.names.includes(n)));
    const a = used.names.filter((n) => shared.has(n));
    const b = other.names.filter((n) => shared.has(n));
    if (a.some((n, i) => n !== b[i])) return { used, other };
  }
  return null;
}

const shown = (names: readonly string[]): string => `[${names.slice(0, 8).join(', ')}${names.length > 8 ? `, … ${names.length - 8} more` : ''}]`;

/** The conflict in words: both orders, which one rows are built in, and why. */
export function orderConflictText({ used, other }: OrderConflict): string {
  const shared = used.names.filter((n) => other.names.includes(n));
  const b = other.names.filter((n) => shared.includes(n));
  const at = shared.findIndex((n, i) => n !== b[i]);
  return (
    `${used.label} orders the features ${shown(used.names)}, but ${other.label} orders them ${shown(other.names)} ` +
    `(position ${at + 1}: “${shared[at]}” vs “${b[at]}”). Rows are built in the ${used.label} order, the package’s preferred description; ` +
    `if the model was trained in the other order, its predictions are wrong. Make the two lists agree.`
  );
}

/**
 * Puts the draft's features in the order the ordered lists give (preferred list first, then the
 * inputs' order when each feature has its own input), then any others in the order they were
 * first named; notes when two lists disagree.
 */
export function orderDraft(draft: SignatureDraft, lists: readonly OrderedList[], inputOrder: readonly string[] = []): void {
  const conflict = orderConflict(lists);
  if (conflict) draft.notes.push(orderConflictText(conflict));
  // The ONNX inputs' order comes last: with one input per feature each is fed by name, so it cannot conflict.
  const order = [...new Set([...lists.flatMap((l) => l.names), ...inputOrder])].filter((n) => draft.features.has(n));
  if (order.length === 0) return;
  const rest = [...draft.features.keys()].filter((n) => !order.includes(n));
  const drafts = [...order, ...rest].map((n) => draft.features.get(n)!);
  draft.features.clear();
  for (const d of drafts) draft.features.set(d.name, d);
}
