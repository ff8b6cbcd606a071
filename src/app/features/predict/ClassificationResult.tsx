import { lazy, Suspense } from 'react';
import { rankClasses, type BatchPredictions } from '../../../core/schema/prediction';
import { usePredictActions } from '../../app-context';
import type { ReadyModel } from '../../store/models-slice';

const ProbabilityChart = lazy(() => import('./ProbabilityChart').then((m) => ({ default: m.ProbabilityChart })));

const TOP_K = 5;

/** A classifier's prediction: the class in words, whether its scores are logits (with the softmax switch), the top classes as a table and a chart. */
export function ClassificationResult({ model, p, softmax }: { model: ReadyModel; p: BatchPredictions; softmax: boolean }) {
  const actions = usePredictActions();
  const { plan } = model.facts;
  const rows = p.rows;
  const ranked = rankClasses(p, 0);
  const scoreWord = p.scoreKind === 'logits' ? 'logit' : 'probability';
  return (
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
            <input type="checkbox" checked={softmax} onChange={(e) => actions.setSoftmax(model.id, e.target.checked)} /> Apply softmax
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
  );
}
