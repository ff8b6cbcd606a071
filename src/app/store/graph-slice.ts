import type { StateCreator } from 'zustand';
import type { OverlayKind } from '../../core/graph/overlays';
import type { AppState } from './app-store';

/** A request from another tab to show a node (by its name) or a search (an operator type) in the graph. */
export interface GraphFocus {
  readonly target: { readonly kind: 'node'; readonly name: string } | { readonly kind: 'search'; readonly query: string };
  /** Grows with every request, so that the same node asked for twice is shown twice. */
  readonly seq: number;
}

/** What the Graph tab shows for one model; kept while the user visits other tabs. */
export interface GraphViewState {
  readonly overlay: OverlayKind;
  /** The profiled configuration the time and work overlays use (configKey); null for the first. */
  readonly profileKey: string | null;
  readonly selected: string | null;
  readonly expanded: readonly string[];
  readonly showWeights: boolean;
  readonly query: string;
  /** Centre the canvas on this box whenever `seq` grows. */
  readonly centre: { readonly id: string; readonly seq: number } | null;
  /** A line for the user about the last jump or export. */
  readonly note: string | null;
}

export const DEFAULT_GRAPH_VIEW: GraphViewState = { overlay: 'none', profileKey: null, selected: null, expanded: [], showWeights: true, query: '', centre: null, note: null };

export interface GraphSlice {
  readonly graphFocus: Readonly<Record<string, GraphFocus>>;
  readonly graphViews: Readonly<Record<string, GraphViewState>>;
  focusGraph(modelId: string, target: GraphFocus['target']): void;
  setGraphView(modelId: string, change: Partial<GraphViewState>): void;
}

export const createGraphSlice: StateCreator<AppState, [], [], GraphSlice> = (set) => ({
  graphFocus: {},
  graphViews: {},
  focusGraph: (modelId, target) => set((s) => ({ graphFocus: { ...s.graphFocus, [modelId]: { target, seq: (s.graphFocus[modelId]?.seq ?? 0) + 1 } } })),
  setGraphView: (modelId, change) => set((s) => ({ graphViews: { ...s.graphViews, [modelId]: { ...(s.graphViews[modelId] ?? DEFAULT_GRAPH_VIEW), ...change } } })),
});
