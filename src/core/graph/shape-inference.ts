import type { GraphModel, ShapeDim, TensorInfo } from './graph-model';
import { SHAPE_RULES } from './shape-rules';

/** The ONNX opset assumed when a model does not import the default domain. */
const DEFAULT_OPSET = 13;

const known = (t: TensorInfo | undefined): boolean => t !== undefined && t.shape !== null && t.dtype !== 'unknown';

/** A dim that is numbers-only is fully known; otherwise each unknown dim stays null. */
function better(previous: readonly ShapeDim[] | null, guess: readonly ShapeDim[] | null): readonly ShapeDim[] | null {
  if (previous === null) return guess;
  if (guess === null || guess.length !== previous.length) return previous;
  return previous.map((d, i) => (d === null ? (guess[i] ?? null) : d));
}

/**
 * Fills in the type and shape of tensors the model does not declare (no value_info),
 * node by node in graph order, from the rules for common operators (shape-rules.ts).
 * Declared shapes are never overridden; unknown dims of a declared shape may be filled.
 * What no rule covers stays unknown.
 */
export function inferShapes(model: GraphModel): GraphModel {
  const scopes = new Map<string | null, Record<string, TensorInfo>>([[null, { ...model.tensors }]]);
  const parents = new Map(model.groups.map((g) => [g.id, g.parent]));
  for (const g of model.groups) scopes.set(g.id, { ...g.tensors });
  const lookup = (group: string | null, name: string): TensorInfo | null => {
    let scope: string | null | undefined = group;
    for (;;) {
      const found = scopes.get(scope ?? null)?.[name];
      if (found) return found;
      if (scope === null || scope === undefined) return null;
      scope = parents.get(scope) ?? null;
    }
  };
  const opset = model.opset ?? DEFAULT_OPSET;
  for (const node of model.nodes) {
    const rule = SHAPE_RULES[node.opType];
    const outputs = node.outputs;
    const own = scopes.get(node.group)!;
    if (!rule || outputs.every((o) => !o || known(own[o]))) continue;
    const guesses = rule({ opType: node.opType, inputs: node.inputs.map((n) => (n ? lookup(node.group, n) : null)), inputNames: node.inputs, attributes: node.attributes, outputCount: outputs.length, opset });
    outputs.forEach((name, i) => {
      const guess = guesses[i];
      if (!name || !guess) return;
      const previous = own[name];
      if (previous && known(previous) && previous.shape!.every((d) => d !== null)) return;
      own[name] = {
        name,
        dtype: previous && previous.dtype !== 'unknown' ? previous.dtype : guess.dtype,
        shape: better(previous?.shape ?? null, guess.shape),
        source: previous && previous.source !== 'none' && previous.shape !== null ? previous.source : 'inferred',
        kind: previous?.kind ?? 'intermediate',
      };
    });
  }
  return { ...model, tensors: scopes.get(null)!, groups: model.groups.map((g) => ({ ...g, tensors: scopes.get(g.id)! })) };
}
