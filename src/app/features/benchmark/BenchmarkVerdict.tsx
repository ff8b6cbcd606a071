import { describeAdapter } from '../../../core/benchmark/adapter-kind';
import type { BenchmarkRun } from '../../../core/benchmark/run';
import { benchmarkVerdict } from '../../../core/benchmark/verdict';

/** The answer above the charts: which setup is fastest where, by how much, and how sure that is. */
export function BenchmarkVerdict({ run }: { run: BenchmarkRun }) {
  const verdict = benchmarkVerdict(run);
  const adapter = run.environment.webgpuAdapter;
  const gpuMeasured = adapter !== null && run.results.some((r) => r.backend === 'webgpu');
  return (
    <section className="verdict" aria-labelledby="benchmark-verdict-title" data-testid="benchmark-verdict">
      <h4 id="benchmark-verdict-title">Verdict</h4>
      <p className="verdict-text" data-testid="benchmark-verdict-text">
        {verdict.sentences.join(' ')}
      </p>
      {verdict.cautions.length > 0 && (
        <div className="finding finding-warning" data-testid="benchmark-cautions">
          <p>Not settled yet:</p>
          <ul>
            {verdict.cautions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      )}
      {gpuMeasured && <p data-testid="benchmark-adapter">{describeAdapter(adapter)}</p>}
      <p className="muted">
        Each ± is a 95 % confidence interval for the p50, from the order statistics of the raw samples (it assumes nothing about how the times are
        distributed). Two setups whose intervals overlap, each widened by a tick of the timer, are within noise of each other and are not ranked. With fewer
        than 6 runs a point has no 95 % interval: its fastest and slowest runs are shown with what they really cover, and no setup is ranked on it.
      </p>
    </section>
  );
}
