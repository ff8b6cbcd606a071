import { canPredictAnyway } from '../../../core/schema/range-override';
import type { InputIssue } from '../../../core/schema/validate-row';
import { useAppState, usePredictActions } from '../../app-context';
import type { ReadyModel } from '../../store/models-slice';
import type { PredictState } from '../../store/predict-slice';
import { selectBackendLabel } from '../../store/selectors';
import { focusWhenShown } from '../../ui/focus-and-announce';

/** Predict (and "Predict anyway" past a declared range), with a failure shown right here, where the user looks. */
export function PredictButtons({ model, state, issues }: { model: ReadyModel; state: PredictState; issues: readonly InputIssue[] }) {
  const actions = usePredictActions();
  const backendLabel = useAppState(selectBackendLabel);
  const blocked = issues.some((i) => i.severity === 'error');
  // Focus follows the answer: the result's heading, or the error beside the button.
  const run = (anyway: boolean): void => {
    void actions.predict(model.id, { anyway }).then((outcome) => {
      if (outcome === 'done') focusWhenShown('prediction-title', 'Prediction ready.');
      else if (outcome === 'failed') focusWhenShown('predict-error', 'The prediction failed.');
    });
  };
  return (
    <>
      <div className="button-row">
        <button type="button" className="button primary" disabled={blocked || state.running} onClick={() => run(false)}>
          {state.running ? 'Predicting…' : 'Predict'}
        </button>
        {blocked && canPredictAnyway(issues) && (
          <button type="button" className="button" disabled={state.running} onClick={() => run(true)} data-testid="predict-anyway">
            Predict anyway
          </button>
        )}
        <span className="muted">on {backendLabel}</span>
      </div>
      {state.error && (
        <div role="alert" id="predict-error" tabIndex={-1} className="finding finding-error predict-error" data-testid="predict-error">
          <p>
            <strong>The prediction failed.</strong> {state.error.message}
          </p>
          {state.error.hint && <p className="muted">{state.error.hint}</p>}
          {state.result && <p>The result below is from the previous input.</p>}
        </div>
      )}
    </>
  );
}
