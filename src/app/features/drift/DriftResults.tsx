import { lazy, Suspense } from 'react';
import type { DriftState } from '../../store/drift-slice';
import { driftFlag, missingText, percentText, type ClassShares, type DriftReport, type FeatureDrift } from '../../../core/stats/drift-report';

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
          <th scope="row">
            {f.feature}
            {missingText(f) && <span className="muted"> — {missingText(f)}</span>}
          </th>
          <td>{f.ks ? stat(f.ks.statistic) : 'needs raw rows'}</td>
          <td>{f.ks ? pText(f.ks.pValue) : '—'}</td>
          <td>
            {stat(f.psi.psi)} ({f.psi.bins.length} bins; chance reaches {stat(f.psiNoise)})
          </td>
          <td className={f.drifted ? 'drift-flag drift-flag-on' : 'drift-flag'}>{driftFlag(f)}</td>
        </tr>
      ))}
    </>
  );
}

/** The verdict, and KS and PSI per feature with their histograms. */
function FeatureReport({ report, notNumeric }: { report: DriftReport; notNumeric: readonly string[] }) {
  return (
    <>
      <p role="status" data-testid="drift-summary">
        <strong>{report.summary}</strong>
        {report.driftedCount > 0 && `: ${report.features.filter((f) => f.drifted).map((f) => f.feature).join(', ')}`}.
      </p>
      <p className="muted">
        {report.thresholds} KS: two-sample Kolmogorov–Smirnov statistic (the largest gap between the two cumulative shares), with its p-value (exact for small samples): the chance of a gap this large with no drift. PSI: population stability index, how far the shares per bin moved; “chance reaches” is the PSI that sampling alone stays under 95 % of the time at these sizes. {report.binning}.
      </p>
      {notNumeric.length > 0 && <p className="muted">Not tested (no numbers to compare, or no reference histogram): {notNumeric.join(', ')}.</p>}
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
  );
}

/** The predicted classes' shares on both sides. */
function SharesReport({ shares }: { shares: ClassShares }) {
  return (
    <div data-testid="class-shares">
      <h4>Prediction distribution</h4>
      {shares.referenceTotal > 0 ? (
        <p>
          Both sets scored by the model: {shares.referenceTotal.toLocaleString('en-US')} reference and {shares.productionTotal.toLocaleString('en-US')} production rows. PSI over the predicted classes {stat(shares.psi)}, where chance alone reaches {stat(shares.psiNoise)} ({driftFlag({ ksDrifted: false, psiLevel: shares.psiLevel, psiNoise: shares.psiNoise, rowsToTell: shares.rowsToTell })}).
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
  );
}

/** The predicted values (regression) on both sides. */
function PredictionReport({ predictions }: { predictions: FeatureDrift }) {
  return (
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
            <DriftRows features={[predictions]} />
          </tbody>
        </table>
      </div>
      <Suspense fallback={<p role="status">Loading the chart…</p>}>
        <FeatureHistograms features={[predictions]} />
      </Suspense>
    </div>
  );
}

/** Everything a finished drift check found. */
export function DriftResults({ state }: { state: DriftState }) {
  return (
    <>
      {state.report && <FeatureReport report={state.report} notNumeric={state.notNumeric} />}
      {state.shares && <SharesReport shares={state.shares} />}
      {state.predictions && <PredictionReport predictions={state.predictions} />}
    </>
  );
}
