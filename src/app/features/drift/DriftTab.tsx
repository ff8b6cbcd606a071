import { useEffect } from 'react';
import { FileDropZone } from '../../ui/FileDropZone';
import { FilePickButton } from '../../ui/FilePickButton';
import { useAppState, useDriftActions } from '../../app-context';
import type { OpenModel } from '../../store/models-slice';
import { IDLE_DRIFT } from '../../store/drift-slice';
import { roleOf } from '../../../core/package/model-package';
import { DriftReferenceNote } from './DriftReferenceNote';
import { DriftResults } from './DriftResults';

/** Compare a production CSV with the reference (the package's evaluation set): per-feature KS and PSI, histograms, predicted class shares. */
export function DriftTab({ model }: { model: OpenModel }) {
  const actions = useDriftActions();
  const state = useAppState((s) => s.drift[model.id]) ?? IDLE_DRIFT;
  const signature = model.facts?.signature;
  useEffect(() => {
    void actions.openDrift(model.id);
  }, [actions, model.id]);
  const running = state.status === 'reading' || state.status === 'running';
  // The examples ship a production sample (shifted on purpose): the drift check in one click.
  const sample = model.pkg.files.find((f) => roleOf(f.path) === 'production-sample');
  const sampleName = sample ? (sample.path.split('/').pop() ?? sample.path) : null;
  const hasEvaluation = (model.facts?.evaluation ?? null) !== null;
  if (signature && signature.features.length === 0) {
    return (
      <section className="panel" aria-labelledby="drift-title">
        <h3 id="drift-title">Drift check</h3>
        <p className="muted">This model takes tensors without named features, so the columns of a file cannot be matched to its inputs. The drift check is for tabular models.</p>
      </section>
    );
  }
  const trainingRanges = signature?.features.some((f) => f.training) ?? false;
  const { mismatch } = state;
  return (
    <section className="panel" aria-labelledby="drift-title">
      <h3 id="drift-title">Drift check</h3>
      <DriftReferenceNote state={state} trainingRanges={trainingRanges} hasEvaluation={hasEvaluation} />
      <FilePickButton label={state.reference ? 'Use another reference CSV…' : 'Pick a reference CSV…'} accept=".csv,text/csv" testId="drift-reference-input" disabled={running} onFile={(file) => void actions.chooseReference(model.id, file)} />
      {sample && sampleName && (
        <div className="drift-sample" data-testid="drift-sample">
          <button type="button" className="button primary" disabled={running || !state.reference} onClick={() => void actions.checkProductionSample(model.id)}>
            Try the package’s production sample
          </button>
          <p className="muted">
            <code>{sampleName}</code> comes with this package: rows like its evaluation set, shifted on purpose, to see what the drift check finds. Or bring your own below.
          </p>
        </div>
      )}
      <FileDropZone disabled={running} onFile={(file) => void actions.chooseProduction(model.id, file)}>
        <p>
          Drop a production CSV: a header row naming the model’s {signature?.features.length ?? ''} features (any order; other columns are ignored), then one row per example.
        </p>
        <FilePickButton label="Choose a production CSV…" accept=".csv,text/csv" testId="drift-file-input" disabled={running} primary={!sample} onFile={(file) => void actions.chooseProduction(model.id, file)} />
      </FileDropZone>
      {state.productionName && (
        <p className="muted">
          Production file <code>{state.productionName}</code>
          {state.rows.production > 0 && ` (${state.rows.production.toLocaleString('en-US')} rows; reference ${state.rows.reference.toLocaleString('en-US')} rows)`}.
        </p>
      )}
      {state.status === 'mismatch' && mismatch?.match.problem && (
        <div role="alert" className="finding finding-error" data-testid="drift-column-mismatch">
          <p>
            {mismatch.side === 'production' ? 'Production' : 'Reference'} file <code>{mismatch.fileName}</code>: {mismatch.match.problem.message}
          </p>
          <p className="notice-hint">{mismatch.match.problem.hint}</p>
        </div>
      )}
      {(running || state.status === 'cancelled') && (
        <div className="batch-progress">
          <label>
            {state.status === 'cancelled' ? 'Cancelled' : state.status === 'reading' ? 'Reading the files' : 'Scoring both sets with the model'}
            <progress max={1} value={state.fraction} aria-label="Drift check progress" />
          </label>
          {running && (
            <button type="button" className="button" onClick={() => actions.cancelDrift(model.id)}>
              Cancel
            </button>
          )}
        </div>
      )}
      <DriftResults state={state} />
    </section>
  );
}
