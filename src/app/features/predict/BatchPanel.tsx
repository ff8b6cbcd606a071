import { usePredictActions } from '../../app-context';
import type { ReadyModel } from '../../store/models-slice';
import type { PredictState } from '../../store/predict-slice';
import { formatBytes, formatMs } from '../../ui/format';
import { describeBatchCounts } from '../../../core/schema/batch-summary';
import { BatchDownloads } from './BatchDownloads';
import { BatchFileChooser } from './BatchFileChooser';
import { BatchTable } from './BatchTable';
import { MetricsCheck } from './MetricsCheck';

/** Score a whole file (CSV or an MLflow JSON body) in the worker, in chunks, with progress and Cancel. */
export function BatchPanel({ model, state }: { model: ReadyModel; state: PredictState }) {
  const actions = usePredictActions();
  const { batch } = state;
  const { signature } = model.facts;
  const running = batch.status === 'running' || batch.status === 'reading';
  if (signature.features.length === 0) {
    return (
      <section className="panel" aria-labelledby="batch-title">
        <h3 id="batch-title">Score a file</h3>
        <p className="muted">This model takes tensors without named features, so rows of a file cannot be matched to its inputs. Fill its inputs above instead.</p>
      </section>
    );
  }
  return (
    <section className="panel" aria-labelledby="batch-title">
      <h3 id="batch-title">Score a file</h3>
      <BatchFileChooser model={model} running={running} />
      {batch.fileName && (
        <p className="muted">
          {batch.evaluation ? 'Evaluation set' : 'File'} <code>{batch.fileName}</code> ({formatBytes(batch.fileBytes)}{batch.form && batch.form !== 'csv' ? `, MLflow “${batch.form}” form` : ''})
          {batch.match?.labelColumn && `, labels in “${batch.match.labelColumn}”`}
          {batch.match?.byPosition && ', columns taken in order (the model names no features)'}.
        </p>
      )}
      {batch.status === 'mismatch' && batch.match?.problem && (
        <div role="alert" className="finding finding-error" data-testid="column-mismatch">
          <p>{batch.match.problem.message}</p>
          <p className="notice-hint">{batch.match.problem.hint}</p>
          {batch.match.misnamed.length > 0 && batch.match.missing.length === 0 && (
            <button type="button" className="button" onClick={() => void actions.acceptSuggestedColumns(model.id)}>
              Use {batch.match.misnamed.map((m) => `“${m.column}” as “${m.feature}”`).join(', ')}
            </button>
          )}
        </div>
      )}
      {batch.match && batch.match.runnable && batch.match.extra.length > 0 && (
        <p className="muted" role="status">
          Ignored {batch.match.extra.length === 1 ? 'column' : 'columns'} (no such feature): {batch.match.extra.map((c) => `“${c}”`).join(', ')}.
        </p>
      )}
      {(running || batch.status === 'done' || batch.status === 'cancelled') && (
        <div className="batch-progress">
          <label>
            {running ? 'Scoring' : batch.status === 'cancelled' ? 'Cancelled' : 'Scored'}: {batch.rowsDone.toLocaleString('en-US')} rows
            {batch.elapsedMs !== null && ` in ${formatMs(batch.elapsedMs)}`}
            <progress max={1} value={batch.fraction} aria-label="Batch progress" />
          </label>
          {running && (
            <button type="button" className="button" onClick={() => actions.cancelBatch(model.id)}>
              Cancel
            </button>
          )}
        </div>
      )}
      {batch.summary && (
        <p role="status" data-testid="batch-status">
          {describeBatchCounts(batch.summary, batch.match?.extra ?? [], batch.status === 'cancelled')}
        </p>
      )}
      {/* The table appears when scoring ends: re-measuring a growing virtual list on every chunk would cost the page its smoothness. */}
      {batch.chunks.length > 0 && !running && (
        <>
          <BatchDownloads modelId={model.id} batch={batch} />
          <BatchTable chunks={batch.chunks} match={batch.match} rows={batch.rowsDone} features={signature.features} classes={model.facts.plan.kind === 'classification' ? model.facts.plan.classes : null} />
        </>
      )}
      {batch.summary && <MetricsCheck summary={batch.summary} evaluation={batch.evaluation} partial={batch.status === 'cancelled'} />}
    </section>
  );
}
