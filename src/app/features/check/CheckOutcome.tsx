import { useCheckActions } from '../../app-context';
import { toleranceRule } from '../../../core/check/tolerance';
import type { CheckState } from '../../store/check-slice';
import { AgreementTable } from './AgreementTable';
import { CheckResultsTable, FailingElements } from './CheckResults';

/** Where a check is (progress, Cancel), then what it found: the verdict, the figures, the failing elements, the agreement. */
export function CheckOutcome({ modelId, state }: { modelId: string; state: CheckState }) {
  const actions = useCheckActions();
  const running = state.status === 'running';
  const { verdict } = state;
  return (
    <>
      {state.error && (
        <p role="alert" className="finding finding-error">
          {state.error}
        </p>
      )}
      {running && (
        <div className="batch-progress">
          <label>
            {state.done} of {state.total} cases checked
            <progress max={state.total} value={state.done} aria-label="Check progress" />
          </label>
          <button type="button" className="button" onClick={() => actions.cancelCheck(modelId)}>
            Cancel
          </button>
        </div>
      )}
      {verdict && (
        <div className={`verdict ${verdict.pass ? 'check-verdict-pass' : 'check-verdict-fail'}`} data-testid="check-verdict">
          <p className="verdict-text" role="status">
            <strong>{verdict.headline}</strong>
          </p>
          {verdict.details.length > 0 && (
            <ul>
              {verdict.details.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <p className="muted">Tolerance used: {toleranceRule(state.tolerance)}.</p>
        </div>
      )}
      {state.cases.length > 0 && <CheckResultsTable cases={state.cases} labels={state.labels} />}
      {verdict && <FailingElements cases={state.cases} labels={state.labels} />}
      {verdict && <AgreementTable agreement={state.agreement} labels={state.labels} />}
    </>
  );
}
