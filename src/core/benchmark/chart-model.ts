import { batchAxis, logAxis, type LogAxis } from './log-axis';
import type { BatchRow, ChartSeries, SummaryBar } from './series';

/** A metric vs batch size, both axes logarithmic: what a line chart draws, decided here so components only render. */
export interface LogLineChart {
  /** `lastIndex`: the row of each series' last point, where its direct label goes (-1: no point). */
  readonly series: readonly (ChartSeries & { readonly lastIndex: number })[];
  readonly rows: readonly BatchRow[];
  readonly x: LogAxis;
  readonly y: LogAxis;
}

/**
 * Batch sizes on a log axis (1, 8, 32, 128 are not evenly spaced), the metric on
 * a log axis spanning every series (a software WebGPU 3,000× slower than WASM
 * still shows), and where each series ends, for its direct label.
 */
export function logLineChart(data: { readonly series: readonly ChartSeries[]; readonly rows: readonly BatchRow[] }): LogLineChart | null {
  const x = batchAxis(data.rows.map((r) => r.batchSize));
  const y = logAxis(data.rows.flatMap((r) => data.series.map((s) => r[s.key]).filter((v): v is number => v !== undefined)));
  if (!x || !y) return null;
  const series = data.series.map((s) => ({ ...s, lastIndex: data.rows.findLastIndex((r) => r[s.key] !== undefined) }));
  return { series, rows: data.rows, x, y };
}

/** Throughput at batch 1 and at the best batch, one row per configuration, on one log axis. */
export interface ThroughputDots {
  readonly rows: readonly SummaryBar[];
  readonly x: LogAxis;
}

export function throughputDots(bars: readonly SummaryBar[]): ThroughputDots | null {
  const x = logAxis(bars.flatMap((b) => (b.atBatch1 === null ? [b.atBest] : [b.atBatch1, b.atBest])));
  return x ? { rows: bars, x } : null;
}
