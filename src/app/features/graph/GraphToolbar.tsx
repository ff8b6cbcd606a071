import { useReactFlow } from '@xyflow/react';
import type { GraphLayout } from '../../../core/graph/layout';
import { useFitGraph } from './use-fit-graph';
import type { OverlayKind } from '../../../core/graph/overlays';
import type { LabelledProfile } from './use-graph-overlays';

const OVERLAYS: readonly { value: OverlayKind; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'time', label: 'Time per node' },
  { value: 'placement', label: 'GPU or CPU (WebGPU)' },
  { value: 'work', label: 'Work and GFLOP/s' },
];

export interface ToolbarProps {
  readonly overlay: OverlayKind;
  readonly profiles: readonly LabelledProfile[];
  readonly profileKey: string | null;
  readonly showWeights: boolean;
  readonly layout: GraphLayout | null;
  onOverlay(kind: OverlayKind): void;
  onProfile(key: string): void;
  onShowWeights(show: boolean): void;
  onExport(kind: 'svg' | 'png' | 'netron'): void;
}

/** Overlay, profile, zoom and export controls. */
export function GraphToolbar(props: ToolbarProps) {
  const flow = useReactFlow();
  const fit = useFitGraph(props.layout);
  const ready = props.layout !== null;
  return (
    <div className="graph-toolbar">
      <fieldset className="graph-overlays">
        <legend>Overlay</legend>
        {OVERLAYS.map((o) => (
          <label key={o.value} className="field-inline">
            <input type="radio" name="graph-overlay" value={o.value} checked={props.overlay === o.value} onChange={() => props.onOverlay(o.value)} />
            {o.label}
          </label>
        ))}
      </fieldset>
      {props.profiles.length > 1 && (
        <label className="field-inline">
          Profile
          <select value={props.profileKey ?? props.profiles[0]!.key} onChange={(e) => props.onProfile(e.target.value)}>
            {props.profiles.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field-inline">
        <input type="checkbox" checked={props.showWeights} onChange={(e) => props.onShowWeights(e.target.checked)} />
        List weights in nodes
      </label>
      <div className="graph-buttons" role="group" aria-label="Zoom">
        <button type="button" onClick={() => void flow.zoomIn()} disabled={!ready} aria-label="Zoom in">
          +
        </button>
        <button type="button" onClick={() => void flow.zoomOut()} disabled={!ready} aria-label="Zoom out">
          −
        </button>
        <button type="button" onClick={fit} disabled={!ready}>
          Fit
        </button>
      </div>
      <div className="graph-buttons" role="group" aria-label="Export">
        <button type="button" onClick={() => props.onExport('svg')} disabled={!ready}>
          Download SVG
        </button>
        <button type="button" onClick={() => props.onExport('png')} disabled={!ready}>
          Download PNG
        </button>
        <button type="button" onClick={() => props.onExport('netron')} disabled={!ready}>
          Netron attachment (JSON)
        </button>
      </div>
    </div>
  );
}
