import type { GraphModel, GraphNode, ShapeDim } from './graph-model';
import { tensorIn } from './graph-model';

/** What the view shows: which subgraphs are open, and whether nodes list their weights. */
export interface ViewOptions {
  readonly expanded: readonly string[];
  readonly showWeights: boolean;
}

/** What a box says, line by line (the same text on screen and in the SVG export). */
export interface BoxText {
  readonly title: string;
  readonly subtitle: string | null;
  readonly lines: readonly string[];
}

export interface ViewNode {
  readonly id: string;
  readonly kind: 'op' | 'input' | 'output' | 'group';
  /** The open subgraph it is drawn in; null in the main graph. */
  readonly parent: string | null;
  readonly width: number;
  readonly height: number;
  readonly text: BoxText;
}

export interface ViewEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** The tensor it carries; null for the dashed line from a node to its open subgraph. */
  readonly tensor: string | null;
  readonly parent: string | null;
}

export interface GraphView {
  readonly nodes: readonly ViewNode[];
  readonly edges: readonly ViewEdge[];
}

/** Box metrics in CSS pixels: the renderer and the SVG export use the same ones. */
export const BOX = { charWidth: 7, padding: 12, titleHeight: 18, lineHeight: 15, badgeHeight: 16, minWidth: 96, maxWidth: 300, maxWeights: 4 } as const;

export const shapeText = (shape: readonly ShapeDim[] | null): string => (shape === null ? '?' : `[${shape.map((d) => d ?? '?').join(', ')}]`);

function weightsOf(model: GraphModel, node: GraphNode): string[] {
  const lines = node.initializers.slice(0, BOX.maxWeights).map((name) => {
    const t = tensorIn(model, node.group, name);
    const slot = node.inputs.indexOf(name);
    return `${slot >= 0 ? `#${slot} ` : ''}${t ? `${t.dtype}${shapeText(t.shape)}` : name}`;
  });
  if (node.initializers.length > BOX.maxWeights) lines.push(`+${node.initializers.length - BOX.maxWeights} more`);
  return lines;
}

export function nodeText(model: GraphModel, node: GraphNode, showWeights: boolean): BoxText {
  const lines = showWeights ? weightsOf(model, node) : node.initializers.length > 0 ? [`${node.initializers.length} weight${node.initializers.length === 1 ? '' : 's'}`] : [];
  if (node.subgraphs.length > 0) lines.push(`${node.subgraphs.length} subgraph${node.subgraphs.length === 1 ? '' : 's'}`);
  return { title: node.domain && node.domain !== 'ai.onnx' ? `${node.opType} (${node.domain})` : node.opType, subtitle: node.named ? node.name : null, lines };
}

/** A box's size from its text; every box keeps a line for an overlay's badge, so that overlays never move boxes. */
export function boxSize(text: BoxText): { width: number; height: number } {
  const longest = Math.max(text.title.length, text.subtitle?.length ?? 0, ...text.lines.map((l) => l.length), 14);
  const width = Math.min(BOX.maxWidth, Math.max(BOX.minWidth, Math.ceil(longest * BOX.charWidth) + 2 * BOX.padding));
  const height = BOX.padding + BOX.titleHeight + (text.subtitle ? BOX.lineHeight : 0) + text.lines.length * BOX.lineHeight + BOX.badgeHeight + BOX.padding / 2;
  return { width, height };
}

/** Groups whose every enclosing group is open, and that are open themselves. */
function openGroups(model: GraphModel, expanded: ReadonlySet<string>): Set<string> {
  const open = new Set<string>();
  const parents = new Map(model.groups.map((g) => [g.id, g.parent]));
  for (const g of model.groups) {
    let visible = expanded.has(g.id);
    for (let p = parents.get(g.id) ?? null; visible && p !== null; p = parents.get(p) ?? null) visible = expanded.has(p);
    if (visible) open.add(g.id);
  }
  return open;
}

/** The boxes and lines to lay out and draw for these options. */
export function graphView(model: GraphModel, options: ViewOptions): GraphView {
  const open = openGroups(model, new Set(options.expanded));
  const shown = (group: string | null): boolean => group === null || open.has(group);
  const nodes: ViewNode[] = [];
  const edges: ViewEdge[] = [];
  for (const io of model.io) {
    if (!shown(io.group)) continue;
    const tensor = tensorIn(model, io.group, io.name);
    const text: BoxText = { title: `${io.kind} ${io.name}`, subtitle: tensor ? `${tensor.dtype}${shapeText(tensor.shape)}` : null, lines: [] };
    nodes.push({ id: io.id, kind: io.kind, parent: io.group, text, ...boxSize(text) });
  }
  for (const node of model.nodes) {
    if (!shown(node.group)) continue;
    const text = nodeText(model, node, options.showWeights);
    nodes.push({ id: node.id, kind: 'op', parent: node.group, text, ...boxSize(text) });
  }
  for (const group of model.groups) {
    if (!open.has(group.id)) continue;
    const text: BoxText = { title: group.label, subtitle: null, lines: [] };
    // A group's size comes from its content: the layout sets it.
    nodes.push({ id: group.id, kind: 'group', parent: group.parent, text, width: 0, height: 0 });
    edges.push({ id: `${group.owner}=>${group.id}`, source: group.owner, target: group.id, tensor: null, parent: group.parent });
  }
  for (const edge of model.edges) if (shown(edge.group)) edges.push({ id: edge.id, source: edge.source, target: edge.target, tensor: edge.tensor, parent: edge.group });
  return { nodes, edges };
}

/** Nodes drawn in the main graph or in open subgraphs, for limits and messages. */
export function visibleOpCount(view: GraphView): number {
  return view.nodes.filter((n) => n.kind === 'op').length;
}
