import { outputAgreements, type OutputAgreement } from '../../../core/benchmark/output-agreement';
import { formatMsPlain } from '../../../core/benchmark/report';
import { sessionConfigLabel, sessionConfigRecord } from '../../../core/protocol/session-options';
import { configKey, configLabel, type BenchmarkRun } from '../../../core/benchmark/run';
import { p50Uncertainty, pointEstimates } from '../../../core/benchmark/verdict';

const rate = (n: number): string => Math.round(n).toLocaleString('en-US');

function agreementText(a: OutputAgreement): string {
  if (a.maxAbsDiff === null) return `outputs differ in shape from ${a.comparedWith}’s`;
  return `outputs vs ${a.comparedWith}: max |Δ| ${a.maxAbsDiff === 0 ? '0' : a.maxAbsDiff.toExponential(1)}`;
}

/** Every figure of a run: one row per point, the session and cold-run times once per configuration. */
export function BenchmarkTable({ run }: { run: BenchmarkRun }) {
  const adapter = run.environment.webgpuAdapter;
  const estimates = pointEstimates(run);
  const agreements = outputAgreements(run.results);
  const uncertainty = (key: string, batchSize: number): string => {
    const e = estimates.find((x) => x.key === key && x.batchSize === batchSize);
    return e ? p50Uncertainty(e.interval) : '—';
  };
  return (
    <div className="table-scroll">
      <table className="data-table numeric" data-testid="benchmark-table">
        <caption>
          Milliseconds, from the raw samples of each point. Session creation is timed after the runtime has started (the WASM compile or WebGPU device, timed
          apart as “runtime start”); the first run is the session’s cold run. The p50’s ± is its 95 % confidence interval (order statistics).
        </caption>
        <thead>
          <tr>
            <th scope="col">Backend</th>
            <th scope="col">Session creation</th>
            <th scope="col">First run (cold)</th>
            <th scope="col">Batch</th>
            <th scope="col">Runs</th>
            <th scope="col">p50</th>
            <th scope="col">p50 ± (95 %)</th>
            <th scope="col">p95</th>
            <th scope="col">p99</th>
            <th scope="col">Mean</th>
            <th scope="col">Std</th>
            <th scope="col">Min</th>
            <th scope="col">Max</th>
            <th scope="col">Samples/s</th>
            <th scope="col">Per sample</th>
          </tr>
        </thead>
        <tbody>
          {run.results.map((r, index) =>
            r.points.map((p, i) => (
              <tr key={`${r.backend}-${r.threads}-${p.batchSize}`}>
                {i === 0 && (
                  <>
                    <th scope="rowgroup" rowSpan={r.points.length}>
                      {configLabel(r, adapter)}
                      {!r.completed && <span className="muted"> (cancelled)</span>}
                      <span className="muted cell-note" data-testid="session-config">
                        {sessionConfigLabel(r.config ?? sessionConfigRecord(r.backend))}
                      </span>
                      {agreements[index] && <span className="muted cell-note" data-testid="output-agreement">{agreementText(agreements[index])}</span>}
                    </th>
                    <td rowSpan={r.points.length}>
                      {formatMsPlain(r.sessionCreateMs)}
                      {r.runtimeStartMs !== null && <span className="muted cell-note">runtime start {formatMsPlain(r.runtimeStartMs)}</span>}
                    </td>
                    <td rowSpan={r.points.length}>
                      {formatMsPlain(r.firstRunMs)}
                      <span className="muted cell-note">batch {r.firstRunBatchSize}</span>
                    </td>
                  </>
                )}
                <td>{p.batchSize}</td>
                <td>{p.runs}</td>
                <td>
                  {formatMsPlain(p.p50Ms)}
                  {p.withoutReadBackP50Ms !== undefined && <span className="muted cell-note">without read-back {formatMsPlain(p.withoutReadBackP50Ms)}</span>}
                </td>
                <td>{uncertainty(configKey(r), p.batchSize)}</td>
                <td>{formatMsPlain(p.p95Ms)}</td>
                <td>{formatMsPlain(p.p99Ms)}</td>
                <td>{formatMsPlain(p.meanMs)}</td>
                <td>{formatMsPlain(p.stdMs)}</td>
                <td>{formatMsPlain(p.minMs)}</td>
                <td>{formatMsPlain(p.maxMs)}</td>
                <td>{rate(p.throughputPerSec)}</td>
                <td>{formatMsPlain(p.perSampleMs)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
