import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { LogLineChart as Model } from '../../../core/benchmark/chart-model';
import { axisStyle, seriesStyle, tooltipStyle } from './chart-style';

interface LabelProps {
  readonly x?: number | string;
  readonly y?: number | string;
  readonly index?: number;
}

/**
 * A metric vs batch size on log–log axes: straight segments between the
 * measured points (nothing is implied in between), a marker shape and a dash
 * pattern per series, and each series named where it ends.
 */
export function LogLineChart({ chart, format, testId }: { chart: Model; format: (n: number) => string; testId?: string }) {
  return (
    <div data-testid={testId} data-x-scale="log" data-y-scale="log">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={[...chart.rows]} margin={{ top: 8, right: 24, bottom: 16, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis dataKey="batchSize" type="number" scale="log" domain={[...chart.x.domain]} ticks={[...chart.x.ticks]} allowDataOverflow {...axisStyle} label={{ value: 'batch size (log scale)', position: 'insideBottom', offset: -10, fill: 'var(--fg)', fontSize: 12 }} />
          <YAxis type="number" scale="log" domain={[...chart.y.domain]} ticks={[...chart.y.ticks]} allowDataOverflow tickFormatter={format} width={72} {...axisStyle} />
          <Tooltip {...tooltipStyle} formatter={(v) => format(Number(v))} labelFormatter={(b) => `batch ${b}`} />
          <Legend verticalAlign="top" />
          {chart.series.map((s, i) => {
            const style = seriesStyle(i);
            return (
              <Line
                key={s.key}
                type="linear"
                dataKey={s.key}
                name={s.label}
                stroke={style.colour}
                strokeDasharray={style.dash}
                strokeWidth={2}
                dot={{ symbol: style.marker, r: 5, fill: style.colour, stroke: style.colour }}
                legendType={style.marker}
                isAnimationActive={false}
                connectNulls
                label={({ x, y, index }: LabelProps) =>
                  index === s.lastIndex && typeof x === 'number' && typeof y === 'number' ? (
                    <text key={`${s.key}-label`} x={x - 8} y={y + s.labelDy} textAnchor="end" fill="var(--fg)" fontSize={11} className="series-label">
                      {s.label}
                    </text>
                  ) : null
                }
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
