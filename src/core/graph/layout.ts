import type { GraphView } from './graph-view';

/** A laid-out box, in absolute coordinates (its top-left corner). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface GraphLayout {
  readonly boxes: Readonly<Record<string, Box>>;
  /** Each edge's polyline, from its source box to its target box. */
  readonly routes: Readonly<Record<string, readonly Point[]>>;
  readonly width: number;
  readonly height: number;
}

/** The subset of ELK's JSON graph this view writes and reads (elkjs's own types stay in the worker). */
export interface ElkNodeJson {
  id: string;
  width?: number;
  height?: number;
  x?: number;
  y?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkNodeJson[];
  edges?: ElkEdgeJson[];
  labels?: { text: string }[];
}
export interface ElkEdgeJson {
  id: string;
  sources: string[];
  targets: string[];
  sections?: { startPoint: Point; endPoint: Point; bendPoints?: Point[] }[];
}

/** Above this many boxes, ELK's cheaper strategies keep a layout within seconds (see the README's figures). */
export const LARGE_GRAPH = 800;

/**
 * Top to bottom, like Netron. Past LARGE_GRAPH boxes the costly phases are cut: no crossing
 * minimisation (boxes keep the model's order, which exporters write topologically) and simple
 * node placement; network-simplex layering stays, as it keeps edges short.
 */
export function layoutOptions(boxes: number): Record<string, string> {
  const large = boxes > LARGE_GRAPH;
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': '24',
    'elk.layered.spacing.nodeNodeBetweenLayers': '36',
    'elk.layered.spacing.edgeNodeBetweenLayers': '12',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.thoroughness': large ? '1' : '7',
    'elk.layered.nodePlacement.strategy': large ? 'SIMPLE' : 'BRANDES_KOEPF',
    'elk.layered.crossingMinimization.strategy': large ? 'NONE' : 'LAYER_SWEEP',
    'elk.padding': '[top=36,left=16,bottom=16,right=16]',
  };
}

/** The view as ELK's JSON: each open subgraph is a compound node holding its own boxes and edges. */
export function toElkGraph(view: GraphView): ElkNodeJson {
  const root: ElkNodeJson = { id: '__root__', layoutOptions: layoutOptions(view.nodes.length), children: [], edges: [] };
  const containers = new Map<string | null, ElkNodeJson>([[null, root]]);
  const groups = view.nodes.filter((n) => n.kind === 'group');
  for (const g of groups) containers.set(g.id, { id: g.id, layoutOptions: { ...layoutOptions(0), 'elk.padding': '[top=36,left=16,bottom=16,right=16]' }, children: [], edges: [] });
  for (const n of view.nodes) {
    const parent = containers.get(n.parent) ?? root;
    if (n.kind === 'group') parent.children!.push(containers.get(n.id)!);
    else parent.children!.push({ id: n.id, width: n.width, height: n.height });
  }
  for (const e of view.edges) (containers.get(e.parent) ?? root).edges!.push({ id: e.id, sources: [e.source], targets: [e.target] });
  return root;
}

/** ELK's answer → absolute boxes and routes (ELK gives each child and edge relative to its container). */
export function fromElkGraph(laid: ElkNodeJson): GraphLayout {
  const boxes: Record<string, Box> = {};
  const routes: Record<string, Point[]> = {};
  const visit = (node: ElkNodeJson, ox: number, oy: number): void => {
    for (const child of node.children ?? []) {
      const x = ox + (child.x ?? 0);
      const y = oy + (child.y ?? 0);
      boxes[child.id] = { x, y, width: child.width ?? 0, height: child.height ?? 0 };
      visit(child, x, y);
    }
    for (const edge of node.edges ?? []) {
      const section = edge.sections?.[0];
      if (!section) continue;
      routes[edge.id] = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x + ox, y: p.y + oy }));
    }
  };
  visit(laid, 0, 0);
  return { boxes, routes, width: laid.width ?? 0, height: laid.height ?? 0 };
}

/** Boxes the view lays out at most; past this, ELK would take minutes and the page would hold too much. */
export const MAX_LAYOUT_BOXES = 6000;
