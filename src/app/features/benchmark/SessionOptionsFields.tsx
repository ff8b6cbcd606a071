import { useId } from 'react';
import type { FormDimension, SessionDraft } from '../../../core/benchmark/session-draft';
import type { WebNnCapability } from '../../../core/protocol/capabilities';
import { GRAPH_OPTIMIZATION_LEVELS } from '../../../core/protocol/engine-api';
import { TUNING_EXPLANATIONS } from '../../../core/protocol/session-options';

interface Props {
  readonly draft: SessionDraft;
  readonly onChange: (patch: Partial<SessionDraft>) => void;
  readonly dimensions: readonly FormDimension[];
  /** The symbolic batch dimension, which each batch size sets (never fixed here). */
  readonly batchName: string | null;
  readonly onDimension: (name: string, value: number) => void;
  /** Why the WebGPU options do nothing here (no WebGPU); null when WebGPU is available. */
  readonly gpuUnavailable: string | null;
  readonly webnn: WebNnCapability;
}

/** The session options that change the speed, each with one line on what it does (Benchmark form, Speed tab). */
export function SessionOptionsFields({ draft, onChange, dimensions, batchName, onDimension, gpuUnavailable, webnn }: Props) {
  const id = useId();
  const fixable = dimensions.filter((d) => d.name !== batchName);
  return (
    <fieldset className="session-options">
      <legend>Session options</legend>
      <label>
        Graph optimisation
        <select value={draft.graphOptimizationLevel} onChange={(e) => onChange({ graphOptimizationLevel: e.target.value as SessionDraft['graphOptimizationLevel'] })} aria-describedby={`${id}-opt`}>
          {GRAPH_OPTIMIZATION_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level}
              {level === 'all' ? ' (onnxruntime’s default)' : ''}
            </option>
          ))}
        </select>
      </label>
      <p id={`${id}-opt`} className="muted">
        {TUNING_EXPLANATIONS.graphOptimizationLevel}
      </p>
      {fixable.length > 0 && (
        <div data-testid="symbolic-dimensions">
          <table className="data-table compact">
            <caption>Symbolic dimensions</caption>
            <thead>
              <tr>
                <th scope="col">Dimension</th>
                <th scope="col">Size</th>
                <th scope="col">Starting size from</th>
              </tr>
            </thead>
            <tbody>
              {fixable.map((d) => (
                <tr key={d.name}>
                  <th scope="row">
                    <code>{d.name}</code>
                  </th>
                  <td>
                    <input type="number" min={1} step={1} value={d.value} aria-label={`Size of ${d.name}`} onChange={(e) => onDimension(d.name, Math.max(1, Math.floor(e.target.valueAsNumber) || 1))} />
                  </td>
                  <td>{d.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="field-inline">
            <input type="checkbox" checked={draft.fixDimensions} onChange={(e) => onChange({ fixDimensions: e.target.checked })} aria-describedby={`${id}-dims`} />
            Fix these sizes in the session (freeDimensionOverrides)
          </label>
          <p id={`${id}-dims`} className="muted">
            {TUNING_EXPLANATIONS.freeDimensionOverrides}
            {batchName ? ` The batch dimension ${batchName} is set by each batch size, never fixed.` : ''}
          </p>
        </div>
      )}
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
    </fieldset>
  );
}
