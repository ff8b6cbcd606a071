import { useEffect } from 'react';
import { useAppState, usePredictActions } from '../../app-context';
import { isReady, type OpenModel } from '../../store/models-slice';
import { BatchPanel } from './BatchPanel';
import { CodeSnippets } from './CodeSnippets';
import { InputIssues } from './InputIssues';
import { PredictButtons } from './PredictButtons';
import { PredictionView } from './PredictionView';
import { SignatureSummary } from './SignatureSummary';
import { TabularForm } from './TabularForm';
import { TensorInputs } from './TensorInputs';

/** Fill the model's inputs, predict once, score a file, and check the package's recorded metrics. */
export function PredictPanel({ model }: { model: OpenModel }) {
  const actions = usePredictActions();
  const state = useAppState((s) => s.predict[model.id]);

  useEffect(() => {
    void actions.openPredict(model.id);
  }, [actions, model.id]);

  if (!state || !isReady(model)) return <p role="status">Reading the model’s signature…</p>;
  const { signature } = model.facts;
  const hasEvaluationSet = model.facts.evaluation !== null;
  const issues = state.mode === 'form' ? (state.check?.issues ?? []) : state.tensorIssues;
  const canUseForm = signature.layout.kind !== 'tensors';
  const canUseTensors = signature.inputs.length > 0;

  return (
    <div className="predict">
      <section className="panel" aria-labelledby="predict-input-title">
        <h3 id="predict-input-title">Input</h3>
        <SignatureSummary signature={signature} />
        {canUseForm && canUseTensors && (
          <fieldset className="choice-row">
            <legend>Fill</legend>
            <label>
              <input type="radio" name={`mode-${model.id}`} checked={state.mode === 'form'} onChange={() => actions.setMode(model.id, 'form')} /> one field per feature
            </label>
            <label>
              <input type="radio" name={`mode-${model.id}`} checked={state.mode === 'tensors'} onChange={() => actions.setMode(model.id, 'tensors')} />{' '}
              {signature.inputs.some((i) => i.image) ? 'as an image or a tensor' : 'as tensors'}
            </label>
          </fieldset>
        )}
        <div className="button-row">
          {model.pkg.inputExample !== null && model.pkg.inputExample !== undefined && (
            <button type="button" className="button" onClick={() => actions.fillFromExample(model.id)}>
              Fill from example
            </button>
          )}
          {hasEvaluationSet && canUseForm && (
            <button type="button" className="button" onClick={() => void actions.fillFromEvaluationRow(model.id)}>
              Random row of the evaluation set
            </button>
          )}
          {state.mode === 'form' && (
            <button type="button" className="button" onClick={() => actions.resetForm(model.id)}>
              Reset
            </button>
          )}
        </div>
        {state.fillNote && (
          <p className="muted" data-testid="fill-note">
            Values: {state.fillNote}.
          </p>
        )}
        {state.mode === 'form' ? <TabularForm model={model} state={state} /> : <TensorInputs model={model} state={state} />}
        <InputIssues issues={issues} />
        <PredictButtons model={model} state={state} issues={issues} />
      </section>
      {state.result && <PredictionView model={model} state={state} result={state.result} />}
      {state.result && <CodeSnippets snippets={state.result.snippets} />}
      <BatchPanel model={model} state={state} />
    </div>
  );
}
