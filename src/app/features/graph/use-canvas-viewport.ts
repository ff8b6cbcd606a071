import { useEffect, type KeyboardEvent } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import type { GraphView } from '../../../core/graph/graph-view';
import type { GraphLayout } from '../../../core/graph/layout';

/** Past this many boxes the graph opens at a readable zoom on its inputs rather than fitted (where every box would be drawn at once). */
const FIT_ON_OPEN = 300;

/**
 * Frames the canvas: on a new layout, fits a small graph or opens a large one on its inputs at a readable zoom;
 * centres on a box whenever `centre.seq` grows.
 */
export function useCanvasViewport(view: GraphView, layout: GraphLayout, centre: { readonly id: string; readonly seq: number } | null, fit: () => void): void {
  const flow = useReactFlow();
  const paneReady = useStore((s) => s.width > 0 && s.height > 0);
  const paneWidth = useStore((s) => s.width);
  useEffect(() => {
    if (!paneReady) return;
    if (view.nodes.length <= FIT_ON_OPEN) {
      fit();
      return;
    }
    const first = view.nodes.find((n) => n.kind === 'input' && n.parent === null);
    const box = first ? layout.boxes[first.id] : undefined;
    const zoom = 0.8;
    const x = box ? paneWidth / 2 - (box.x + box.width / 2) * zoom : 16;
    void flow.setViewport({ x, y: 16 - (box?.y ?? 0) * zoom, zoom });
    // Only a new layout (or the pane appearing) re-frames the view.
  }, [layout, paneReady]);

  useEffect(() => {
    if (!centre) return;
    const box = layout.boxes[centre.id];
    if (box) void flow.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: Math.max(flow.getZoom(), 0.9), duration: 250 });
    // Only a new request moves the view, not a new layout.
  }, [centre?.seq, centre?.id, layout]);
}

/** The canvas's keys: arrows pan, + and − zoom, 0 fits, Escape clears the selection. */
export function useCanvasKeys(fit: () => void, onSelect: (id: string | null) => void): (event: KeyboardEvent<HTMLDivElement>) => void {
  const flow = useReactFlow();
  return (event) => {
    if (event.target !== event.currentTarget) return;
    const step = 80;
    const { x, y, zoom } = flow.getViewport();
    const moves: Record<string, () => void> = {
      ArrowLeft: () => void flow.setViewport({ x: x + step, y, zoom }),
      ArrowRight: () => void flow.setViewport({ x: x - step, y, zoom }),
      ArrowUp: () => void flow.setViewport({ x, y: y + step, zoom }),
      ArrowDown: () => void flow.setViewport({ x, y: y - step, zoom }),
      '+': () => void flow.zoomIn(),
      '=': () => void flow.zoomIn(),
      '-': () => void flow.zoomOut(),
      '0': fit,
      Escape: () => onSelect(null),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  };
}
