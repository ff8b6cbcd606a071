/**
 * A model's graph as the graph view shows it: nodes with decoded attributes,
 * tensors with what is known of their element type and shape, edges that carry
 * one tensor each, initializers folded into the nodes that consume them, and
 * subgraphs (If/Loop/Scan bodies) as groups of their own.
 */

/** A dimension: a size, a symbolic name (`batch`), or null when nothing says. */
export type ShapeDim = number | string | null;

/** Where a tensor's type and shape come from. */
export type TensorSource = 'graph input' | 'graph output' | 'value_info' | 'initializer' | 'inferred' | 'none';

export interface TensorInfo {
  readonly name: string;
  /** Element type as onnxruntime names it (float32, int64, …), or 'unknown'. */
  readonly dtype: string;
  /** null when not even the rank is known. */
  readonly shape: readonly ShapeDim[] | null;
  readonly source: TensorSource;
  readonly kind: 'input' | 'output' | 'initializer' | 'intermediate';
}

/** A node attribute, decoded to a readable value. */
export interface GraphAttribute {
  readonly name: string;
  /** ONNX attribute type: FLOAT, INT, STRING, TENSOR, GRAPH, FLOATS, INTS, STRINGS, … */
  readonly type: string;
  /** Numbers and strings as they are; lists as lists; null for tensors and graphs (see `text`). */
  readonly value: number | string | readonly number[] | readonly string[] | null;
  /** What the side panel shows. */
  readonly text: string;
  /** A TENSOR attribute's type and dims (its values are not read). */
  readonly tensor?: { readonly dtype: string; readonly dims: readonly number[] };
}

export interface GraphNode {
  /** Unique in the model: `n12` in the main graph, `n3/body/n0` inside a subgraph. */
  readonly id: string;
  /** The node's name, or `OpType #index` for an unnamed node (see `named`). */
  readonly name: string;
  readonly named: boolean;
  readonly opType: string;
  /** '' for the default ONNX domain. */
  readonly domain: string;
  readonly attributes: readonly GraphAttribute[];
  /** Tensor names in order; '' marks an omitted optional input. */
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  /** The inputs that are initializers (weights): folded into the node, not drawn as edges. */
  readonly initializers: readonly string[];
  /** The subgraph the node belongs to; null in the main graph. */
  readonly group: string | null;
  /** The subgraphs this node owns (If branches, Loop/Scan bodies). */
  readonly subgraphs: readonly string[];
  readonly docString: string;
}

/** A graph input or output, drawn as a node of its own. */
export interface GraphIo {
  readonly id: string;
  readonly name: string;
  readonly kind: 'input' | 'output';
  readonly group: string | null;
}

export interface GraphEdge {
  readonly id: string;
  /** Node or io id. */
  readonly source: string;
  readonly target: string;
  readonly tensor: string;
  readonly group: string | null;
}

/** A subgraph: an If branch or a Loop/Scan body. */
export interface GraphGroup {
  readonly id: string;
  /** The node that owns it. */
  readonly owner: string;
  /** The attribute that holds it (then_branch, else_branch, body). */
  readonly attribute: string;
  /** The group it sits in; null for a subgraph of a main-graph node. */
  readonly parent: string | null;
  readonly label: string;
  readonly nodeCount: number;
  /** Tensors declared in the subgraph (its inputs, outputs, value_info, initializers). */
  readonly tensors: Readonly<Record<string, TensorInfo>>;
}

export interface GraphModel {
  readonly name: string;
  /** The default-domain opset version, when the model imports it. */
  readonly opset: number | null;
  readonly nodes: readonly GraphNode[];
  readonly io: readonly GraphIo[];
  readonly edges: readonly GraphEdge[];
  readonly groups: readonly GraphGroup[];
  /** The main graph's tensors by name (subgraph tensors are in their group). */
  readonly tensors: Readonly<Record<string, TensorInfo>>;
}

/** A tensor as seen from a scope: the subgraph's own first, then the enclosing ones, then the main graph. */
export function tensorIn(model: GraphModel, group: string | null, name: string): TensorInfo | null {
  let scope = group;
  while (scope !== null) {
    const found = model.groups.find((g) => g.id === scope);
    if (!found) break;
    const tensor = found.tensors[name];
    if (tensor) return tensor;
    scope = found.parent;
  }
  return model.tensors[name] ?? null;
}

export function nodeById(model: GraphModel, id: string): GraphNode | null {
  return model.nodes.find((n) => n.id === id) ?? null;
}
