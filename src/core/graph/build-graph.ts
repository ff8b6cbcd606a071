import { modelStructureType } from '../package/onnx-schema';
import { graphError, type GraphResult } from './graph-error';
import type { GraphEdge, GraphGroup, GraphIo, GraphModel, GraphNode, TensorInfo } from './graph-model';
import { decodeAttribute, dtypeName, int64, typeOf, type Int64, type RawAttribute, type RawTensor, type RawType } from './onnx-values';
import { inferShapes } from './shape-inference';

/** Bounds on what one model may make us hold: nodes across all subgraphs, and subgraph nesting. */
export const GRAPH_LIMITS = { nodes: 250_000, depth: 12 } as const;

interface RawValueInfo { name?: string; type?: RawType }
interface RawNode {
  name?: string;
  opType?: string;
  domain?: string;
  input?: string[];
  output?: string[];
  attribute?: (Omit<RawAttribute, 'g' | 'graphs'> & { g?: RawGraph; graphs?: RawGraph[] })[];
  docString?: string;
}
interface RawGraph {
  name?: string;
  node?: RawNode[];
  initializer?: RawTensor[];
  sparseInitializer?: { values?: RawTensor; dims?: Int64[] }[];
  input?: RawValueInfo[];
  output?: RawValueInfo[];
  valueInfo?: RawValueInfo[];
}
interface RawModel { graph?: RawGraph; opsetImport?: { domain?: string; version?: Int64 }[] }

interface Scope {
  readonly group: string | null;
  /** Tensor names declared here, by name. */
  readonly tensors: Record<string, TensorInfo>;
}

class Builder {
  readonly nodes: GraphNode[] = [];
  readonly io: GraphIo[] = [];
  readonly edges: GraphEdge[] = [];
  readonly groups: GraphGroup[] = [];
  count = 0;

  constructor(private readonly opset: number | null) {}

  /** Lays out one graph (the main one, or a subgraph) and returns its tensors. */
  addGraph(graph: RawGraph, scope: Scope, prefix: string, depth: number): void {
    const { group, tensors } = scope;
    const initializers = new Set<string>();
    for (const t of graph.initializer ?? []) {
      const name = t.name ?? '';
      initializers.add(name);
      tensors[name] = { name, dtype: dtypeName(t.dataType), shape: (t.dims ?? []).map(int64), source: 'initializer', kind: 'initializer' };
    }
    for (const s of graph.sparseInitializer ?? []) {
      const name = s.values?.name ?? '';
      initializers.add(name);
      tensors[name] = { name, dtype: dtypeName(s.values?.dataType), shape: (s.dims ?? []).map(int64), source: 'initializer', kind: 'initializer' };
    }
    for (const v of graph.valueInfo ?? []) {
      const name = v.name ?? '';
      if (!tensors[name]) tensors[name] = { name, ...typeOf(v.type), source: 'value_info', kind: 'intermediate' };
    }
    const producer = new Map<string, string>();
    // Before IR 4 initializers were listed as graph inputs too: those are weights, not inputs.
    for (const v of graph.input ?? []) {
      const name = v.name ?? '';
      if (initializers.has(name)) continue;
      const id = `${prefix}in:${name}`;
      this.io.push({ id, name, kind: 'input', group });
      tensors[name] = { name, ...typeOf(v.type), source: 'graph input', kind: 'input' };
      producer.set(name, id);
    }
    const raw = graph.node ?? [];
    const ids = raw.map((_, i) => `${prefix}n${i}`);
    raw.forEach((node, i) => {
      for (const out of node.output ?? []) if (out) producer.set(out, ids[i]!);
    });
    raw.forEach((node, i) => this.addNode(node, ids[i]!, i, scope, initializers, producer, depth));
    for (const v of graph.output ?? []) {
      const name = v.name ?? '';
      const id = `${prefix}out:${name}`;
      this.io.push({ id, name, kind: 'output', group });
      const declared = typeOf(v.type);
      const known = tensors[name];
      // A graph output's own declaration wins, unless it says nothing that value_info did not.
      if (!known || declared.shape !== null || declared.dtype !== 'unknown') tensors[name] = { name, ...declared, source: 'graph output', kind: 'output' };
      const from = producer.get(name);
      if (from) this.edges.push({ id: `${from}->${id}:${name}`, source: from, target: id, tensor: name, group });
    }
  }

