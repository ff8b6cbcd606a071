import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RankedClass } from '../../../core/schema/prediction';

/** Scores, sorted, as horizontal bars (recharts is loaded only when a prediction is shown). */
export function ProbabilityChart({ classes, kind }: { classes: readonly RankedClass[]; kind: 'Probability' | 'Logit' }) {
  const data = classes.map((c) => ({ name: c.name, score: Number(c.score.toFixed(4)) }));
  const height = Math.max(120, 28 * data.length + 40);
  return (
    <figure className="chart" data-testid="probability-chart">
      <figcaption>
        {kind} per class, highest first
      </figcaption>
      <div style={{ width: '100%', height }} aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis type="number" domain={kind === 'Probability' ? [0, 1] : ['auto', 'auto']} stroke="var(--muted)" />
            <YAxis type="category" dataKey="name" width={110} stroke="var(--muted)" />
            <Tooltip contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--fg)' }} />
            <Bar dataKey="score" name={kind} fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
