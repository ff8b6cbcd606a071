import type { InputIssue } from '../../../core/schema/validate-row';

/** Errors (the run is blocked) in an alert; warnings (still runnable) as a note. */
export function InputIssues({ issues }: { issues: readonly InputIssue[] }) {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  return (
    <>
      {errors.length > 0 && (
        <div role="alert" className="input-issues finding-error" data-testid="input-errors">
          <p>
            <strong>{errors.length === 1 ? 'One value stops the prediction:' : `${errors.length} values stop the prediction:`}</strong>
          </p>
          <ul>
            {errors.map((i) => (
              <li key={`${i.field}-${i.rule}-${i.message}`}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
      {warnings.length > 0 && (
        <div role="status" className="input-issues finding-warning" data-testid="input-warnings">
          <p>
            <strong>Still runnable, but:</strong>
          </p>
          <ul>
            {warnings.map((i) => (
              <li key={`${i.field}-${i.message}`}>{i.message}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
