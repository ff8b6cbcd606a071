import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { assembleComparison, type CompareRow, type MetricKind } from '../../../core/compare/compare';
import { bestSentence, frontierSentence, p50WithSpread, tiedWith } from '../../../core/compare/compare-verdict';
import { useAppState, useCompareActions } from '../../app-context';
import { compareEligibility, selectCompareFamilies } from '../../store/compare-selectors';
import { selectBackendLabel } from '../../store/selectors';
import { formatMs } from '../../ui/format';

const loadChart = () => import('./CompareChart');
const CompareChart = lazy(() => loadChart().then((m) => ({ default: m.CompareChart })));

/** Decimal megabytes, as download sizes are usually quoted. */
const megabytes = (bytes: number): string => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${(bytes / 1e3).toFixed(1)} kB`);
const metricLabelOf = (kind: MetricKind | null): string => (kind === 'rmse' ? 'RMSE (lower is better)' : 'Accuracy');
const formatMetric = (kind: MetricKind | null, v: number): string => (kind === 'rmse' ? v.toPrecision(4) : `${(v * 100).toFixed(2)} %`);
const formatCost = (kind: MetricKind | null, v: number): string => (kind === 'rmse' ? `${v >= 0 ? '+' : '−'}${Math.abs(v).toPrecision(3)} RMSE` : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v * 100).toFixed(2)} pp`);

function FamilyShortcuts() {
  const actions = useCompareActions();
  const families = useAppState(useShallow(selectCompareFamilies));
  const running = useAppState((s) => s.compareRun.status === 'running');
  if (families.length === 0) return null;
  return (
    <div className="button-row">
      {families.map((f) => (
        <button key={f} type="button" className="button" disabled={running} onClick={() => void actions.openFamily(f)}>
          Open the {f} family
        </button>
      ))}
    </div>
  );
}

