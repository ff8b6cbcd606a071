import { configLabel } from '../../../core/protocol/engine-api';
import { lazy, Suspense } from 'react';
import { rankClasses } from '../../../core/schema/prediction';
import { valueTexts } from '../../../core/tensors/tensor-summary';
import { usePredictActions } from '../../app-context';
import type { ReadyModel } from '../../store/models-slice';
import type { PredictionResult, PredictState } from '../../store/predict-slice';
import { formatMs, formatValue } from '../../ui/format';

const ProbabilityChart = lazy(() => import('./ProbabilityChart').then((m) => ({ default: m.ProbabilityChart })));

const TOP_K = 5;
const SHOWN_VALUES = 24;

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
  const ranked = p.kind === 'classification' && rows > 0 ? rankClasses(p, 0) : [];
  const scoreWord = p.scoreKind === 'logits' ? 'logit' : 'probability';
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
      {p.kind === 'classification' && rows > 0 && (
        <>
          <p className="prediction-headline" data-testid="predicted-class">
            Predicted class: <strong>{p.className[0] || '—'}</strong>
            {Number.isFinite(p.confidence[0]) && ` (${scoreWord} ${p.confidence[0]!.toFixed(3)})`}
            {rows > 1 && ` — and ${rows - 1} more row${rows > 2 ? 's' : ''}: ${p.className.slice(1, 6).join(', ')}${rows > 6 ? ', …' : ''}`}
          </p>
          {p.scoreKind === 'logits' || p.scoreKind === 'softmax' ? (
            <div className="finding finding-warning" data-testid="logits-note">
              <p>
                {p.scoreKind === 'logits'
                  ? `The scores of “${plan.kind === 'classification' ? plan.scoreOutput : ''}” are not probabilities (they do not lie in 0–1 and sum to 1): they are logits.`
                  : 'Softmax applied to the logits: these are probabilities.'}
              </p>
              <label>
                <input type="checkbox" checked={state.softmax} onChange={(e) => actions.setSoftmax(model.id, e.target.checked)} /> Apply softmax
              </label>
            </div>
          ) : null}
          {ranked.length > 0 && (
            <>
              <table className="data-table" data-testid="top-k">
                <caption>
                  Top {Math.min(TOP_K, ranked.length)} of {ranked.length} classes{rows > 1 ? ' (first row)' : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Class</th>
                    <th scope="col">{p.scoreKind === 'logits' ? 'Logit' : 'Probability'}</th>
                  </tr>
                </thead>
                <tbody>
                  {ranked.slice(0, TOP_K).map((c) => (
                    <tr key={c.index}>
                      <td>{c.name}</td>
                      <td>{c.score.toFixed(4)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Suspense fallback={<p className="muted">Loading the chart…</p>}>
                <ProbabilityChart classes={ranked} kind={p.scoreKind === 'logits' ? 'Logit' : 'Probability'} />
              </Suspense>
            </>
          )}
        </>
      )}
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
      <details open={p.kind === 'tensors'}>
        <summary>Every output ({Object.keys(result.outputs).length})</summary>
        {Object.entries(result.outputs).map(([name, t]) => (
          <div key={name} className="output-values">
            <p>
              <code>{name}</code> {t.dtype} [{t.dims.join(', ')}] — {t.data.length.toLocaleString('en-US')} value{t.data.length === 1 ? '' : 's'}
            </p>
            <pre className="pre">
              {valueTexts(t, SHOWN_VALUES).join(', ')}
              {t.data.length > SHOWN_VALUES && ` … (${(t.data.length - SHOWN_VALUES).toLocaleString('en-US')} more; use “Download outputs (JSON)” above or the code below for all)`}
            </pre>
          </div>
        ))}
      </details>
    </section>
  );
}
