import { lazy, Suspense } from 'react';
import { configLabel, type BenchmarkRun } from '../../../core/benchmark/run';
import { environmentFacts, reportEnvironment } from '../../../core/benchmark/environment';
import { runLabel } from '../../../core/benchmark/series';
import { useBenchmarkActions } from '../../app-context';
import { formatBytes } from '../../ui/format';
import { BenchmarkTable } from './BenchmarkTable';
import { ProfileResults } from '../speed/ProfileResults';
import { BenchmarkVerdict } from './BenchmarkVerdict';

const BenchmarkCharts = lazy(() => import('./BenchmarkCharts').then((m) => ({ default: m.BenchmarkCharts })));

/** One run: where it ran, every figure, charts, and the ways to take it away; `previous` when a newer benchmark is measuring or measured nothing. */
export function BenchmarkResults({ run, previous = null }: { run: BenchmarkRun; previous?: 'running' | 'superseded' | null }) {
  const actions = useBenchmarkActions();
  const env = run.environment;
  const adapter = env.webgpuAdapter;
  const stop = run.settings.stop.kind === 'runs' ? `${run.settings.stop.runs} runs` : `${run.settings.stop.ms / 1000} s`;
  const facts: [string, string][] = [
    ['Model', `${run.model.name} (${run.model.file}, ${formatBytes(run.model.bytes)}, SHA-256 ${run.model.sha256.slice(0, 12)}…)`],
    ['Measured', `${run.settings.warmupRuns} warm-up runs, then ${stop} per point; ${run.settings.inputs === 'example' ? 'the package’s example repeated to the batch size' : 'random inputs'}`],
    ...environmentFacts(reportEnvironment(env)),
  ];
  return (
    <section className="panel benchmark-results" aria-labelledby="benchmark-results-title" data-testid="benchmark-results">
      <h3 id="benchmark-results-title">
        {previous ? 'Previous run' : 'Results'} · {runLabel(run)}
      </h3>
      {previous && (
        <p className="finding finding-warning" data-testid="benchmark-previous">
          {previous === 'running'
            ? `These are the results of the previous run (${runLabel(run)}), not of the benchmark now measuring: they are replaced when it finishes.`
            : `These are the results of the previous run (${runLabel(run)}): the latest benchmark measured nothing.`}
        </p>
      )}
      {run.status === 'cancelled' && <p className="finding finding-warning">Cancelled: only the points measured before Cancel are shown.</p>}
      <BenchmarkVerdict run={run} />
      <dl className="facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {run.failures.length > 0 && (
        <ul className="findings">
          {run.failures.map((f) => (
            <li key={`${f.backend}-${f.threads}`} className="finding finding-error">
              {configLabel(f, adapter)} could not be measured: {f.error.message}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={() => actions.downloadBenchmarkJson(run.id)}>
          Download JSON
        </button>
        <button type="button" className="button" onClick={() => void actions.downloadBenchmarkCsv(run.id)}>
          Download CSV
        </button>
        <button type="button" className="button" onClick={() => void actions.copyBenchmarkMarkdown(run.id)}>
          Copy as Markdown
        </button>
      </div>
      {adapter && run.results.some((r) => r.backend === 'webgpu') && (
        <p className="muted">WebGPU times include copying the outputs back to the CPU{adapter.software ? '; this adapter emulates a GPU in software, so they say nothing about a real GPU' : ''}.</p>
      )}
      <Suspense fallback={<p className="muted">Loading charts…</p>}>
        <BenchmarkCharts run={run} />
      </Suspense>
      <BenchmarkTable run={run} />
      {run.results.some((r) => r.profile) && (
        <section aria-labelledby="benchmark-profiles-title" data-testid="benchmark-profiles">
          <h3 id="benchmark-profiles-title">Each configuration taken apart</h3>
          <ProfileResults profiles={run.results.flatMap((r) => (r.profile ? [r.profile] : []))} adapter={adapter} />
        </section>
      )}
    </section>
  );
}
