import { useEffect, useRef } from 'react';
import { findNodeByName } from '../../../core/graph/graph-search';
import type { GraphModel } from '../../../core/graph/graph-model';
import type { GraphFocus, GraphViewState } from '../../store/graph-slice';

/** A "Show in graph" link from another tab: obey each request once, when the graph is read. */
export function useGraphFocus(model: GraphModel | null, focus: GraphFocus | undefined, showById: (id: string) => void, setView: (change: Partial<GraphViewState>) => void): void {
  const obeyed = useRef(0);
  useEffect(() => {
    if (!model || !focus || focus.seq === obeyed.current) return;
    obeyed.current = focus.seq;
    if (focus.target.kind === 'search') {
      setView({ query: focus.target.query, note: null });
      return;
    }
    const id = findNodeByName(model, focus.target.name);
    if (id) showById(id);
    else setView({ note: `“${focus.target.name}” is not on the model’s graph: onnxruntime made it when it optimised the graph (a copy, or a node it fused or renamed).` });
    // Only a new graph or a new request acts: showById changes on every render.
  }, [model, focus?.seq]);
}
