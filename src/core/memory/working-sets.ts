import type { GraphModel, GraphNode, TensorInfo } from '../graph/graph-model';
import { isTensorDType } from '../protocol/tensor';
import type { SizeTerm, WorkingSets } from '../protocol/working-sets';
import { ELEMENT_TYPES } from '../tensors/element-type';

/** Distinct working sets kept: more would only grow what crosses the worker boundary; the rest count as not bounded. */
export const MAX_WORKING_SETS = 1_000;

/** A tensor's bytes as a product of its element size, fixed dims and named dims; null when its type or a dim is unknown. */
export function sizeTerm(tensor: TensorInfo | undefined): SizeTerm | null {
  if (!tensor || tensor.shape === null || !isTensorDType(tensor.dtype)) return null;
  const element = ELEMENT_TYPES[tensor.dtype].bytes;
  // Strings live as separate allocations of unknown length: not bounded.
  if (element === 0) return null;
  let bytes = element;
  const dims: string[] = [];
  for (const d of tensor.shape) {
    if (d === null) return null;
    if (typeof d === 'number') bytes *= d;
    else dims.push(d);
  }
  return { bytes, dims: dims.sort() };
}

/** The values a node holds that are neither weights nor the graph's own inputs and outputs (counted apart). */
function heldValues(model: GraphModel, node: GraphNode): string[] {
  const names = new Set<string>();
  for (const name of [...node.inputs, ...node.outputs]) {
    const kind = model.tensors[name]?.kind;
    if (name && kind !== 'initializer' && kind !== 'input' && kind !== 'output') names.add(name);
  }
  return [...names];
}

const keyOf = (terms: readonly SizeTerm[]): string => terms.map((t) => `${t.bytes}:${t.dims.join('*')}`).sort().join('+');

/**
 * Per node of the main graph, the intermediate values it reads and writes, as size terms;
 * identical sets merged. A node with a value of unknown type or shape is counted as not
 * bounded, as is every node inside a subgraph (If/Loop bodies run with their own values).
 */
export function workingSets(model: GraphModel): WorkingSets {
  const sets = new Map<string, readonly SizeTerm[]>();
  let nodes = 0;
  let unknownNodes = 0;
  let unknownExample: string | undefined;
  const unknown = (node: GraphNode): void => {
    unknownNodes += 1;
    unknownExample ??= `${node.opType} “${node.name}”`;
  };
  for (const node of model.nodes) {
    nodes += 1;
    if (node.group !== null) {
      unknown(node);
      continue;
    }
    const terms = heldValues(model, node).map((name) => sizeTerm(model.tensors[name]));
    if (terms.some((t) => t === null)) {
      unknown(node);
      continue;
    }
    const set = terms as SizeTerm[];
    if (set.length === 0) continue;
    const key = keyOf(set);
    if (sets.has(key)) continue;
    if (sets.size >= MAX_WORKING_SETS) unknown(node);
    else sets.set(key, set);
  }
  return { sets: [...sets.values()], nodes, unknownNodes, ...(unknownExample ? { unknownExample } : {}) };
}
