import { logLineChart } from '../../../core/benchmark/chart-model';
import { comparisonThroughput } from '../../../core/benchmark/series';
import type { BenchmarkRun } from '../../../core/benchmark/run';
import { rate } from './chart-style';
import { LogLineChart } from './LogLineChart';

/** Throughput vs batch size, one line per (run, backend), both axes logarithmic. */
export function ComparisonChart({ runs }: { runs: readonly BenchmarkRun[] }) {
  const chart = logLineChart(comparisonThroughput(runs));
  if (!chart) return null;
  return (
    <figure className="chart">
      <figcaption>Throughput (samples/s, log scale) vs batch size (log scale), compared runs</figcaption>
      <LogLineChart chart={chart} format={rate} testId="comparison-chart" />
    </figure>
  );
}
