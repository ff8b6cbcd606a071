import { configKey } from '../benchmark/run';
import type { ConfigProfile } from '../profile/config-profile';
import type { NodeTiming } from '../profile/operator-profile';
import type { ProfiledShape } from '../protocol/profile';
import type { GraphModel, GraphNode } from './graph-model';
import { modelNameCandidates } from './profiled-names';

/** One node's time in the profiled warm run, as onnxruntime ran it. */
export interface NodeMeasure {
  readonly ms: number;
  readonly clock: 'gpu' | 'cpu';
  readonly provider: string;
  /** The operator that ran, after graph optimisation (FusedConv where the model says Conv). */
  readonly executedAs: string;
  /** The name the profiler gave it. */
  readonly profiledName: string;
}

/** One profiled configuration laid onto the model's graph. */
export interface GraphProfile {
  readonly key: string;
  readonly backend: ConfigProfile['backend'];
  readonly batchSize: number;
  /** By graph node id. */
  readonly byNode: Readonly<Record<string, NodeMeasure>>;
  /** Graph nodes that did not run on their own because onnxruntime fused them into a neighbour: node id → the neighbour's id. */
  readonly fusedInto: Readonly<Record<string, string>>;
  /** Profiled nodes that are not on the model's graph: copies onnxruntime inserted, nodes its optimiser made or renamed. */
  readonly unmatched: readonly NodeTiming[];
  /** The slowest node of the run, and the graph node it is (null when it is not on the graph). */
  readonly slowest: { readonly name: string; readonly opType: string; readonly ms: number; readonly nodeId: string | null } | null;
  /** Tensor name → the element type and dims the profiler recorded for it in this run. */
  readonly shapes: Readonly<Record<string, ProfiledShape>>;
  /** WebGPU: where each graph node ran, by node id (from the placement report, else the profiler). */
  readonly placement: Readonly<Record<string, 'gpu' | 'cpu'>>;
  /** Copies onnxruntime inserted between GPU and CPU memory in this run, with their time. */
  readonly copies: readonly { readonly name: string; readonly opType: string; readonly ms: number | null }[];
}

const CPU = 'CPUExecutionProvider';

/** Does the operator that ran stand for the model's operator (itself, or its fused form)? */
function sameOperator(executed: string, node: GraphNode): boolean {
  return executed === node.opType || executed === `Fused${node.opType}`;
}

/** The graph node a profiled name stands for: its own name, a "fused "/"_token_N" variant (same operator), or "#index" of an unnamed node. */
function matcher(model: GraphModel): (name: string, executed: string) => GraphNode | null {
  const byName = new Map<string, GraphNode[]>();
  for (const node of model.nodes) if (node.named) byName.set(node.name, [...(byName.get(node.name) ?? []), node]);
  const mainGraph = model.nodes.filter((n) => n.group === null);
  return (name, executed) => {
    const [exact, ...variants] = modelNameCandidates(name);
    const named = byName.get(exact!);
    if (named) return named.find((n) => sameOperator(executed, n)) ?? named[0]!;
    for (const variant of variants) {
      const found = byName.get(variant)?.find((n) => sameOperator(executed, n));
      if (found) return found;
    }
    const index = /^#(\d+)$/.exec(name);
    const node = index ? mainGraph.find((n) => n.id === `n${index[1]}`) : undefined;
    return node && !node.named && sameOperator(executed, node) ? node : null;
  };
}

/** The profiled dims of a node's outputs (always) and inputs (only when every input was recorded: WASM leaves pre-packed weights out). */
function shapesOf(node: GraphNode, timing: NodeTiming, into: Record<string, ProfiledShape>): void {
  if (!timing.shapes) return;
  timing.shapes.outputs.forEach((shape, i) => {
    const name = node.outputs[i];
    if (name) into[name] = shape;
  });
  const present = node.inputs.filter(Boolean);
  if (timing.shapes.inputs.length === node.inputs.length || timing.shapes.inputs.length === present.length) {
    const names = timing.shapes.inputs.length === node.inputs.length ? node.inputs : present;
    timing.shapes.inputs.forEach((shape, i) => {
      const name = names[i];
      if (name && !into[name]) into[name] = shape;
    });
  }
}

