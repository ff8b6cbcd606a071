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

/** Kernels that alias their first input (onnxruntime's Alias(0, 0), or removed by its optimiser): the output is the input's buffer. */
const ALIASING = new Set(['Reshape', 'Flatten', 'Squeeze', 'Unsqueeze', 'Identity', 'Dropout', 'ExpandDims']);
/**
 * Kernels that never write into these inputs (onnxruntime's CPU kernels declare no MayInplace/Alias for them):
 * while they run, these inputs and every output are separate buffers. Gemm's C may be written in place, so only A and B.
 */
const SEPARATE_INPUTS: Readonly<Record<string, readonly number[]>> = { MatMul: [0, 1], Gemm: [0, 1], Conv: [0, 1], ConvTranspose: [0, 1], MatMulInteger: [0, 1], ConvInteger: [0, 1] };
/** Operators onnxruntime does not fold into constants even when their inputs are weights. */
const NOT_FOLDED = /^(Random|Multinomial|Bernoulli)/;

/**
 * Per node, sets of values that are in memory at the same moment (see `WorkingSets.floors`): a floor on the peak,
 * whatever buffers onnxruntime reuses, since a value a node reads is alive while it runs, an output is alive once
 * written, and graph outputs are kept until the run returns.
 */
export function floorSets(model: GraphModel): SizeTerm[][] {
  const tensors = model.tensors;
  const fixed = new Set<string>(Object.values(tensors).filter((t) => t.kind === 'initializer').map((t) => t.name));
  const root = new Map<string, string>();
  const rootOf = (name: string): string => root.get(name) ?? name;
  const counted = (name: string): boolean => Boolean(name) && !fixed.has(rootOf(name)) && tensors[rootOf(name)]?.kind !== 'input';
  const terms = new Map<string, SizeTerm | null>();
  const termOf = (name: string): SizeTerm | null => {
    const r = rootOf(name);
    const term = terms.get(r) ?? sizeTerm(tensors[r]) ?? sizeTerm(tensors[name]);
    terms.set(r, term);
    return term;
  };
  const outputsMade = new Set<string>();
  const floors = new Map<string, SizeTerm[]>();
  const add = (names: Iterable<string>): void => {
    const set = [...new Set([...names].map(rootOf))].map((r) => termOf(r)).filter((t): t is SizeTerm => t !== null);
    if (set.length === 0 || floors.size >= MAX_WORKING_SETS) return;
    const key = keyOf(set);
    if (!floors.has(key)) floors.set(key, set);
  };
  for (const node of model.nodes) {
    if (node.group !== null) continue;
    const inputs = node.inputs.filter(Boolean);
    // Constants and what weights alone compute are folded into weights when the session is made (counted with the model).
    if (node.opType === 'Constant' || (inputs.length > 0 && !NOT_FOLDED.test(node.opType) && inputs.every((n) => fixed.has(rootOf(n))))) {
      for (const o of node.outputs) if (o) fixed.add(o);
      continue;
    }
    if (ALIASING.has(node.opType) && node.inputs[0] && node.outputs[0]) root.set(node.outputs[0], rootOf(node.inputs[0]));
    const before = [...outputsMade];
    for (const o of node.outputs) if (o && tensors[o]?.kind === 'output' && counted(o)) outputsMade.add(rootOf(o));
    const reads = inputs.filter(counted);
    const writes = node.outputs.filter(counted);
    add([...reads, ...before]);
    add([...writes, ...outputsMade]);
    const separate = SEPARATE_INPUTS[node.opType];
    if (separate) add([...separate.map((i) => node.inputs[i] ?? '').filter(counted), ...writes, ...outputsMade]);
  }
  return [...floors.values()];
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
  return { sets: [...sets.values()], floors: floorSets(model), nodes, unknownNodes, ...(unknownExample ? { unknownExample } : {}) };
}
