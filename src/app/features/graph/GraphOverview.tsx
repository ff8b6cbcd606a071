import { memo } from 'react';
import type { GraphView } from '../../../core/graph/graph-view';
import type { GraphLayout } from '../../../core/graph/layout';
import type { Overlay } from '../../../core/graph/overlays';

/**
 * The whole graph zoomed far out: every box and line as a handful of SVG paths (one per colour)
 * instead of a component per box, so that panning a 2,000-node graph stays smooth.
 */
export const GraphOverview = memo(function GraphOverview({ view, layout, overlay }: { view: GraphView; layout: GraphLayout; overlay: Overlay | null }) {
  const byTone = new Map<string, string[]>();
  for (const n of view.nodes) {
    const b = layout.boxes[n.id];
    if (!b || n.kind === 'group') continue;
    const tone = (n.kind === 'op' ? overlay?.nodes[n.id]?.tone : null) ?? `plain-${n.kind === 'op' ? 'op' : 'io'}`;
    const list = byTone.get(tone) ?? [];
    list.push(`M${b.x},${b.y}h${b.width}v${b.height}h${-b.width}z`);
    byTone.set(tone, list);
  }
  const lines = view.edges.map((e) => layout.routes[e.id]?.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('') ?? '').join('');
  return (
    <svg className="graph-overview" width={layout.width} height={layout.height} aria-hidden="true" data-testid="graph-overview">
      <path d={lines} className="graph-overview-lines" />
      {[...byTone.entries()].map(([tone, rects]) => (
        <path key={tone} d={rects.join('')} className={`graph-overview-boxes overview-${tone}`} />
      ))}
    </svg>
  );
});
