import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { byBatchRows, latencyDistributions, summaryBars, type BatchRow, type ChartSeries } from '../../../core/benchmark/series';
import { formatMsPlain } from '../../../core/benchmark/report';
import type { BenchmarkRun } from '../../../core/benchmark/run';

/** Series colours come from the theme (styles.css), so both themes stay readable. */
const colour = (i: number): string => `var(--chart-${(i % 6) + 1})`;
const axis = { stroke: 'var(--muted)', tick: { fill: 'var(--fg)', fontSize: 12 } } as const;
const tooltip = { contentStyle: { background: 'var(--bg)', border: '1px solid var(--border)', color: 'var(--fg)' } } as const;
const rate = (n: number): string => Math.round(n).toLocaleString('en-US');

function ByBatchChart({ rows, series, log, format }: { rows: BatchRow[]; series: ChartSeries[]; log?: boolean; format: (n: number) => string }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis dataKey="batchSize" {...axis} />
        <YAxis {...axis} scale={log ? 'log' : 'auto'} domain={log ? ['auto', 'auto'] : [0, 'auto']} tickFormatter={format} width={64} />
        <Tooltip {...tooltip} formatter={(v) => format(Number(v))} labelFormatter={(b) => `batch ${b}`} />
        <Legend verticalAlign="top" />
        {series.map((s, i) => (
          <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={colour(i)} strokeWidth={2} dot isAnimationActive={false} connectNulls />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Recharts is loaded with this module only, when results are first shown (keeps the landing page small). */
export function BenchmarkCharts({ run }: { run: BenchmarkRun }) {
  const adapter = run.environment.webgpuAdapter;
  const distributions = latencyDistributions(run.results, adapter);
  const throughput = byBatchRows(run.results, 'throughputPerSec', adapter);
  const perSample = byBatchRows(run.results, 'perSampleMs', adapter);
  const bars = summaryBars(run.results, adapter);
  const manyBatches = throughput.rows.length > 1;
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
                <BarChart data={d.bins} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} barCategoryGap={1}>
                  <XAxis dataKey="label" {...axis} interval="preserveStartEnd" />
                  <YAxis {...axis} allowDecimals={false} width={40} />
                  <Tooltip {...tooltip} formatter={(v) => [`${v} runs`, 'count']} labelFormatter={(l) => `${l} ms`} />
                  <Bar dataKey="count" name="runs" fill={colour(i)} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </figure>
          ))}
        </div>
      </figure>
      {manyBatches && (
        <>
          <figure className="chart">
            <figcaption>Throughput (samples per second, vertical) vs batch size (horizontal)</figcaption>
            <ByBatchChart rows={throughput.rows} series={throughput.series} format={rate} />
          </figure>
          <figure className="chart">
            <figcaption>Milliseconds per sample (p50 ÷ batch size, log scale) vs batch size: where batching pays off</figcaption>
            <ByBatchChart rows={perSample.rows} series={perSample.series} log format={formatMsPlain} />
          </figure>
        </>
      )}
      <figure className="chart">
        <figcaption>Throughput by backend: at batch 1 and at each backend’s best batch size</figcaption>
        <ResponsiveContainer width="100%" height={240}>
          <BarChart data={bars.map((b) => ({ ...b, atBatch1: b.atBatch1 ?? 0, label: `${b.label} (best: batch ${b.bestBatch})` }))} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="label" {...axis} />
            <YAxis {...axis} tickFormatter={rate} width={72} />
            <Tooltip {...tooltip} formatter={(v) => `${rate(Number(v))} samples/s`} />
            <Legend verticalAlign="top" />
            <Bar dataKey="atBatch1" name="batch 1" fill={colour(0)} isAnimationActive={false} />
            <Bar dataKey="atBest" name="best batch" fill={colour(1)} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </figure>
    </div>
  );
}
