import { FileDropZone } from '../../ui/FileDropZone';
import { FilePickButton } from '../../ui/FilePickButton';
import { focusWhenShown } from '../../ui/focus-and-announce';
import { usePredictActions } from '../../app-context';
import type { ReadyModel } from '../../store/models-slice';
import type { PredictState } from '../../store/predict-slice';
import { formatBytes, formatMs } from '../../ui/format';
import { describeBatchCounts } from '../../../core/schema/batch-summary';
import { BatchTable } from './BatchTable';
import { MetricsCheck } from './MetricsCheck';

/** Score a whole file (CSV or an MLflow JSON body) in the worker, in chunks, with progress and Cancel. */
export function BatchPanel({ model, state }: { model: ReadyModel; state: PredictState }) {
  const actions = usePredictActions();
  const { batch } = state;
  const { signature } = model.facts;
  const running = batch.status === 'running' || batch.status === 'reading';
  const evaluation = model.facts.evaluation;
  const recorded = model.pkg.metadata?.performanceMetrics;
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
      {evaluation && (
        <div className="metrics-check-intro">
          <p>
            Check the claimed metrics: score the package’s evaluation set <code>{evaluation.path}</code>
            {recorded && Object.keys(recorded).length > 0 ? ` and compare with what metadata.json records (${Object.entries(recorded).map(([k, v]) => `${k} ${v}`).join(', ')}).` : '.'}
            {' '}The same figures, up to rounding, show that the package is complete.
          </p>
          <button type="button" className="button primary" disabled={running} onClick={() => void actions.checkClaimedMetrics(model.id).then(() => focusWhenShown('metrics-title', 'Metrics checked.'))}>
            Check the claimed metrics
          </button>
        </div>
      )}
      <FileDropZone disabled={running} onFile={(file) => void actions.chooseBatchFile(model.id, file)}>
        <p>
          Drop a CSV (a header row naming the {signature.features.length} features, any order; a <code>{model.pkg.metadata?.targetColumn ?? 'target'}</code> column adds metrics) or an MLflow JSON body
          (<code>dataframe_split</code>, <code>dataframe_records</code>, <code>instances</code>, <code>inputs</code>).
        </p>
        <FilePickButton label="Choose a CSV or JSON file…" accept=".csv,.json,text/csv,application/json" testId="batch-file-input" disabled={running} onFile={(file) => void actions.chooseBatchFile(model.id, file)} />
      </FileDropZone>
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
          <div className="button-row">
            <button type="button" className="button" disabled={running} onClick={() => void actions.downloadBatch(model.id, 'csv')}>
              Download predictions (CSV)
            </button>
            <button type="button" className="button" disabled={running} onClick={() => void actions.downloadBatch(model.id, 'json')}>
              Download predictions (JSON)
            </button>
            <button type="button" className="button" disabled={running} onClick={() => void actions.downloadBatch(model.id, 'outputs')}>
              Download outputs (JSON)
            </button>
          </div>
          <BatchTable state={state} features={signature.features} />
        </>
      )}
      {batch.summary && <MetricsCheck summary={batch.summary} evaluation={batch.evaluation} partial={batch.status === 'cancelled'} />}
    </section>
  );
}