function ModelPicker() {
  const actions = useCompareActions();
  const models = useAppState((s) => s.models);
  const selection = useAppState((s) => s.compareSelection);
  const running = useAppState((s) => s.compareRun.status === 'running');
  const eligible = useMemo(() => compareEligibility({ models, compareSelection: selection }), [models, selection]);
  return (
    <fieldset className="compare-picker" disabled={running}>
      <legend>Models to compare</legend>
      <ul>
        {models.map((m) => {
          const e = eligible.get(m.id)!;
          const checked = selection.includes(m.id);
          const isReference = selection[0] === m.id;
          const note = isReference ? 'reference: its evaluation CSV scores every model' : checked ? e.reason : e.eligible ? e.reason : `can’t be selected: ${e.reason}`;
          return (
            <li key={m.id}>
              <label>
                <input type="checkbox" checked={checked} disabled={!checked && !e.eligible} aria-describedby={`compare-note-${m.id}`} onChange={() => actions.toggleCompareModel(m.id)} /> {m.pkg.name}
              </label>{' '}
              <span id={`compare-note-${m.id}`} className="muted">
                ({note})
              </span>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

function Progress() {
  const actions = useCompareActions();
  const run = useAppState((s) => s.compareRun);
  if (run.status !== 'running') return null;
  const p = run.progress;
  const fraction = p ? p.overall : 0;
  return (
    <section className="panel" aria-labelledby="compare-progress-title">
      <h3 id="compare-progress-title">Comparing</h3>
      <progress max={1} value={fraction} aria-labelledby="compare-progress-title" aria-valuetext={`${Math.round(fraction * 100)} %`} />
      <p data-testid="compare-progress">
        {run.cancelling ? 'Cancelling…' : p ? `Model ${p.modelIndex + 1} of ${p.modelCount} (${p.modelName}): ${p.step === 'scoring' ? 'scoring the evaluation set' : 'timing batch-1 runs'}, ${Math.round(p.fraction * 100)} %` : 'Starting…'}
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={run.cancelling} onClick={() => actions.cancelCompare()}>
          Cancel comparison
        </button>
      </div>
    </section>
  );
}

function ResultTable({ rows, kind }: { rows: readonly CompareRow[]; kind: MetricKind | null }) {
  const paretoCell = (r: CompareRow): string => {
    if (!r.pareto) return 'no';
    const ties = tiedWith(r, rows).filter((o) => o.pareto);
    return ties.length > 0 ? `★ yes (tie with ${ties.map((o) => o.name).join(', ')})` : '★ yes';
  };
  const anyVariant = rows.some((r) => r.variantOf !== null);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Comparison table">
    <table className="data-table numeric" data-testid="compare-table">
      <caption>Each model on the same evaluation CSV, and at batch 1 on the same backend; the p50’s ± is its confidence interval, covering at least 95 % (order statistics, widened by a clock tick only when the times fall on one)</caption>
      <thead>
        <tr>
          <th scope="col">Model</th>
          <th scope="col">{metricLabelOf(kind)}</th>
          <th scope="col">p50</th>
          <th scope="col">p50 ± (95 %)</th>
          <th scope="col">p95</th>
          <th scope="col">Model file</th>
          <th scope="col">Package</th>
          <th scope="col">Pareto-optimal</th>
          {anyVariant && <th scope="col">Accuracy cost vs base</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              {r.name}
              {r.quantization && <span className="muted"> ({r.quantization})</span>}
              {r.problem && <span className="muted"> — {r.problem}</span>}
            </th>
            <td>{r.metric === null ? '—' : formatMetric(r.metricKind, r.metric)}</td>
            <td>{r.p50Ms === null ? '—' : formatMs(r.p50Ms)}</td>
            <td>{r.p50Ms === null ? '—' : p50WithSpread(r).replace(/^p50 /, '')}</td>
            <td>{r.p95Ms === null ? '—' : formatMs(r.p95Ms)}</td>
            <td>{megabytes(r.modelBytes)}</td>
            <td>{megabytes(r.packageBytes)}</td>
            <td>{paretoCell(r)}</td>
            {anyVariant && <td>{r.accuracyCost === null ? (r.variantOf ? `base ${r.variantOf} not compared` : '—') : `${formatCost(r.metricKind, r.accuracyCost)} vs ${r.costBase}`}</td>}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

function Results() {
  const run = useAppState((s) => s.compareRun);
  const budget = useAppState((s) => s.compareBudgetMs);
  const result = useMemo(() => assembleComparison(run.measurements, budget), [run.measurements, budget]);
  if (run.measurements.length === 0) return null;
  const label = metricLabelOf(result.metricKind);
  const frontier = frontierSentence(result);
  return (
    <section className="panel" aria-labelledby="compare-results-title">
      <h3 id="compare-results-title">{run.status === 'cancelled' ? 'Results so far (cancelled)' : run.status === 'running' ? 'Results so far' : 'Results'}</h3>
      <p className="muted">
        Scored on {run.csvSource}; timed on {run.backendLabel} at batch 1 ({run.runs} runs after warm-up).
      </p>
      <p data-testid="compare-best">
        <strong>{bestSentence(result)}</strong>
      </p>
      {frontier && <p data-testid="compare-frontier">{frontier}</p>}
      <p className="muted">Latencies whose 95 % intervals overlap are ties: a model is only called faster when the gap is beyond the measured spread.</p>
      {result.rows.length - result.unplotted.length > 0 && (
        <Suspense fallback={<p className="muted">Loading the chart…</p>}>
          <CompareChart result={result} metricLabel={label} />
        </Suspense>
      )}
      <ResultTable rows={result.rows} kind={result.metricKind} />
    </section>
  );
}

/** Models side by side: metric vs latency, the Pareto frontier, and the best one under a budget. */
export function CompareView() {
  // The chart's code is fetched and parsed when the view opens, not when the first result
  // shows: parsed mid-comparison, it took a core from the next model's timed runs (traced: 100–150 ms).
  useEffect(() => void loadChart(), []);
  const actions = useCompareActions();
  const selection = useAppState((s) => s.compareSelection);
  const models = useAppState((s) => s.models);
  const budget = useAppState((s) => s.compareBudgetMs);
  const runs = useAppState((s) => s.compareRuns);
  const running = useAppState((s) => s.compareRun.status === 'running');
  const backend = useAppState(selectBackendLabel);
  const setBudget = useAppState((s) => s.setCompareBudget);
  const setRuns = useAppState((s) => s.setCompareRuns);
  const reference = models.find((m) => m.id === selection[0]);
  return (
    <section className="compare-view" aria-labelledby="compare-title">
      <h2 id="compare-title">Compare models</h2>
      <p className="muted">
        Each selected model is scored on the same evaluation CSV, then timed at batch 1, one model at a time. Models can be compared when they share the first model’s input signature or its evaluation CSV.
      </p>
      <FamilyShortcuts />
      <ModelPicker />
      <div className="compare-settings">
        <label>
          Latency budget (ms){' '}
          <input type="number" min={0} step="any" value={budget} onChange={(e) => Number.isFinite(e.target.valueAsNumber) && e.target.valueAsNumber >= 0 && setBudget(e.target.valueAsNumber)} />
        </label>{' '}
        <label>
          Timed runs per model{' '}
          <input type="number" min={5} max={500} step={1} value={runs} disabled={running} onChange={(e) => Number.isInteger(e.target.valueAsNumber) && e.target.valueAsNumber >= 5 && e.target.valueAsNumber <= 500 && setRuns(e.target.valueAsNumber)} />
        </label>
      </div>
      <p>
        Backend: {backend} (change it in the header). Evaluation set: {reference ? `the test.csv of ${reference.pkg.name}` : 'the first selected model’s test.csv'}.
      </p>
      <div className="button-row">
        <button type="button" className="button primary" disabled={running || selection.length < 2} onClick={() => void actions.startCompare()}>
          Compare {selection.length} model{selection.length === 1 ? '' : 's'}
        </button>
      </div>
      <Progress />
      <Results />
    </section>
  );
}