/** Graph nodes with no time of their own whose input comes from a node that ran as a fused kernel. */
function fusedNeighbours(model: GraphModel, byNode: Readonly<Record<string, NodeMeasure>>): Record<string, string> {
  const producer = new Map<string, GraphNode>();
  for (const node of model.nodes) for (const out of node.outputs) if (out) producer.set(`${node.group ?? ''}|${out}`, node);
  const fused: Record<string, string> = {};
  for (const node of model.nodes) {
    if (byNode[node.id]) continue;
    const from = producer.get(`${node.group ?? ''}|${node.inputs[0] ?? ''}`);
    const measure = from ? byNode[from.id] : undefined;
    if (from && measure && measure.executedAs !== from.opType && measure.executedAs.startsWith('Fused')) fused[node.id] = from.id;
  }
  return fused;
}

function placementOf(profile: ConfigProfile, model: GraphModel, match: ReturnType<typeof matcher>): Record<string, 'gpu' | 'cpu'> {
  const placement: Record<string, 'gpu' | 'cpu'> = {};
  if (profile.backend !== 'webgpu') return placement;
  for (const group of profile.placement?.groups ?? []) {
    for (const placed of group.nodes) {
      const node = match(placed.name, placed.opType);
      if (node) placement[node.id] = group.provider === CPU ? 'cpu' : 'gpu';
    }
  }
  for (const timing of profile.operators?.nodes ?? []) {
    const node = match(timing.name, timing.opType);
    if (node && !placement[node.id]) placement[node.id] = timing.provider === CPU ? 'cpu' : 'gpu';
  }
  // "All nodes placed on [WebGpuExecutionProvider]" names none: every node is on the GPU then.
  const all = profile.placement?.groups.length === 1 && profile.placement.cpuNodeCount === 0;
  if (all) for (const node of model.nodes) placement[node.id] ??= 'gpu';
  return placement;
}

/** Lays one profiled configuration onto the graph: time per node, fused nodes, shapes, placement, copies. */
export function graphProfileOf(model: GraphModel, profile: ConfigProfile): GraphProfile {
  const match = matcher(model);
  const byNode: Record<string, NodeMeasure> = {};
  const shapes: Record<string, ProfiledShape> = {};
  const unmatched: NodeTiming[] = [];
  const nodes = profile.operators?.nodes ?? [];
  for (const timing of nodes) {
    const node = match(timing.name, timing.opType);
    if (!node || byNode[node.id]) {
      unmatched.push(timing);
      continue;
    }
    byNode[node.id] = { ms: timing.ms, clock: timing.clock, provider: timing.provider, executedAs: timing.opType, profiledName: timing.name };
    shapesOf(node, timing, shapes);
  }
  const first = nodes[0];
  const copyNames = new Set((profile.placement?.copies ?? []).map((c) => c.name));
  return {
    key: configKey(profile),
    backend: profile.backend,
    batchSize: profile.batchSize,
    byNode,
    fusedInto: fusedNeighbours(model, byNode),
    unmatched,
    slowest: first ? { name: first.name, opType: first.opType, ms: first.ms, nodeId: match(first.name, first.opType)?.id ?? null } : null,
    shapes,
    placement: placementOf(profile, model, match),
    copies: (profile.placement?.copies ?? []).map((c) => ({ ...c, ms: nodes.find((n) => n.name === c.name)?.ms ?? null })).concat(
      nodes.filter((n) => (n.opType === 'MemcpyToHost' || n.opType === 'MemcpyFromHost') && !copyNames.has(n.name)).map((n) => ({ name: n.name, opType: n.opType, ms: n.ms })),
    ),
  };
}

/** Edges between a node on the GPU and a node on the CPU: where onnxruntime puts a copy (MemcpyToHost towards the CPU). */
export function copyEdges(model: GraphModel, placement: Readonly<Record<string, 'gpu' | 'cpu'>>): Record<string, 'MemcpyToHost' | 'MemcpyFromHost'> {
  const copies: Record<string, 'MemcpyToHost' | 'MemcpyFromHost'> = {};
  for (const edge of model.edges) {
    const from = placement[edge.source];
    const to = placement[edge.target];
    if (from && to && from !== to) copies[edge.id] = to === 'cpu' ? 'MemcpyToHost' : 'MemcpyFromHost';
  }
  return copies;
}
