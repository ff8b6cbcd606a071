import { memo, useMemo } from 'react';
import { BaseEdge, Handle, Position, ReactFlow, useStore, ViewportPortal, type Edge, type EdgeProps, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { BoxText, GraphView } from '../../../core/graph/graph-view';
import type { GraphLayout, Point } from '../../../core/graph/layout';
import type { Overlay } from '../../../core/graph/overlays';
import { GraphOverview } from './GraphOverview';
import { useCanvasKeys, useCanvasViewport } from './use-canvas-viewport';
import { MIN_ZOOM, useFitGraph } from './use-fit-graph';

interface BoxData extends Record<string, unknown> {
  readonly kind: 'op' | 'input' | 'output' | 'group';
  readonly text: BoxText;
  readonly tone: string | null;
  readonly badge: string | null;
  readonly hit: boolean;
}
interface RouteData extends Record<string, unknown> {
  readonly points: readonly Point[];
  readonly label: string | null;
  readonly copy: string | null;
  readonly dashed: boolean;
}
type BoxNode = Node<BoxData, 'box'>;
type RouteEdge = Edge<RouteData, 'route'>;

/** Below this zoom boxes drop their text: cheaper to draw, and unreadable anyway. */
const far = (s: { transform: [number, number, number] }): boolean => s.transform[2] < 0.3;
/** Below this zoom (and past OVERVIEW_BOXES boxes) the graph is drawn as one overview picture, not box by box. */
const OVERVIEW_ZOOM = 0.15;
const OVERVIEW_BOXES = 400;
const overviewZoom = (s: { transform: [number, number, number] }): boolean => s.transform[2] < OVERVIEW_ZOOM;
const NO_NODES: BoxNode[] = [];
const NO_EDGES: RouteEdge[] = [];

const BoxView = memo(function BoxView({ data, selected }: NodeProps<BoxNode>) {
  const compact = useStore(far);
  if (data.kind === 'group') return <div className="graph-group-label">{data.text.title}</div>;
  const classes = ['graph-box', `graph-box-${data.kind}`, data.tone ? `tone-${data.tone}` : '', selected ? 'selected' : '', data.hit ? 'hit' : '', compact ? 'compact' : ''].filter(Boolean).join(' ');
  if (compact) {
    return (
      <div className={classes}>
        <Handle type="target" position={Position.Top} isConnectable={false} className="graph-handle" />
        <Handle type="source" position={Position.Bottom} isConnectable={false} className="graph-handle" />
      </div>
    );
  }
  return (
    <div className={classes}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="graph-handle" />
      <div className="graph-box-title">{data.text.title}</div>
      {data.text.subtitle !== null && <div className="graph-box-line">{data.text.subtitle}</div>}
      {data.text.lines.map((line, i) => (
        <div key={i} className="graph-box-line graph-box-weight">
          {line}
        </div>
      ))}
      {data.badge !== null && <div className="graph-box-badge">{data.badge}</div>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="graph-handle" />
    </div>
  );
});

const zoomedIn = (s: { transform: [number, number, number] }): boolean => s.transform[2] >= 0.8;

const RouteView = memo(function RouteView({ id, data, markerEnd }: EdgeProps<RouteEdge>) {
  const labels = useStore(zoomedIn);
  if (!data || data.points.length < 2) return null;
  const path = data.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  const mid = data.points[Math.floor(data.points.length / 2)]!;
  const text = data.copy ?? (labels ? data.label : null);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={data.copy ? 'graph-route graph-route-copy' : data.dashed ? 'graph-route graph-route-owner' : 'graph-route'} />
      {text && (
        <text x={mid.x + 6} y={mid.y - 4} className={data.copy ? 'graph-route-label graph-route-copy-label' : 'graph-route-label'}>
          {text}
        </text>
      )}
    </>
  );
});

const NODE_TYPES = { box: BoxView };
const EDGE_TYPES = { route: RouteView };

export interface CanvasProps {
  readonly view: GraphView;
  readonly layout: GraphLayout;
  readonly overlay: Overlay | null;
  readonly selected: string | null;
  readonly hits: ReadonlySet<string>;
  /** Tensor id → "name · dtype[shape]" for edge labels. */
  readonly edgeLabel: (tensor: string, group: string | null) => string;
  /** Centre the view on this box whenever `seq` changes. */
  readonly centre: { readonly id: string; readonly seq: number } | null;
  readonly theme: 'light' | 'dark' | 'system';
  onSelect(id: string | null): void;
}

function flowNodes(view: GraphView, layout: GraphLayout, overlay: Overlay | null): BoxNode[] {
  const nodes: BoxNode[] = [];
  for (const n of view.nodes) {
    const box = layout.boxes[n.id];
    if (!box) continue;
    const look = n.kind === 'op' ? overlay?.nodes[n.id] : undefined;
    nodes.push({
      id: n.id,
      type: 'box',
      position: { x: box.x, y: box.y },
      width: box.width,
      height: box.height,
      data: { kind: n.kind, text: n.text, tone: look?.tone ?? null, badge: look?.badge ?? null, hit: false },
      selected: false,
      selectable: n.kind !== 'group',
      focusable: n.kind !== 'group',
      zIndex: n.kind === 'group' ? -1 : 1,
      className: n.kind === 'group' ? 'graph-group' : undefined,
      ariaLabel: `${n.text.title}${n.text.subtitle ? ` ${n.text.subtitle}` : ''}${look ? `, ${look.badge}` : ''}`,
      handles: [
        { type: 'target', position: Position.Top, x: box.width / 2 - 1, y: 0, width: 2, height: 2 },
        { type: 'source', position: Position.Bottom, x: box.width / 2 - 1, y: box.height - 2, width: 2, height: 2 },
      ],
    });
  }
  return nodes;
}

function flowEdges(view: GraphView, layout: GraphLayout, overlay: Overlay | null, edgeLabel: CanvasProps['edgeLabel']): RouteEdge[] {
  return view.edges.flatMap((e) => {
    const points = layout.routes[e.id];
    if (!points) return [];
    return [{ id: e.id, source: e.source, target: e.target, type: 'route', focusable: false, selectable: false, data: { points, label: e.tensor === null ? null : edgeLabel(e.tensor, e.parent), copy: overlay?.edges[e.id] ?? null, dashed: e.tensor === null }, markerEnd: 'graph-arrow' }];
  });
}

/** The laid-out graph in React Flow: only what is in view is in the page; pan, zoom, select. */
export function GraphCanvas({ view, layout, overlay, selected, hits, edgeLabel, centre, theme, onSelect }: CanvasProps) {
  const fit = useFitGraph(layout);
  const base = useMemo(() => flowNodes(view, layout, overlay), [view, layout, overlay]);
  // Only the selected box and the search hits change on a click or a search: every other box keeps its object, so React Flow skips it.
  const nodes = useMemo(() => base.map((n) => (n.id === selected || hits.has(n.id) ? { ...n, selected: n.id === selected, data: { ...n.data, hit: hits.has(n.id) } } : n)), [base, selected, hits]);
  const edges = useMemo(() => flowEdges(view, layout, overlay, edgeLabel), [view, layout, overlay, edgeLabel]);

  const overview = useStore(overviewZoom) && view.nodes.length > OVERVIEW_BOXES;
  useCanvasViewport(view, layout, centre, fit);
  const onKey = useCanvasKeys(fit, onSelect);

  return (
    <div className="graph-canvas" tabIndex={0} role="group" aria-label="Graph: arrow keys pan, + and − zoom, 0 fits the graph, Tab moves through the boxes in view, Enter selects one" onKeyDown={onKey} data-testid="graph-canvas">
      <svg className="graph-defs" aria-hidden="true" width="0" height="0">
        <defs>
          <marker id="graph-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="graph-arrow-head" />
          </marker>
        </defs>
      </svg>
      <ReactFlow
        nodes={overview ? NO_NODES : nodes}
        edges={overview ? NO_EDGES : edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onlyRenderVisibleElements
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable
        selectNodesOnDrag={false}
        onNodeClick={(_, node) => onSelect(node.data.kind === 'group' ? null : node.id)}
        onPaneClick={() => onSelect(null)}
        onNodesChange={(changes) => {
          // Selection by keyboard (Enter on a focused box) arrives as a change; the page owns the selection.
          const chosen = changes.find((c) => c.type === 'select' && c.selected);
          if (chosen && chosen.type === 'select' && chosen.id !== selected) onSelect(chosen.id);
        }}
        minZoom={MIN_ZOOM}
        maxZoom={2.5}
        colorMode={theme}
        proOptions={{ hideAttribution: false }}
      >
        {overview && (
          <ViewportPortal>
            <GraphOverview view={view} layout={layout} overlay={overlay} />
          </ViewportPortal>
        )}
      </ReactFlow>
    </div>
  );
}
