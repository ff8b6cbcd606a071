import type { FormDimension, SessionDraft } from '../../../core/benchmark/session-draft';
import { TUNING_EXPLANATIONS } from '../../../core/protocol/session-options';

interface Props {
  /** The form's id prefix (useId), so the hint ids stay unique. */
  readonly id: string;
  readonly draft: SessionDraft;
  readonly onChange: (patch: Partial<SessionDraft>) => void;
  /** The symbolic dimensions other than the batch one. */
  readonly fixable: readonly FormDimension[];
  readonly batchName: string | null;
  readonly onDimension: (name: string, value: number) => void;
}

/** The size of each symbolic dimension, where it starts from, and whether the session fixes them (freeDimensionOverrides). */
export function SymbolicDimensionsFields({ id, draft, onChange, fixable, batchName, onDimension }: Props) {
  if (fixable.length === 0) return null;
  return (
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
  );
}
