import type { SessionDraft } from '../../../core/benchmark/session-draft';
import type { WebNnCapability } from '../../../core/protocol/capabilities';
import { TUNING_EXPLANATIONS } from '../../../core/protocol/session-options';

interface Props {
  /** The form's id prefix (useId), so the hint ids stay unique. */
  readonly id: string;
  readonly draft: SessionDraft;
  readonly onChange: (patch: Partial<SessionDraft>) => void;
}

/** WebGPU's session options: layout, graph capture, outputs kept on the GPU. */
export function WebGpuSessionFields({ id, draft, onChange, gpuUnavailable }: Props & { readonly gpuUnavailable: string | null }) {
  return (
    <div className="session-options-gpu">
      <p className="muted">{gpuUnavailable ? `WebGPU options (unavailable here: ${gpuUnavailable}):` : 'WebGPU options (WASM ignores them):'}</p>
      <label>
        WebGPU layout
        <select value={draft.preferredLayout} disabled={gpuUnavailable !== null} onChange={(e) => onChange({ preferredLayout: e.target.value as SessionDraft['preferredLayout'] })} aria-describedby={`${id}-layout`}>
          <option value="default">onnxruntime’s default</option>
          <option value="NCHW">NCHW</option>
          <option value="NHWC">NHWC</option>
        </select>
      </label>
      <p id={`${id}-layout`} className="muted">
        {TUNING_EXPLANATIONS.preferredLayout}
      </p>
      <label className="field-inline">
        <input type="checkbox" checked={draft.graphCapture} disabled={gpuUnavailable !== null} onChange={(e) => onChange({ graphCapture: e.target.checked })} aria-describedby={`${id}-capture`} />
        Graph capture
      </label>
      <p id={`${id}-capture`} className="muted">
        {TUNING_EXPLANATIONS.enableGraphCapture} It keeps the outputs on the GPU too.
      </p>
      <label className="field-inline">
        <input type="checkbox" checked={draft.outputsOnGpu || draft.graphCapture} disabled={gpuUnavailable !== null || draft.graphCapture} onChange={(e) => onChange({ outputsOnGpu: e.target.checked })} aria-describedby={`${id}-outputs`} />
        Keep outputs on the GPU
      </label>
      <p id={`${id}-outputs`} className="muted">
        {TUNING_EXPLANATIONS.outputsOnGpu}
      </p>
    </div>
  );
}

/** WebNN's session options: device type and power preference. */
export function WebNnSessionFields({ id, draft, onChange, webnn }: Props & { readonly webnn: WebNnCapability }) {
  return (
    <div className="session-options-webnn">
      <p className="muted">{webnn.available ? `WebNN options (devices here: ${webnn.deviceTypes.join(', ')}):` : `WebNN options (unavailable here: ${webnn.reason}):`}</p>
      <label>
        WebNN device
        <select value={draft.webnnDeviceType ?? 'default'} disabled={!webnn.available} onChange={(e) => onChange({ webnnDeviceType: e.target.value as SessionDraft['webnnDeviceType'] })} aria-describedby={`${id}-webnn`}>
          <option value="default">the browser’s default</option>
          {(['cpu', 'gpu', 'npu'] as const).map((d) => (
            <option key={d} value={d} disabled={webnn.available && !webnn.deviceTypes.includes(d)}>
              {d.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      <label>
        WebNN power preference
        <select value={draft.webnnPowerPreference ?? 'default'} disabled={!webnn.available} onChange={(e) => onChange({ webnnPowerPreference: e.target.value as SessionDraft['webnnPowerPreference'] })} aria-describedby={`${id}-webnn`}>
          <option value="default">default</option>
          <option value="low-power">low power</option>
          <option value="high-performance">high performance</option>
        </select>
      </label>
      <p id={`${id}-webnn`} className="muted">
        {TUNING_EXPLANATIONS.webnn}
      </p>
    </div>
  );
}
