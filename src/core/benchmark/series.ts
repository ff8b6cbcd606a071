import { histogram } from '../stats/histogram';
import { bestPoint, configKey, configLabel, type BackendResult, type BenchmarkPoint, type BenchmarkRun, type WebGpuAdapterInfo } from './run';

/** What the charts draw, computed here so that components only render. */
export interface ChartSeries {
  readonly key: string;
  readonly label: string;
}

export interface DistributionChart extends ChartSeries {
  readonly batchSize: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly bins: readonly { readonly label: string; readonly start: number; readonly end: number; readonly count: number }[];
}

export type BatchRow = { readonly batchSize: number } & Readonly<Record<string, number>>;

const pointAt = (result: BackendResult, batchSize: number): BenchmarkPoint | undefined => result.points.find((p) => p.batchSize === batchSize);

/** A bin edge label with enough digits to tell neighbours apart. */
function edge(value: number, width: number): string {
  const digits = Math.max(0, Math.min(6, Math.ceil(-Math.log10(Math.max(width, 1e-9))) + 1));
  return value.toFixed(digits);
}

/** Latency histograms at batch 1 (or the smallest batch measured), one per configuration, each on its own scale. */
export function latencyDistributions(results: readonly BackendResult[], adapter?: WebGpuAdapterInfo | null): DistributionChart[] {
  return results.flatMap((r) => {
    const point = pointAt(r, 1) ?? r.points[0];
    if (!point) return [];
    const bins = histogram(point.samplesMs, { maxBins: 30 });
    const width = bins.length > 0 ? bins[0]!.end - bins[0]!.start : 0;
    return [{ key: configKey(r), label: configLabel(r, adapter), batchSize: point.batchSize, p50Ms: point.p50Ms, p99Ms: point.p99Ms, bins: bins.map((b) => ({ ...b, label: `${edge(b.start, width)}–${edge(b.end, width)}` })) }];
  });
}

/** One row per batch size, one column per configuration: for "metric vs batch size" line charts. */
export function byBatchRows(results: readonly BackendResult[], metric: 'throughputPerSec' | 'perSampleMs' | 'p50Ms', adapter?: WebGpuAdapterInfo | null): { series: ChartSeries[]; rows: BatchRow[] } {
  const sizes = [...new Set(results.flatMap((r) => r.points.map((p) => p.batchSize)))].sort((a, b) => a - b);
  const series = results.map((r) => ({ key: configKey(r), label: configLabel(r, adapter) }));
  const rows = sizes.map((batchSize) => {
    const row: Record<string, number> = { batchSize };
    for (const r of results) {
      const p = pointAt(r, batchSize);
      if (p) row[configKey(r)] = p[metric];
    }
    return row as BatchRow;
  });
  return { series, rows };
}

export interface SummaryBar extends ChartSeries {
  /** Samples per second at batch 1, when batch 1 was measured. */
  readonly atBatch1: number | null;
  readonly atBest: number;
  readonly bestBatch: number;
}

/** Throughput of each configuration at batch 1 and at its best batch size. */
export function summaryBars(results: readonly BackendResult[], adapter?: WebGpuAdapterInfo | null): SummaryBar[] {
  return results.flatMap((r) => {
    const best = bestPoint(r);
    if (!best) return [];
    return [{ key: configKey(r), label: configLabel(r, adapter), atBatch1: pointAt(r, 1)?.throughputPerSec ?? null, atBest: best.throughputPerSec, bestBatch: best.batchSize }];
  });
}

/** "Chrome 141", "Firefox 128", "Safari 18": enough to tell runs apart. */
export function browserName(userAgent: string): string {
  const match = /(Edg|Firefox|Chrome|HeadlessChrome|Chromium)\/(\d+)/.exec(userAgent) ?? /Version\/(\d+)[\d.]* (?:Mobile\/\w+ )?Safari/.exec(userAgent);
  if (!match) return 'unknown browser';
  if (match.length === 2) return `Safari ${match[1]}`;
  const name = match[1] === 'Edg' ? 'Edge' : match[1] === 'HeadlessChrome' ? 'Chrome (headless)' : match[1]!;
  return `${name} ${match[2]}`;
}

export function runLabel(run: BenchmarkRun, index?: number): string {
  const when = run.createdAt.replace('T', ' ').slice(0, 16);
  return `${index !== undefined ? `#${index + 1} · ` : ''}${when} · ${browserName(run.environment.userAgent)}${run.status === 'cancelled' ? ' · partial' : ''}`;
}

export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly batchSize: number;
  /** One cell per compared run, null where that run did not measure this point. */
  readonly cells: readonly (BenchmarkPoint | null)[];
}

/** Runs side by side: every (configuration, batch size) that any of them measured. */
export function compareRuns(runs: readonly BenchmarkRun[]): ComparisonRow[] {
  const keys = new Map<string, { config: string; label: string; order: number; batchSize: number }>();
  for (const run of runs) {
    for (const r of run.results) {
      for (const p of r.points) {
        keys.set(`${configKey(r)}@${p.batchSize}`, { config: configKey(r), label: configLabel(r), order: (r.backend === 'webgpu' ? 1000 : 0) + r.threads, batchSize: p.batchSize });
      }
    }
  }
  return [...keys.entries()]
    .sort(([, a], [, b]) => a.order - b.order || a.batchSize - b.batchSize)
    .map(([key, k]) => ({
      key,
      label: k.label,
      batchSize: k.batchSize,
      cells: runs.map((run) => {
        const result = run.results.find((r) => configKey(r) === k.config);
        return (result && pointAt(result, k.batchSize)) ?? null;
      }),
    }));
}

/** Throughput vs batch size with one line per (run, configuration), for comparing runs in one chart. */
export function comparisonThroughput(runs: readonly BenchmarkRun[]): { series: ChartSeries[]; rows: BatchRow[] } {
  const renamed: BackendResult[] = [];
  const series: ChartSeries[] = [];
  runs.forEach((run, i) => {
    for (const r of run.results) {
      series.push({ key: `r${i}-${configKey(r)}`, label: `#${i + 1} ${configLabel(r)}` });
      renamed.push(r);
    }
  });
  const sizes = [...new Set(renamed.flatMap((r) => r.points.map((p) => p.batchSize)))].sort((a, b) => a - b);
  const rows = sizes.map((batchSize) => {
    const row: Record<string, number> = { batchSize };
    renamed.forEach((r, j) => {
      const p = pointAt(r, batchSize);
      if (p) row[series[j]!.key] = p.throughputPerSec;
    });
    return row as BatchRow;
  });
  return { series, rows };
}
