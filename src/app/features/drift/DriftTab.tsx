import { lazy, Suspense, useEffect } from 'react';
import { FileDropZone } from '../../ui/FileDropZone';
import { FilePickButton } from '../../ui/FilePickButton';
import { useAppState, useDriftActions } from '../../app-context';
import type { OpenModel } from '../../store/models-slice';
import { IDLE_DRIFT } from '../../store/drift-slice';
import { driftFlag, percentText, type FeatureDrift } from '../../../core/stats/drift-report';
import { roleOf } from '../../../core/package/model-package';

// recharts comes with the charts, when a report is first shown.
const FeatureHistograms = lazy(() => import('./DriftCharts').then((m) => ({ default: m.FeatureHistograms })));
const ClassSharesChart = lazy(() => import('./DriftCharts').then((m) => ({ default: m.ClassSharesChart })));

const stat = (n: number): string => (Number.isFinite(n) ? n.toFixed(3) : '—');
const pText = (p: number): string => (!Number.isFinite(p) ? '—' : p < 0.0001 ? p.toExponential(2) : p.toFixed(4));

function DriftRows({ features }: { features: readonly FeatureDrift[] }) {
  return (
    <>
      {features.map((f) => (
        <tr key={f.feature} data-drifted={f.drifted ? 'true' : 'false'}>
          <th scope="row">{f.feature}</th>
          <td>{stat(f.ks.statistic)}</td>
          <td>{pText(f.ks.pValue)}</td>
          <td>
            {stat(f.psi.psi)} ({f.psi.bins.length} bins)
          </td>
          <td className={f.drifted ? 'drift-flag drift-flag-on' : 'drift-flag'}>{driftFlag(f)}</td>
        </tr>
      ))}
    </>
  );
}

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
  const { report, shares, mismatch } = state;
  return (
    <section className="panel" aria-labelledby="drift-title">
      <h3 id="drift-title">Drift check</h3>
      <p data-testid="drift-reference">
        {state.reference?.kind === 'evaluation' && (
          <>
            Reference: the package’s evaluation set <code>{state.reference.name}</code>. Each feature of the production file is compared with the same feature there.
          </>
        )}
        {state.reference?.kind === 'picked' && (
          <>
            Reference: <code>{state.reference.name}</code>, which you picked{hasEvaluation ? ' instead of the package’s evaluation set' : ''}.
          </>
        )}
        {state.reference?.kind === 'training-statistics' && (
          <>
            Reference: the training statistics in <code>metadata.json</code> (histograms of {state.reference.features?.join(', ')}), since the package has no evaluation CSV. KS is approximate against a histogram; the predictions cannot be compared, as there are no reference rows to score.
          </>
        )}
        {!state.reference && (
          <>
            No reference: this package has no evaluation CSV{trainingRanges ? ', and its metadata.json records only training ranges (minimum and maximum), which are not distributions that KS or PSI can compare with' : ', and its metadata.json holds no training statistics'}. Pick a reference CSV (the data the model was trained or validated on).
          </>
        )}
      </p>
      <FilePickButton label={state.reference ? 'Use another reference CSV…' : 'Pick a reference CSV…'} accept=".csv,text/csv" testId="drift-reference-input" disabled={running} onFile={(file) => void actions.chooseReference(model.id, file)} />
      {sample && sampleName && (
        <div className="drift-sample" data-testid="drift-sample">
          <button type="button" className="button primary" disabled={running || !state.reference} onClick={() => void actions.chooseProduction(model.id, new File([sample.bytes.slice()], sampleName, { type: 'text/csv' }))}>
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
      {report && (
        <>
          <p role="status" data-testid="drift-summary">
            <strong>{report.summary}</strong>
            {report.driftedCount > 0 && `: ${report.features.filter((f) => f.drifted).map((f) => f.feature).join(', ')}`}.
          </p>
          <p className="muted">
            {report.thresholds} KS: two-sample Kolmogorov–Smirnov statistic, asymptotic p-value. {report.binning}.
          </p>
          {state.notNumeric.length > 0 && <p className="muted">Not tested (no numbers to compare, or no reference histogram): {state.notNumeric.join(', ')}.</p>}
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Drift per feature (scrolls sideways)">
            <table className="data-table numeric" data-testid="drift-table">
              <caption>Drift per feature</caption>
              <thead>
                <tr>
                  <th scope="col">Feature</th>
                  <th scope="col">KS statistic</th>
                  <th scope="col">KS p-value</th>
                  <th scope="col">PSI</th>
                  <th scope="col">Flag</th>
                </tr>
              </thead>
              <tbody>
                <DriftRows features={report.features} />
              </tbody>
            </table>
          </div>
          <Suspense fallback={<p role="status">Loading the charts…</p>}>
            <FeatureHistograms features={report.features} />
          </Suspense>
        </>
      )}
      {shares && (
        <div data-testid="class-shares">
          <h4>Prediction distribution</h4>
          {shares.referenceTotal > 0 ? (
            <p>
              Both sets scored by the model: {shares.referenceTotal.toLocaleString('en-US')} reference and {shares.productionTotal.toLocaleString('en-US')} production rows. PSI over the predicted classes {stat(shares.psi)} ({driftFlag({ ksDrifted: false, psiLevel: shares.psiLevel })}).
            </p>
          ) : (
            <p>Production scored by the model: {shares.productionTotal.toLocaleString('en-US')} rows. The reference is statistics, not rows, so its predictions are unknown.</p>
          )}
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Predicted class shares (scrolls sideways)">
            <table className="data-table numeric">
              <caption>Predicted class shares</caption>
              <thead>
                <tr>
                  <th scope="col">Class</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Production</th>
                </tr>
              </thead>
              <tbody>
                {shares.classes.map((c) => (
                  <tr key={c.name}>
                    <th scope="row">{c.name}</th>
                    <td>{shares.referenceTotal > 0 ? `${percentText(c.referenceShare)} (${c.referenceCount})` : '—'}</td>
                    <td>
                      {percentText(c.productionShare)} ({c.productionCount})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Suspense fallback={<p role="status">Loading the chart…</p>}>
            <ClassSharesChart shares={shares} />
          </Suspense>
        </div>
      )}
      {state.predictions && (
        <div data-testid="prediction-drift">
          <h4>Prediction distribution</h4>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Predicted values (scrolls sideways)">
            <table className="data-table numeric">
              <caption>Predicted values, reference vs production</caption>
              <thead>
                <tr>
                  <th scope="col">Output</th>
                  <th scope="col">KS statistic</th>
                  <th scope="col">KS p-value</th>
                  <th scope="col">PSI</th>
                  <th scope="col">Flag</th>
                </tr>
              </thead>
              <tbody>
                <DriftRows features={[state.predictions]} />
              </tbody>
            </table>
          </div>
          <Suspense fallback={<p role="status">Loading the chart…</p>}>
            <FeatureHistograms features={[state.predictions]} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
