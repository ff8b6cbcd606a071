import { useCallback, useMemo, useRef } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import './graph.css';
import { groupOfId, groupsOf } from '../../../core/graph/graph-links';
import type { SearchHit } from '../../../core/graph/graph-search';
import { useAppState } from '../../app-context';
import { DEFAULT_GRAPH_VIEW, type GraphViewState } from '../../store/graph-slice';
import type { OpenModel } from '../../store/models-slice';
import { GraphCanvas } from './GraphCanvas';
import { GraphLegend } from './GraphLegend';
import { GraphSearch } from './GraphSearch';
import { GraphStatusLine } from './GraphStatusLine';
import { GraphToolbar } from './GraphToolbar';
import { NodePanel } from './NodePanel';
import { useGraph } from './use-graph';
import { useGraphExport } from './use-graph-export';
import { useGraphFocus } from './use-graph-focus';
import { useGraphIndex } from './use-graph-index';
import { useGraphOverlays } from './use-graph-overlays';

/** The view state of one model's Graph tab, and the one way to change it. */
function useGraphView(modelId: string): [GraphViewState, (change: Partial<GraphViewState>) => void] {
  const stored = useAppState((s) => s.graphViews[modelId]);
  const setGraphView = useAppState((s) => s.setGraphView);
  const setView = useCallback((change: Partial<GraphViewState>) => setGraphView(modelId, change), [setGraphView, modelId]);
  return [stored ?? DEFAULT_GRAPH_VIEW, setView];
}

/** The Graph tab: the model's graph with the Speed tab's measurements on it. Loaded lazily. */
export function GraphTab({ model: open }: { model: OpenModel }) {
  const [view, setView] = useGraphView(open.id);
  const profiles = useAppState((s) => s.speedProfiles[open.id]);
  const focus = useAppState((s) => s.graphFocus[open.id]);
  const theme = useAppState((s) => s.theme);
  const gpu = useAppState((s) => s.capabilities?.webgpu);
  const adapter = useMemo(() => (gpu?.available ? { vendor: gpu.vendor, architecture: gpu.architecture, software: gpu.software } : null), [gpu]);
  const isOrt = open.pkg.model.format === 'ort';
  const { state, cancel, retry } = useGraph(open.pkg.model.bytes, { expanded: view.expanded, showWeights: view.showWeights });
  const model = state.status === 'reading' ? null : state.model;
  const overlays = useGraphOverlays(model, profiles, adapter, open.dims, view.overlay, view.profileKey);
  const container = useRef<HTMLDivElement>(null);
  const index = useGraphIndex(model, view.query, overlays.chosen);

  const show = useCallback(
    (id: string, group: string | null) => {
      if (!model) return;
      const needed = groupsOf(model, group).filter((g) => !view.expanded.includes(g));
      setView({ selected: id, centre: { id, seq: (view.centre?.seq ?? 0) + 1 }, note: null, ...(needed.length > 0 ? { expanded: [...view.expanded, ...needed] } : {}) });
    },
    [model, view.expanded, view.centre, setView],
  );
  const showById = (id: string): void => show(id, model ? groupOfId(model, id) : null);
  useGraphFocus(model, focus, showById, setView);
  const exportAs = useGraphExport(open.pkg.name, state, overlays, container, setView);

  if (isOrt) {
    return <p className="finding finding-warning">This is an ORT-format model: its graph is onnxruntime’s own flatbuffer, not an ONNX protobuf, so the graph view cannot read it. Open the .onnx model to see its graph.</p>;
  }
  const pick = (hit: SearchHit): void => show(hit.id, hit.group);
  return (
    <ReactFlowProvider>
      <div className="graph-tab" ref={container}>
        <GraphToolbar
          overlay={view.overlay}
          profiles={overlays.profiles}
          profileKey={view.profileKey}
          showWeights={view.showWeights}
          layout={state.status === 'ready' ? state.layout : null}
          onOverlay={(overlay) => setView({ overlay })}
          onProfile={(profileKey) => setView({ profileKey })}
          onShowWeights={(showWeights) => setView({ showWeights })}
          onExport={(kind) => void exportAs(kind)}
        />
        <GraphStatusLine state={state} onCancel={cancel} onRetry={retry} />
        {view.note && (
          <p className="muted" role="status" data-testid="graph-note">
            {view.note}
          </p>
        )}
        {overlays.unavailable && <p className="finding finding-warning">{overlays.unavailable}</p>}
        <div className="graph-body">
          <div className="graph-stage">
            {state.status === 'ready' ? (
              <GraphCanvas view={state.view} layout={state.layout} overlay={overlays.overlay} selected={view.selected} hits={index.hitIds} edgeLabel={index.edgeLabel} centre={view.centre} theme={theme} onSelect={(selected) => setView({ selected })} />
            ) : (
              <div className="graph-canvas graph-placeholder" aria-hidden="true" />
            )}
          </div>
          <aside className="graph-side" aria-label="Search and the selected node">
            {model && <GraphSearch query={view.query} hits={index.search.hits} total={index.search.total} onQuery={(query) => setView({ query })} onPick={pick} />}
            {model && view.selected && (
              <NodePanel
                model={model}
                id={view.selected}
                profiles={overlays.profiles}
                work={overlays.work}
                chains={index.chains}
                expanded={view.expanded}
                producers={index.producers}
                consumers={index.consumers}
                onSelect={showById}
                onToggleGroup={(g) => setView({ expanded: view.expanded.includes(g) ? view.expanded.filter((x) => x !== g) : [...view.expanded, g] })}
              />
            )}
          </aside>
        </div>
        {overlays.overlay && <GraphLegend legend={overlays.overlay.legend} />}
      </div>
    </ReactFlowProvider>
  );
}
