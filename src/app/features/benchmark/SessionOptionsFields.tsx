import { useId } from 'react';
import type { FormDimension, SessionDraft } from '../../../core/benchmark/session-draft';
import type { WebNnCapability } from '../../../core/protocol/capabilities';
import { GRAPH_OPTIMIZATION_LEVELS } from '../../../core/protocol/engine-api';
import { TUNING_EXPLANATIONS } from '../../../core/protocol/session-options';
import { WebGpuSessionFields, WebNnSessionFields } from './AcceleratorSessionFields';
import { SymbolicDimensionsFields } from './SymbolicDimensionsFields';

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
      <SymbolicDimensionsFields id={id} draft={draft} onChange={onChange} fixable={fixable} batchName={batchName} onDimension={onDimension} />
      <WebGpuSessionFields id={id} draft={draft} onChange={onChange} gpuUnavailable={gpuUnavailable} />
      <WebNnSessionFields id={id} draft={draft} onChange={onChange} webnn={webnn} />
    </fieldset>
  );
}
