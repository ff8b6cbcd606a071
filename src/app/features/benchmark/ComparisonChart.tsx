import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { comparisonThroughput } from '../../../core/benchmark/series';
import type { BenchmarkRun } from '../../../core/benchmark/run';

const rate = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Throughput vs batch size, one line per (run, backend). */
export function ComparisonChart({ runs }: { runs: readonly BenchmarkRun[] }) {
  const { rows, series } = comparisonThroughput(runs);
  return (
    <figure className="chart">
      <figcaption>Throughput (samples/s) vs batch size, compared runs</figcaption>
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="batchSize" stroke="var(--muted)" tick={{ fill: 'var(--fg)', fontSize: 12 }} />
          <YAxis stroke="var(--muted)" tick={{ fill: 'var(--fg)', fontSize: 12 }} tickFormatter={rate} width={72} />
          <Tooltip contentStyle={{ background: 'var(--bg)', border: '1px solid var(--border)', color: 'var(--fg)' }} formatter={(v) => `${rate(Number(v))} samples/s`} />
          <Legend verticalAlign="top" />
          {series.map((s, i) => (
            <Line key={s.key} dataKey={s.key} name={s.label} stroke={`var(--chart-${(i % 6) + 1})`} strokeWidth={2} strokeDasharray={s.key.startsWith('r0-') ? undefined : '6 3'} isAnimationActive={false} connectNulls />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
