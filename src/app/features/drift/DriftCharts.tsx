import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { binLabel, percentText, type ClassShares, type FeatureDrift } from '../../../core/stats/drift-report';

const axis = { stroke: 'var(--muted)', tick: { fill: 'var(--fg)', fontSize: 12 } } as const;
const tooltip = { contentStyle: { background: 'var(--bg)', border: '1px solid var(--border)', color: 'var(--fg)' } } as const;
const REFERENCE = 'var(--chart-1)';
const PRODUCTION = 'var(--chart-2)';

/** Reference and production over the same bins, as shares (recharts is loaded with this module only). */
export function FeatureHistograms({ features }: { features: readonly FeatureDrift[] }) {
  return (
    <div className="small-multiples" data-testid="drift-histograms">
      {features.map((f) => (
        <figure key={f.feature} className="chart small">
          <figcaption>
            {f.feature}: share of rows per bin ({f.histogram.length} equal-width bins over both files), reference vs production
          </figcaption>
          <div aria-hidden="true">
            <ResponsiveContainer width="100%" height={200}>
              <BarChart data={f.histogram.map((b) => ({ label: binLabel(b), reference: b.reference, production: b.production }))} margin={{ top: 4, right: 8, bottom: 4, left: 0 }} barGap={0} barCategoryGap={1} accessibilityLayer={false}>
                <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
                <XAxis dataKey="label" {...axis} interval="preserveStartEnd" />
                <YAxis {...axis} tickFormatter={percentText} width={52} />
                <Tooltip {...tooltip} formatter={(v) => percentText(Number(v))} />
                <Legend verticalAlign="top" />
                <Bar dataKey="reference" name="Reference" fill={REFERENCE} isAnimationActive={false} />
                <Bar dataKey="production" name="Production" fill={PRODUCTION} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </figure>
      ))}
    </div>
  );
}

export function ClassSharesChart({ shares }: { shares: ClassShares }) {
  const data = shares.classes.map((c) => ({ name: c.name, reference: c.referenceShare, production: c.productionShare }));
  return (
    <figure className="chart">
      <figcaption>Predicted class shares, reference vs production</figcaption>
      <div aria-hidden="true">
        <ResponsiveContainer width="100%" height={Math.max(160, 40 * data.length + 60)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }} accessibilityLayer={false}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis type="number" domain={[0, 1]} {...axis} tickFormatter={percentText} />
            <YAxis type="category" dataKey="name" width={110} {...axis} />
            <Tooltip {...tooltip} formatter={(v) => percentText(Number(v))} />
            <Legend verticalAlign="top" />
            <Bar dataKey="reference" name="Reference" fill={REFERENCE} isAnimationActive={false} />
            <Bar dataKey="production" name="Production" fill={PRODUCTION} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
