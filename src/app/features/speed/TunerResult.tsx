import { formatMsPlain } from '../../../core/benchmark/report';
import type { TuneRun } from '../../../core/profile/tune-report';
import { costsOf, FEW_RUNS, tunerPointLabel, tuningLabel, type TunerPoint } from '../../../core/profile/tuner';
import { configLabel } from '../../../core/benchmark/run';
import { useSpeedActions } from '../../app-context';

const rate = (n: number): string => Math.round(n).toLocaleString('en-US');

function PickCard({ title, point, testId }: { title: string; point: TunerPoint; testId: string }) {
  return (
    <div className="panel" data-testid={testId}>
      <h4>{title}</h4>
      <p>
        <strong>{tunerPointLabel(point)}</strong>
      </p>
      <p className="muted">What it costs:</p>
      <ul>
        {costsOf(point).map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}

/** The recommendation and the evidence: every point measured. */
export function TunerResult({ run }: { run: TuneRun }) {
  const actions = useSpeedActions();
  const r = run.recommendation;
  const budget = run.settings.budgetP99Ms;
  return (
    <section className="panel" aria-labelledby="tuner-result-title" data-testid="tuner-result">
      <h3 id="tuner-result-title">Recommendation</h3>
      {run.status !== 'complete' && (
        <p className="finding finding-warning">
          {run.status === 'cancelled' ? 'Cancelled' : 'The time cap ended the search'}
          {run.skipped > 0 ? `: ${run.skipped} configuration${run.skipped === 1 ? ' was' : 's were'} not measured` : ''}. The recommendation uses what was measured.
        </p>
      )}
      <p data-testid="tuner-summary">{r.summary}</p>
      <div className="side-by-side">
        {r.fastest && <PickCard title="Fastest within the budget" point={r.fastest} testId="tuner-fastest" />}
        {r.throughputOptimal && r.throughputOptimal !== r.fastest && <PickCard title="Most samples per second within the budget" point={r.throughputOptimal} testId="tuner-throughput" />}
        {r.closest && <PickCard title="Closest to the budget" point={r.closest} testId="tuner-closest" />}
      </div>
      <div className="button-row">
        <button type="button" className="button" onClick={() => actions.downloadTuneJson(run.modelId)}>
          Download recommendation (JSON)
        </button>
      </div>
      <div className="table-scroll">
        <table className="data-table numeric" data-testid="tuner-evidence">
          <caption>
            Every point measured in {(run.elapsedMs / 1000).toFixed(1)} s, milliseconds per batch. Budget: p99 ≤ {formatMsPlain(budget)} ms, batch ≥ {run.settings.minBatch}. A p99
            from fewer than {FEW_RUNS} runs is close to the slowest run.
          </caption>
          <thead>
            <tr>
              <th scope="col">Backend</th>
              <th scope="col">Options</th>
              <th scope="col">Batch</th>
              <th scope="col">Runs</th>
              <th scope="col">p50</th>
              <th scope="col">p99</th>
              <th scope="col">Samples/s</th>
              <th scope="col">Session</th>
              <th scope="col">Within budget</th>
            </tr>
          </thead>
          <tbody>
            {run.points.map((p, i) => (
              <tr key={i}>
                <th scope="row">{configLabel(p.config, run.environment?.webgpuAdapter)}</th>
                <td>{tuningLabel(p.tuning) || 'defaults'}</td>
                <td>{p.batchSize}</td>
                <td>{p.runs}</td>
                <td>{formatMsPlain(p.p50Ms)}</td>
                <td>{formatMsPlain(p.p99Ms)}</td>
                <td>{rate(p.throughputPerSec)}</td>
                <td>{formatMsPlain(p.sessionCreateMs)}</td>
                <td>{p.batchSize < run.settings.minBatch ? 'below the minimum batch' : p.p99Ms <= budget ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {run.failures.length > 0 && (
        <ul className="findings">
          {run.failures.map((f, i) => (
            <li key={i} className="finding finding-error">
              {configLabel(f)}
              {tuningLabel(f.tuning) ? ` (${tuningLabel(f.tuning)})` : ''} failed: {f.error.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
