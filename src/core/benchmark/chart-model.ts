import { batchAxis, logAxis, type LogAxis } from './log-axis';
import type { BatchRow, ChartSeries, SummaryBar } from './series';

/** A metric vs batch size, both axes logarithmic: what a line chart draws, decided here so components only render. */
export interface LogLineChart {
  /**
   * `lastIndex`: the row of each series' last point, where its direct label goes (-1: no point);
   * `labelDy`: the label's vertical offset from that point, in pixels, so labels ending at the same
   * batch size do not cover each other.
   */
  readonly series: readonly (ChartSeries & { readonly lastIndex: number; readonly labelDy: number })[];
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
  const ends = data.series.map((s) => {
    const lastIndex = data.rows.findLastIndex((r) => r[s.key] !== undefined);
    return { ...s, lastIndex, value: lastIndex >= 0 ? data.rows[lastIndex]![s.key]! : Number.NaN };
  });
  const dy = labelOffsets(ends, y);
  const series = data.series.map((s, i) => ({ ...s, lastIndex: ends[i]!.lastIndex, labelDy: dy[i]! }));
  return { series, rows: data.rows, x, y };
}

/** The plot area's height the offsets assume (LogLineChart: 280 px less legend, axis and margins), and a label line's height. */
export const LABEL_PLOT_HEIGHT_PX = 190;
export const LABEL_LINE_PX = 13;

/** Labels sit 10 px above their point; where several end at the same batch size, each is pushed below the one above it. */
function labelOffsets(ends: readonly { lastIndex: number; value: number }[], y: LogAxis): number[] {
  const [lo, hi] = y.domain.map(Math.log10) as [number, number];
  const px = (v: number): number => ((hi - Math.log10(v)) / (hi - lo)) * LABEL_PLOT_HEIGHT_PX;
  const offsets = ends.map(() => -10);
  const groups = new Map<number, number[]>();
  ends.forEach((e, i) => {
    if (e.lastIndex >= 0 && e.value > 0) groups.set(e.lastIndex, [...(groups.get(e.lastIndex) ?? []), i]);
  });
  for (const members of groups.values()) {
    const sorted = [...members].sort((a, b) => px(ends[a]!.value) - px(ends[b]!.value));
    let previous = Number.NEGATIVE_INFINITY;
    for (const i of sorted) {
      const at = Math.max(px(ends[i]!.value) - 10, previous + LABEL_LINE_PX);
      offsets[i] = at - px(ends[i]!.value);
      previous = at;
    }
  }
  return offsets;
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
