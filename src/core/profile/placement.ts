import type { ProfilerEvent } from '../protocol/profile';
import { nodeNameOf } from './profiler-events';

export interface PlacedNode {
  readonly name: string;
  readonly opType: string;
}

/** The nodes onnxruntime assigned to one execution provider. */
export interface PlacementGroup {
  readonly provider: string;
  readonly count: number;
  /** Empty when the log said "All nodes placed on …" without naming them. */
  readonly nodes: readonly PlacedNode[];
}

/** Where the nodes of the optimised graph run, as onnxruntime reported it. */
export interface Placement {
  /** The verbose session log ("Node placements"), or the providers named by the profiler's events. */
  readonly source: 'verbose-log' | 'profiler';
  readonly totalNodes: number;
  readonly groups: readonly PlacementGroup[];
  /** Nodes on the CPU execution provider. */
  readonly cpuNodes: readonly PlacedNode[];
  /** How many nodes run on the CPU (may exceed `cpuNodes.length` when the log did not name them). */
  readonly cpuNodeCount: number;
  /** Copies onnxruntime inserted between GPU and CPU memory (MemcpyToHost / MemcpyFromHost nodes). */
  readonly copies: readonly PlacedNode[];
}

const MARK = 'VerifyEachNodeIsAssignedToAnEp]';
const CPU = 'CPUExecutionProvider';
const COPY_OPS = new Set(['MemcpyToHost', 'MemcpyFromHost']);

/** A line of onnxruntime's log that belongs to its placement report. */
export function isPlacementLine(text: string): boolean {
  return text.includes(MARK);
}

/**
 * Parses the placement report that onnxruntime's verbose session log prints
 * (session_state.cc, VerifyEachNodeIsAssignedToAnEp):
 * ```
 * Node placements
 *  Node(s) placed on [CPUExecutionProvider]. Number of nodes: 1
 *   Hardmax (odd_one)
 *  All nodes placed on [WebGpuExecutionProvider]. Number of nodes: 10
 * ```
 * Returns null when the log holds no such report.
 */
export function parsePlacementLog(lines: readonly string[]): PlacementGroup[] | null {
  const groups: { provider: string; count: number; nodes: PlacedNode[] }[] = [];
  let seen = false;
  for (const line of lines) {
    const at = line.indexOf(MARK);
    if (at < 0) continue;
    // eslint-disable-next-line no-control-regex -- ANSI colour codes around warnings
    const message = line.slice(at + MARK.length).replace(/\u001b\[[0-9;]*m/g, '').replace(/^ /, '').trimEnd();
    if (message.trim() === 'Node placements') {
      seen = true;
      continue;
    }
    const group = /^\s*(?:All nodes|Node\(s\)) placed on \[([^\]]+)\]\. Number of nodes: (\d+)/.exec(message);
    if (group) {
      seen = true;
      groups.push({ provider: group[1]!, count: Number(group[2]), nodes: [] });
      continue;
    }
    const node = /^\s{2,}(\S+) \((.*)\)$/.exec(message);
    const current = groups.at(-1);
    if (node && current) current.nodes.push({ opType: node[1]!, name: node[2]! });
  }
  return seen ? groups : null;
}

/** Placement from the providers the profiler names on each node: a fallback when the verbose log said nothing. */
export function placementGroupsFromEvents(events: readonly ProfilerEvent[]): PlacementGroup[] | null {
  const byProvider = new Map<string, Map<string, PlacedNode>>();
  for (const e of events) {
    const name = nodeNameOf(e);
    if (name === null || !e.provider) continue;
    const nodes = byProvider.get(e.provider) ?? new Map<string, PlacedNode>();
    nodes.set(name, { name, opType: e.opType ?? 'unknown' });
    byProvider.set(e.provider, nodes);
  }
  if (byProvider.size === 0) return null;
  return [...byProvider.entries()].map(([provider, nodes]) => ({ provider, count: nodes.size, nodes: [...nodes.values()] }));
}

/** Groups → the summary shown to people; unnamed groups take their names from the profiler when it saw them. */
export function placementOf(groups: readonly PlacementGroup[], source: Placement['source'], events: readonly ProfilerEvent[] = []): Placement {
  const fromEvents = placementGroupsFromEvents(events) ?? [];
  const named = groups.map((g) => (g.nodes.length > 0 ? g : { ...g, nodes: fromEvents.find((e) => e.provider === g.provider)?.nodes ?? [] }));
  const all = named.flatMap((g) => g.nodes);
  const cpu = named.filter((g) => g.provider === CPU);
  return {
    source,
    totalNodes: named.reduce((sum, g) => sum + g.count, 0),
    groups: named,
    cpuNodes: cpu.flatMap((g) => g.nodes),
    cpuNodeCount: cpu.reduce((sum, g) => sum + g.count, 0),
    copies: all.filter((n) => COPY_OPS.has(n.opType)),
  };
}

/** What the placement means for speed, in a sentence or two. */
export function placementConsequence(placement: Placement, copyMs?: number | null): string {
  const { cpuNodeCount, totalNodes, copies } = placement;
  if (cpuNodeCount === 0) {
    return `All ${totalNodes} nodes run on the GPU: no copies between GPU and CPU memory inside the graph, only the inputs going up and the outputs coming back.`;
  }
  const gpuNodes = totalNodes - cpuNodeCount - copies.length;
  if (gpuNodes <= 0) {
    return `All ${cpuNodeCount} nodes run on the CPU: WebGPU does nothing for this model but add its overhead.`;
  }
  const copyText = copies.length > 0 ? `onnxruntime inserted ${copies.length} cop${copies.length === 1 ? 'y' : 'ies'} (${[...new Set(copies.map((c) => c.opType))].join(', ')}), paid on every run` : 'each boundary costs a GPU↔CPU copy on every run';
  const measured = copyMs !== undefined && copyMs !== null ? `; the profiled copies took ${copyMs.toPrecision(3)} ms per run, waiting for the GPU included` : '';
  return `${cpuNodeCount} of ${totalNodes - copies.length} nodes run on the CPU instead of the GPU. Each boundary between the two costs a copy between GPU and CPU memory: ${copyText}${measured}.`;
}