  private addNode(node: RawNode, id: string, index: number, scope: Scope, initializers: Set<string>, producer: Map<string, string>, depth: number): void {
    this.count += 1;
    const opType = node.opType ?? '?';
    const inputs = node.input ?? [];
    const subgraphs: string[] = [];
    for (const a of node.attribute ?? []) {
      const bodies = a.g ? [{ key: a.name ?? 'graph', graph: a.g }] : (a.graphs ?? []).map((graph, k) => ({ key: `${a.name ?? 'graphs'}[${k}]`, graph }));
      for (const body of bodies) {
        if (depth + 1 > GRAPH_LIMITS.depth) continue;
        const groupId = `${id}/${body.key}`;
        subgraphs.push(groupId);
        const inner: Scope = { group: groupId, tensors: {} };
        const label = `${node.name || opType} · ${body.key}`;
        // inner.tensors fills as the subgraph is read.
        this.groups.push({ id: groupId, owner: id, attribute: body.key, parent: scope.group, label, nodeCount: body.graph.node?.length ?? 0, tensors: inner.tensors });
        this.addGraph(body.graph, inner, `${groupId}/`, depth + 1);
      }
    }
    const folded = inputs.filter((name) => name && initializers.has(name));
    this.nodes.push({
      id,
      name: node.name || `${opType} #${index}`,
      named: Boolean(node.name),
      opType,
      domain: node.domain ?? '',
      attributes: (node.attribute ?? []).map(decodeAttribute),
      inputs,
      outputs: node.output ?? [],
      initializers: folded,
      group: scope.group,
      subgraphs,
      docString: node.docString ?? '',
    });
    inputs.forEach((name, slot) => {
      if (!name || initializers.has(name)) return;
      const from = producer.get(name);
      // A tensor from an enclosing graph is no edge here: the side panel names it.
      if (from) this.edges.push({ id: `${from}->${id}:${slot}`, source: from, target: id, tensor: name, group: scope.group });
    });
  }

  model(name: string, tensors: Record<string, TensorInfo>): GraphModel {
    const model: GraphModel = { name, opset: this.opset, nodes: this.nodes, io: this.io, edges: this.edges, groups: this.groups, tensors };
    return inferShapes(model);
  }
}

function countNodes(graph: RawGraph | undefined, depth = 0): number {
  if (!graph || depth > GRAPH_LIMITS.depth) return 0;
  let total = graph.node?.length ?? 0;
  for (const node of graph.node ?? []) {
    for (const a of node.attribute ?? []) total += countNodes(a.g, depth + 1) + (a.graphs ?? []).reduce((s, g) => s + countNodes(g, depth + 1), 0);
  }
  return total;
}

/** The graph of an ONNX model, from its bytes (weights are skipped, never copied). */
export function buildGraph(bytes: Uint8Array): GraphResult<GraphModel> {
  let raw: object;
  try {
    raw = modelStructureType.decode(bytes);
  } catch (thrown) {
    return { ok: false, error: graphError('not-onnx', `The model file is not an ONNX protobuf (${thrown instanceof Error ? thrown.message : String(thrown)}).`, 'Open an .onnx file; .ort files hold an optimised graph this view cannot read.') };
  }
  return graphFromStructure(raw);
}

/** The graph of a model whose structure is already decoded with `modelStructureType` (the engine decodes it once at load). */
export function graphFromStructure(structure: object): GraphResult<GraphModel> {
  const raw = structure as RawModel;
  const graph = raw.graph;
  if (!graph || ((graph.node?.length ?? 0) === 0 && (graph.output?.length ?? 0) === 0)) {
    return { ok: false, error: graphError('not-onnx', 'The file holds no ONNX graph.', 'Open the .onnx model itself.') };
  }
  const total = countNodes(graph);
  if (total > GRAPH_LIMITS.nodes) {
    return { ok: false, error: graphError('graph-too-large', `The graph has ${total.toLocaleString('en-US')} nodes, more than the ${GRAPH_LIMITS.nodes.toLocaleString('en-US')} this view holds.`, 'The Inspect tab still lists its operators and parameters.') };
  }
  const opset = raw.opsetImport?.find((o) => !o.domain || o.domain === 'ai.onnx');
  const builder = new Builder(opset ? int64(opset.version) : null);
  const tensors: Record<string, TensorInfo> = {};
  builder.addGraph(graph, { group: null, tensors }, '', 0);
  return { ok: true, value: builder.model(graph.name ?? '', tensors) };
}
