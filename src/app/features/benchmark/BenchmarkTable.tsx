import { agreementText, outputAgreements, type OutputAgreement } from '../../../core/benchmark/output-agreement';
import { formatMsPlain } from '../../../core/benchmark/report';
import { sessionConfigLabel, sessionConfigRecord } from '../../../core/protocol/session-options';
import { configKey, configLabel, type BackendResult, type BenchmarkPoint, type BenchmarkRun, type WebGpuAdapterInfo } from '../../../core/benchmark/run';
import { p50Uncertainty, pointEstimates } from '../../../core/benchmark/verdict';

const rate = (n: number): string => Math.round(n).toLocaleString('en-US');

const COLUMNS = ['Backend', 'Session creation', 'First run (cold)', 'Batch', 'Runs', 'p50', 'p50 ± (95 %)', 'p95', 'p99', 'Mean', 'Std', 'Min', 'Max', 'Samples/s', 'Per sample'];

/** A configuration's cells, once for all its points: its name and session, the session creation and the cold run. */
function ConfigCells({ r, adapter, agreement }: { r: BackendResult; adapter: WebGpuAdapterInfo | null; agreement: OutputAgreement | null | undefined }) {
  return (
    <>
      <th scope="rowgroup" rowSpan={r.points.length}>
        {configLabel(r, adapter)}
        {!r.completed && <span className="muted"> (cancelled)</span>}
        <span className="muted cell-note" data-testid="session-config">
          {sessionConfigLabel(r.config ?? sessionConfigRecord(r.backend))}
        </span>
        {agreement && <span className="muted cell-note" data-testid="output-agreement">{agreementText(agreement)}</span>}
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
  );
}

/** One point's figures, from its raw samples. */
function PointCells({ p, uncertainty }: { p: BenchmarkPoint; uncertainty: string }) {
  return (
    <>
      <td>{p.batchSize}</td>
      <td>{p.runs}</td>
      <td>
        {formatMsPlain(p.p50Ms)}
        {p.withoutReadBackP50Ms !== undefined && <span className="muted cell-note">without read-back {formatMsPlain(p.withoutReadBackP50Ms)}</span>}
      </td>
      <td>{uncertainty}</td>
      <td>{formatMsPlain(p.p95Ms)}</td>
      <td>{formatMsPlain(p.p99Ms)}</td>
      <td>{formatMsPlain(p.meanMs)}</td>
      <td>{formatMsPlain(p.stdMs)}</td>
      <td>{formatMsPlain(p.minMs)}</td>
      <td>{formatMsPlain(p.maxMs)}</td>
      <td>{rate(p.throughputPerSec)}</td>
      <td>{formatMsPlain(p.perSampleMs)}</td>
    </>
  );
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
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {run.results.map((r, index) =>
            r.points.map((p, i) => (
              <tr key={`${r.backend}-${r.threads}-${p.batchSize}`}>
                {i === 0 && <ConfigCells r={r} adapter={adapter} agreement={agreements[index]} />}
                <PointCells p={p} uncertainty={uncertainty(configKey(r), p.batchSize)} />
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
