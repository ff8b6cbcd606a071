import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import { logLineChart, throughputDots, type ThroughputDots } from '../../../core/benchmark/chart-model';
import { byBatchRows, latencyDistributions, summaryBars } from '../../../core/benchmark/series';
import { formatMsPlain } from '../../../core/benchmark/report';
import type { BenchmarkRun } from '../../../core/benchmark/run';
import { axisStyle, rate, seriesStyle, tooltipStyle } from './chart-style';
import { LogLineChart } from './LogLineChart';

/** Throughput at batch 1 and at the best batch, one row per backend, on a log axis: a slow series is a dot, not a bar flattened onto 0. */
function ThroughputDotPlot({ dots }: { dots: ThroughputDots }) {
  const batch1 = dots.rows.flatMap((b) => (b.atBatch1 === null ? [] : [{ label: b.label, value: b.atBatch1 }]));
  const best = dots.rows.map((b) => ({ label: b.label, value: b.atBest, batch: b.bestBatch }));
  const [one, two] = [seriesStyle(0), seriesStyle(3)];
  return (
    <div data-testid="throughput-dots" data-x-scale="log">
      <ResponsiveContainer width="100%" height={90 + dots.rows.length * 44}>
        <ScatterChart margin={{ top: 8, right: 24, bottom: 16, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="value" type="number" scale="log" domain={[...dots.x.domain]} ticks={[...dots.x.ticks]} allowDataOverflow tickFormatter={rate} {...axisStyle} label={{ value: 'samples per second (log scale)', position: 'insideBottom', offset: -10, fill: 'var(--fg)', fontSize: 12 }} />
          <YAxis dataKey="label" type="category" allowDuplicatedCategory={false} width={170} interval={0} {...axisStyle} />
          <Tooltip {...tooltipStyle} formatter={(v, name) => (name === 'value' ? `${rate(Number(v))} samples/s` : String(v))} />
          <Legend verticalAlign="top" />
          <Scatter name="at batch 1" data={batch1} fill={one.colour} shape={one.marker} legendType={one.marker} isAnimationActive={false} />
          <Scatter name="at its best batch" data={best} fill={two.colour} shape={two.marker} legendType={two.marker} isAnimationActive={false} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Recharts is loaded with this module only, when results are first shown (keeps the landing page small). */
export function BenchmarkCharts({ run }: { run: BenchmarkRun }) {
  const adapter = run.environment.webgpuAdapter;
  const distributions = latencyDistributions(run.results, adapter);
  const throughput = logLineChart(byBatchRows(run.results, 'throughputPerSec', adapter));
  const perSample = logLineChart(byBatchRows(run.results, 'perSampleMs', adapter));
  const bars = summaryBars(run.results, adapter);
  const dots = throughputDots(bars);
  const manyBatches = (throughput?.rows.length ?? 0) > 1;
  return (
    <div className="benchmark-charts" data-testid="benchmark-charts">
      <figure className="chart">
        <figcaption>
          Latency distribution at batch {distributions.every((d) => d.batchSize === 1) ? '1' : 'the smallest size measured'}: runs (vertical) per millisecond bin (horizontal), each backend on its own scale
        </figcaption>
        <div className="small-multiples">
          {distributions.map((d, i) => (
            <figure key={d.key} className="chart small">
              <figcaption>
                {d.label}: p50 {formatMsPlain(d.p50Ms)} ms, p99 {formatMsPlain(d.p99Ms)} ms{d.batchSize !== 1 && ` (batch ${d.batchSize})`}
              </figcaption>
              <ResponsiveContainer width="100%" height={180}>
                <BarChart data={[...d.bins]} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} barCategoryGap={1}>
                  <XAxis dataKey="label" {...axisStyle} interval="preserveStartEnd" />
                  <YAxis {...axisStyle} allowDecimals={false} width={40} />
                  <Tooltip {...tooltipStyle} formatter={(v) => [`${v} runs`, 'count']} labelFormatter={(l) => `${l} ms`} />
                  <Bar dataKey="count" name="runs" fill={seriesStyle(i).colour} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </figure>
          ))}
        </div>
      </figure>
      {manyBatches && throughput && perSample && (
        <>
          <figure className="chart">
            <figcaption>Throughput (samples per second, vertical, log scale) vs batch size (horizontal, log scale): straight lines join the sizes measured</figcaption>
            <LogLineChart chart={throughput} format={rate} testId="throughput-chart" />
          </figure>
          <figure className="chart">
            <figcaption>Milliseconds per sample (p50 ÷ batch size, log scale) vs batch size (log scale): where batching pays off</figcaption>
            <LogLineChart chart={perSample} format={formatMsPlain} testId="per-sample-chart" />
          </figure>
        </>
      )}
      {dots && (
        <figure className="chart">
          <figcaption>Throughput by backend, at batch 1 and at each backend’s best batch size{bars.length > 0 && ` (${bars.map((b) => `${b.label}: best at batch ${b.bestBatch}`).join('; ')})`}, log scale</figcaption>
          <ThroughputDotPlot dots={dots} />
        </figure>
      )}
    </div>
  );
}
