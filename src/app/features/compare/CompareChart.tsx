import { CartesianGrid, LabelList, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComparisonResult } from '../../../core/compare/compare';

interface Point {
  readonly name: string;
  readonly latency: number;
  readonly metric: number;
}

/** Short tick labels: 0.012, 0.5, 12, 300. */
const tick = (v: number): string => String(Number(v.toPrecision(3)));

const toPoint = (r: ComparisonResult['rows'][number]): Point => ({ name: r.name, latency: r.p50Ms!, metric: r.metric! });

/** Metric vs p50 latency: every model a dot, the Pareto-optimal ones joined, the budget a vertical line. */
export function CompareChart({ result, metricLabel }: { result: ComparisonResult; metricLabel: string }) {
  const plotted = result.rows.filter((r) => !result.unplotted.includes(r));
  const others = plotted.filter((r) => !r.pareto).map(toPoint);
  const frontier = result.frontier.map(toPoint);
  const slowest = Math.max(...plotted.map((r) => r.p50Ms!));
  // The budget is drawn when it is near the models; a far larger one would squash them against the axis.
  const budgetShown = result.budgetMs <= slowest * 3;
  const maxLatency = (budgetShown ? Math.max(slowest, result.budgetMs) : slowest) * 1.15;
  return (
    <figure className="chart" data-testid="compare-chart">
      <figcaption>
        {metricLabel} vs p50 latency at batch 1; filled diamonds joined by a line are Pareto-optimal, {budgetShown ? `the dashed vertical line is the ${result.budgetMs} ms budget` : `the ${result.budgetMs} ms budget lies far right of every model (all fit)`}
      </figcaption>
      <ResponsiveContainer width="100%" height={300}>
        <ScatterChart margin={{ top: 16, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis type="number" dataKey="latency" name="p50 latency" unit=" ms" domain={[0, maxLatency]} stroke="var(--muted)" tick={{ fill: 'var(--fg)', fontSize: 12 }} tickFormatter={tick} label={{ value: 'p50 latency (ms)', position: 'insideBottom', offset: -12, fill: 'var(--fg)' }} />
          <YAxis type="number" dataKey="metric" name={metricLabel} domain={['auto', 'auto']} stroke="var(--muted)" tick={{ fill: 'var(--fg)', fontSize: 12 }} tickFormatter={tick} width={64} />
          <Tooltip contentStyle={{ background: 'var(--bg)', border: '1px solid var(--border)', color: 'var(--fg)' }} formatter={(v) => Number(v).toPrecision(4)} />
          {budgetShown && (
            <ReferenceLine x={result.budgetMs} stroke="var(--chart-5)" strokeDasharray="6 4" label={{ value: `budget ${result.budgetMs} ms`, position: 'top', fill: 'var(--fg)', fontSize: 12 }} />
          )}
          <Scatter name="Other models" data={others} fill="var(--chart-2)" isAnimationActive={false}>
            <LabelList dataKey="name" position="right" fill="var(--fg)" fontSize={12} />
          </Scatter>
          <Scatter name="Pareto frontier" data={frontier} fill="var(--chart-1)" shape="diamond" line={{ stroke: 'var(--chart-1)', strokeWidth: 2 }} isAnimationActive={false}>
            <LabelList dataKey="name" position="right" fill="var(--fg)" fontSize={12} />
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
}
