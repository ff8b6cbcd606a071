import { useCallback, useEffect, useMemo, useRef } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import './graph.css';
import { findAttentionChains } from '../../../core/graph/attention-chains';
import { findNodeByName, searchGraph, type SearchHit } from '../../../core/graph/graph-search';
import { tensorIn, type GraphModel } from '../../../core/graph/graph-model';
import { shapeText } from '../../../core/graph/graph-view';
import { netronAttachment } from '../../../core/graph/netron-attachment';
import { useAppState } from '../../app-context';
import { DEFAULT_GRAPH_VIEW, type GraphViewState } from '../../store/graph-slice';
import type { OpenModel } from '../../store/models-slice';
import { saveJson } from '../../ui/save-file';
import { GraphCanvas } from './GraphCanvas';
import { downloadPng, downloadSvg, paletteOf } from './graph-download';
import { GraphLegend } from './GraphLegend';
import { GraphSearch } from './GraphSearch';
import { GraphToolbar } from './GraphToolbar';
import { NodePanel } from './NodePanel';
import { useGraph, type GraphState } from './use-graph';
import { useGraphOverlays } from './use-graph-overlays';

/** The groups a node sits in, innermost last: opening them all shows it. */
function groupsOf(model: GraphModel, group: string | null): string[] {
  const chain: string[] = [];
  for (let g = group; g !== null; g = model.groups.find((x) => x.id === g)?.parent ?? null) chain.unshift(g);
  return chain;
}

function links(model: GraphModel): { producers: Map<string, string>; consumers: Map<string, string[]> } {
  const producers = new Map<string, string>();
  const consumers = new Map<string, string[]>();
  for (const e of model.edges) {
    const key = `${e.group ?? ''}|${e.tensor}`;
    producers.set(key, e.source);
    consumers.set(key, [...(consumers.get(key) ?? []).filter((c) => c !== e.target), e.target]);
  }
  return { producers, consumers };
}

function StatusLine({ state, onCancel, onRetry }: { state: GraphState; onCancel(): void; onRetry(): void }) {
  if (state.status === 'failed') {
    return (
      <p role="alert" className="finding finding-error">
        {state.error.message} {state.error.hint}
      </p>
    );
  }
  return (
    <p role="status" className="muted" data-testid="graph-status">
      {state.status === 'reading' && 'Reading the model’s graph…'}
      {state.status === 'laying-out' && (
        <>
          Laying out {state.boxes.toLocaleString('en-US')} boxes (in a worker: the page stays usable)…{' '}
          <button type="button" onClick={onCancel}>
            Cancel layout
          </button>
        </>
      )}
      {state.status === 'cancelled' && (
        <>
          Layout cancelled.{' '}
          <button type="button" onClick={onRetry}>
            Lay out again
          </button>
        </>
      )}
      {state.status === 'ready' && `${state.model.nodes.length.toLocaleString('en-US')} nodes; ${state.view.nodes.length.toLocaleString('en-US')} boxes laid out in ${(state.ms / 1000).toFixed(2)} s.`}
    </p>
  );
}

/** The Graph tab: the model's graph with the Speed tab's measurements on it. Loaded lazily. */
export function GraphTab({ model: open }: { model: OpenModel }) {
  const stored = useAppState((s) => s.graphViews[open.id]);
  const view: GraphViewState = stored ?? DEFAULT_GRAPH_VIEW;
  const setGraphView = useAppState((s) => s.setGraphView);
  const setView = useCallback((change: Partial<GraphViewState>) => setGraphView(open.id, change), [setGraphView, open.id]);
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

  const chains = useMemo(() => (model ? findAttentionChains(model) : []), [model]);
  const { producers, consumers } = useMemo(() => (model ? links(model) : { producers: new Map<string, string>(), consumers: new Map<string, string[]>() }), [model]);
  const search = useMemo(() => (model ? searchGraph(model, view.query) : { hits: [], total: 0 }), [model, view.query]);
  const hitIds = useMemo(() => new Set(search.hits.map((h) => h.id)), [search]);
  const edgeLabel = useCallback(
    (tensor: string, group: string | null): string => {
      const profiled = overlays.chosen?.profile.shapes[tensor];
      if (profiled) return `${tensor} · ${profiled.dtype}[${profiled.dims.join(', ')}]`;
      const t = model ? tensorIn(model, group, tensor) : null;
      return t ? `${tensor} · ${t.dtype}${shapeText(t.shape)}` : tensor;
    },
    [model, overlays.chosen],
  );

  const show = useCallback(
    (id: string, group: string | null) => {
      if (!model) return;
      const needed = groupsOf(model, group).filter((g) => !view.expanded.includes(g));
      setView({ selected: id, centre: { id, seq: (view.centre?.seq ?? 0) + 1 }, note: null, ...(needed.length > 0 ? { expanded: [...view.expanded, ...needed] } : {}) });
    },
    [model, view.expanded, view.centre, setView],
  );
  const showById = (id: string): void => show(id, model?.nodes.find((n) => n.id === id)?.group ?? model?.io.find((io) => io.id === id)?.group ?? null);

  // A "Show in graph" link from another tab: obey each request once, when the graph is read.
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [model, focus?.seq]);

  const exportAs = async (kind: 'svg' | 'png' | 'netron'): Promise<void> => {
    if (state.status !== 'ready') return;
    const base = open.pkg.name.replace(/[^\w.-]+/g, '_');
    if (kind === 'netron') {
      const { attachment, skippedUnnamed } = netronAttachment(state.model, overlays.profiles, overlays.work, `${open.pkg.name}, measured by ONNX Playground`);
      saveJson(`${base}.attachment.json`, attachment);
      setView({ note: `Saved ${base}.attachment.json: open the model in Netron, then drop this file onto it.${skippedUnnamed > 0 ? ` ${skippedUnnamed} unnamed nodes are left out (Netron finds nodes by name).` : ''}` });
      return;
    }
    const palette = paletteOf(container.current ?? document.documentElement);
    const title = `${open.pkg.name}${overlays.overlay ? ` — ${overlays.overlay.legend.title}` : ''}`;
    if (kind === 'svg') downloadSvg(`${base}.svg`, state.view, state.layout, overlays.overlay, palette, title);
    else setView({ note: await downloadPng(`${base}.png`, state.view, state.layout, overlays.overlay, palette, title) });
  };

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
        <StatusLine state={state} onCancel={cancel} onRetry={retry} />
        {view.note && (
          <p className="muted" role="status" data-testid="graph-note">
            {view.note}
          </p>
        )}
        {overlays.unavailable && <p className="finding finding-warning">{overlays.unavailable}</p>}
        <div className="graph-body">
          <div className="graph-stage">
            {state.status === 'ready' ? (
              <GraphCanvas view={state.view} layout={state.layout} overlay={overlays.overlay} selected={view.selected} hits={hitIds} edgeLabel={edgeLabel} centre={view.centre} theme={theme} onSelect={(selected) => setView({ selected })} />
            ) : (
              <div className="graph-canvas graph-placeholder" aria-hidden="true" />
            )}
          </div>
          <aside className="graph-side" aria-label="Search and the selected node">
            {model && <GraphSearch query={view.query} hits={search.hits} total={search.total} onQuery={(query) => setView({ query })} onPick={pick} />}
            {model && view.selected && (
              <NodePanel
                model={model}
                id={view.selected}
                profiles={overlays.profiles}
                work={overlays.work}
                chains={chains}
                expanded={view.expanded}
                producers={producers}
                consumers={consumers}
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
