import { configLabel } from '../../../core/protocol/engine-api';
import { usePredictActions } from '../../app-context';
import type { ReadyModel } from '../../store/models-slice';
import type { PredictionResult, PredictState } from '../../store/predict-slice';
import { formatMs, formatValue } from '../../ui/format';
import { ClassificationResult } from './ClassificationResult';
import { OutputValues } from './OutputValues';

/** The mark of a prediction made from values outside a declared or training range. */
function OutsideRange({ result }: { result: PredictionResult }) {
  if (result.outside.length === 0) return null;
  return (
    <div className="finding finding-warning" data-testid="outside-range">
      <p>
        <strong>Outside the training range{result.anyway ? ' (predicted anyway, past a declared limit)' : ''}:</strong> the model never saw such values, so treat this prediction with care.
      </p>
      <ul>
        {result.outside.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** The prediction in words first (class or value), then the scores as a chart, then every output. */
export function PredictionView({ model, state, result }: { model: ReadyModel; state: PredictState; result: PredictionResult }) {
  const actions = usePredictActions();
  const p = result.predictions;
  const { plan } = model.facts;
  const where = configLabel(result.config);
  const rows = p.rows;
  const stale = result.inputVersion !== state.inputVersion || state.error !== null;
  return (
    <section className={stale ? 'panel prediction-stale' : 'panel'} aria-labelledby="prediction-title" data-testid="predict-result">
      <h3 id="prediction-title" tabIndex={-1}>
        Prediction{stale ? ' (from the previous input)' : ''}
      </h3>
      {stale && (
        <p className="stale-note" data-testid="stale-result">
          From the previous input: {state.error ? 'the last prediction failed' : 'the values have changed since'}. Predict again to update it.
        </p>
      )}
      <p className="muted" role="status">
        Ran on {where} in {formatMs(result.runMs)}.
      </p>
      <OutsideRange result={result} />
      {p.kind === 'classification' && rows > 0 && <ClassificationResult model={model} p={p} softmax={state.softmax} />}
      {p.kind === 'regression' && p.values && (
        <p className="prediction-headline" data-testid="predicted-value">
          Predicted {plan.kind === 'regression' ? plan.target : 'value'}: <strong>{formatValue(p.values[0] ?? NaN)}</strong>
          {rows > 1 && ` — and ${rows - 1} more: ${[...p.values.slice(1, 6)].map(formatValue).join(', ')}${rows > 6 ? ', …' : ''}`}
        </p>
      )}
      {result.unreadable.length > 0 && (
        <p className="muted">
          {result.unreadable.map((n) => `“${n}”`).join(', ')} {result.unreadable.length === 1 ? 'is a sequence or map output' : 'are sequence or map outputs'} (as sklearn-onnx’s ZipMap writes), which onnxruntime cannot hand to a page;{' '}
          {model.description?.zipMaps?.length ? `the same probabilities are read from “${model.description.zipMaps.map((z) => z.tensor).join('”, “')}”.` : 'the other outputs are shown.'}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={() => void actions.downloadPredictionOutputs(model.id)}>
          Download outputs (JSON)
        </button>
      </div>
      <OutputValues outputs={result.outputs} open={p.kind === 'tensors'} />
    </section>
  );
}
