import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { compareRuns, runLabel } from '../../../core/benchmark/series';
import { formatMsPlain } from '../../../core/benchmark/report';
import { configLabel } from '../../../core/benchmark/run';
import { useAppState, useBenchmarkActions } from '../../app-context';
import { selectComparedRuns, selectRunsOfModel } from '../../store/benchmark-selectors';
import type { OpenModel } from '../../store/models-slice';

const ComparisonChart = lazy(() => import('./ComparisonChart').then((m) => ({ default: m.ComparisonChart })));

/** Runs of this model kept in the browser: show one, compare several side by side, delete. */
export function SavedRuns({ model }: { model: OpenModel }) {
  const actions = useBenchmarkActions();
  const loaded = useAppState((s) => s.benchmarkRunsLoaded);
  const runs = useAppState(useShallow(selectRunsOfModel(model.sha256)));
  const shownId = useAppState((s) => s.benchmarkShown[model.id]);
  const compared = useAppState(useShallow(selectComparedRuns));
  const show = useAppState((s) => s.showBenchmarkRun);
  const toggle = useAppState((s) => s.toggleBenchmarkCompare);
  const comparing = compared.filter((r) => r.model.sha256 === model.sha256);
  return (
    <section className="panel" aria-labelledby="saved-runs-title">
      <h3 id="saved-runs-title">Runs of this model</h3>
      {!loaded ? (
        <p className="muted">Reading saved runs…</p>
      ) : runs.length === 0 ? (
        <p className="muted">None yet. Runs are kept in this browser (IndexedDB) so that you can compare them later, on another backend or another day.</p>
      ) : (
        <ul className="saved-runs" data-testid="saved-runs">
          {runs.map((run) => (
            <li key={run.id}>
              <label className="field-inline">
                <input type="checkbox" checked={comparing.some((r) => r.id === run.id)} onChange={() => toggle(run.id)} />
                Compare
              </label>
              <span className={run.id === shownId ? 'saved-run current' : 'saved-run'}>
                {runLabel(run)} · {run.results.map((r) => configLabel(r)).join(', ')}
              </span>
              <button type="button" className="button" disabled={run.id === shownId} onClick={() => show(model.id, run.id)}>
                Show
              </button>
              <button type="button" className="button" aria-label={`Delete run ${runLabel(run)}`} onClick={() => void actions.deleteBenchmarkRun(run.id)}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      {comparing.length >= 2 && (
        <div data-testid="run-comparison">
          <h4>Side by side</h4>
          <div className="table-scroll">
            <table className="data-table numeric">
              <caption>p50 latency (ms) and throughput (samples/s) of each compared run</caption>
              <thead>
                <tr>
                  <th scope="col">Backend</th>
                  <th scope="col">Batch</th>
                  {comparing.map((run, i) => (
                    <th key={run.id} scope="col">
                      {runLabel(run, i)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {compareRuns(comparing).map((row) => (
                  <tr key={row.key}>
                    <th scope="row">{row.label}</th>
                    <td>{row.batchSize}</td>
                    {row.cells.map((p, i) => (
                      <td key={comparing[i]!.id}>{p ? `${formatMsPlain(p.p50Ms)} ms · ${Math.round(p.throughputPerSec).toLocaleString('en-US')}/s` : '—'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Suspense fallback={<p className="muted">Loading chart…</p>}>
            <ComparisonChart runs={comparing} />
          </Suspense>
        </div>
      )}
    </section>
  );
}
