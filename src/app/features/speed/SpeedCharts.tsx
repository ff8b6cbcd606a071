import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMsPlain } from '../../../core/benchmark/report';
import { COLD_START_STEPS, type ColdStartRow, type OpTypeBar } from '../../../core/profile/speed-series';

/** Colours from the theme (styles.css), so both themes stay readable. */
const colour = (i: number): string => `var(--chart-${(i % 6) + 1})`;
const axis = { stroke: 'var(--muted)', tick: { fill: 'var(--fg)', fontSize: 12 } } as const;
const tooltip = { contentStyle: { background: 'var(--bg)', border: '1px solid var(--border)', color: 'var(--fg)' } } as const;

/** One stacked horizontal bar per backend: the steps of a cold start, left to right, in milliseconds. */
export function ColdStartChart({ rows }: { rows: readonly ColdStartRow[] }) {
  return (
    <figure className="chart" data-testid="cold-start-chart">
      <figcaption>Cold start, step by step (milliseconds, horizontal), one bar per backend</figcaption>
      <ResponsiveContainer width="100%" height={80 + rows.length * 48}>
        <BarChart data={[...rows]} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis type="number" {...axis} tickFormatter={formatMsPlain} />
          <YAxis type="category" dataKey="label" {...axis} width={150} interval={0} />
          <Tooltip {...tooltip} formatter={(v) => `${formatMsPlain(Number(v))} ms`} />
          {/* In the order the steps happen, not alphabetically. */}
          <Legend verticalAlign="top" itemSorter={(item) => COLD_START_STEPS.findIndex((s) => s.key === item.dataKey)} />
          {COLD_START_STEPS.map((step, i) => (
            <Bar key={step.key} dataKey={step.key} name={step.label} stackId="cold" fill={colour(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

/** Milliseconds of the median warm run by operator type (horizontal bars, largest first). */
export function OpTypeChart({ bars, label }: { bars: readonly OpTypeBar[]; label: string }) {
  return (
    <figure className="chart">
      <figcaption>{label}: milliseconds of the median warm run by operator type</figcaption>
      <ResponsiveContainer width="100%" height={60 + bars.length * 28}>
        <BarChart data={[...bars]} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis type="number" {...axis} tickFormatter={formatMsPlain} />
          <YAxis type="category" dataKey="opType" {...axis} width={130} interval={0} />
          <Tooltip {...tooltip} formatter={(v) => `${formatMsPlain(Number(v))} ms`} />
          <Bar dataKey="ms" name="ms" fill={colour(0)} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
