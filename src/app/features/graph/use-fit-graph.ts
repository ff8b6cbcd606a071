import { useCallback } from 'react';
import { getViewportForBounds, useReactFlow, useStoreApi } from '@xyflow/react';
import type { GraphLayout } from '../../../core/graph/layout';

/** A 2,000-layer chain is ~200,000 px tall: fitting it needs a very small zoom. */
export const MIN_ZOOM = 0.005;
const MAX_FIT_ZOOM = 1;

/**
 * Fits the whole laid-out graph in the pane. React Flow's own fitView waits until every box has
 * been measured, which never happens when only the boxes in view are drawn; the layout knows the size.
 */
export function useFitGraph(layout: GraphLayout | null): () => void {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useCallback(() => {
    const { width, height } = store.getState();
    if (!layout || width === 0 || height === 0) return;
    void flow.setViewport(getViewportForBounds({ x: 0, y: 0, width: layout.width, height: layout.height }, width, height, MIN_ZOOM, MAX_FIT_ZOOM, 0.05));
  }, [flow, store, layout]);
}
