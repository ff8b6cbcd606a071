import type { GraphModel } from './graph-model';
import { modelNameCandidates } from './profiled-names';

export interface SearchHit {
  /** A node id, or a graph input/output id. */
  readonly id: string;
  /** What matched, for the result list: `Conv “conv1”` or `tensor “h” (output of …)`. */
  readonly label: string;
  readonly why: 'name' | 'op type' | 'tensor';
  /** The subgraph it sits in, so that the view can open it. */
  readonly group: string | null;
}

/** At most this many hits are listed. */
export const MAX_HITS = 200;

/**
 * Nodes whose name contains the query, whose operator type is the query, or that
 * read or write a tensor whose name contains it; graph inputs and outputs by name.
 * Case-insensitive; exact operator types and exact names first.
 */
export function searchGraph(model: GraphModel, query: string): { hits: SearchHit[]; total: number } {
  const q = query.trim().toLowerCase();
  if (!q) return { hits: [], total: 0 };
  const ranked: { hit: SearchHit; rank: number }[] = [];
  for (const node of model.nodes) {
    const name = node.name.toLowerCase();
    const label = `${node.opType} “${node.name}”`;
    if (node.opType.toLowerCase() === q) ranked.push({ hit: { id: node.id, label, why: 'op type', group: node.group }, rank: 0 });
    else if (name === q) ranked.push({ hit: { id: node.id, label, why: 'name', group: node.group }, rank: 0 });
    else if (name.includes(q)) ranked.push({ hit: { id: node.id, label, why: 'name', group: node.group }, rank: 1 });
    else {
      const tensor = [...node.inputs, ...node.outputs].find((t) => t && t.toLowerCase().includes(q));
      if (tensor) ranked.push({ hit: { id: node.id, label: `${label} · tensor “${tensor}”`, why: 'tensor', group: node.group }, rank: tensor.toLowerCase() === q ? 1 : 2 });
    }
  }
  for (const io of model.io) {
    if (io.name.toLowerCase().includes(q)) ranked.push({ hit: { id: io.id, label: `${io.kind} “${io.name}”`, why: 'tensor', group: io.group }, rank: io.name.toLowerCase() === q ? 0 : 2 });
  }
  ranked.sort((a, b) => a.rank - b.rank);
  return { hits: ranked.slice(0, MAX_HITS).map((r) => r.hit), total: ranked.length };
}

/** The graph node a profiled or placed node name stands for ("fused " and "_token_N" names included), for jump links. */
export function findNodeByName(model: GraphModel, name: string): string | null {
  for (const candidate of modelNameCandidates(name)) {
    const id = model.nodes.find((n) => n.named && n.name === candidate)?.id ?? model.io.find((io) => io.name === candidate)?.id;
    if (id) return id;
  }
  return null;
}
