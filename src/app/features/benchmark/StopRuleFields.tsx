import type { BenchmarkDraft } from '../../../core/benchmark/plan';
import { numberInputValue as numberValue } from '../../ui/number-input';

/** When a benchmark point is done: after a number of runs, or after a time budget. */
export function StopRuleFields({ modelId, draft, onChange }: { modelId: string; draft: BenchmarkDraft; onChange(patch: Partial<BenchmarkDraft>): void }) {
  return (
    <fieldset>
      <legend>Stop measuring a point after</legend>
      <div className="choice-row">
        <label className="field-inline">
          <input type="radio" name={`stop-${modelId}`} checked={draft.stopKind === 'runs'} onChange={() => onChange({ stopKind: 'runs' })} />
          a number of runs
        </label>
        <label className="field-inline">
          <input type="radio" name={`stop-${modelId}`} checked={draft.stopKind === 'time'} onChange={() => onChange({ stopKind: 'time' })} />a time budget
        </label>
        {draft.stopKind === 'runs' ? (
          <label className="field-inline">
            Runs per point
            <input type="number" min={1} step={1} value={numberValue(draft.runs)} onChange={(e) => onChange({ runs: e.target.valueAsNumber })} />
          </label>
        ) : (
          <label className="field-inline">
            Seconds per point
            <input type="number" min={0.1} step={0.1} value={numberValue(draft.seconds)} onChange={(e) => onChange({ seconds: e.target.valueAsNumber })} />
          </label>
        )}
      </div>
    </fieldset>
  );
}
