import { latencyTie } from '../stats/pareto';
import { formatUncertain } from '../stats/uncertain-figure';
import type { CompareRow, ComparisonResult, MetricKind } from './compare';

export function formatMetric(kind: MetricKind | null, value: number): string {
  return kind === 'rmse' ? `RMSE ${value.toPrecision(4)}` : `${(value * 100).toFixed(2)} %`;
}

const candidate = (r: CompareRow) => ({ id: r.id, metric: r.metric!, latencyMs: r.p50Ms!, latencyLowMs: r.p50IntervalMs?.low, latencyHighMs: r.p50IntervalMs?.high });

/** "p50 0.052 ms ±0.004": the latency with the larger distance to an end of its 95 % interval. */
export function p50WithSpread(r: CompareRow): string {
  if (r.p50Ms === null) return 'not timed';
  const spread = r.p50IntervalMs ? Math.max(r.p50Ms - r.p50IntervalMs.low, r.p50IntervalMs.high - r.p50Ms) : 0;
  const f = formatUncertain(r.p50Ms, spread);
  return spread > 0 ? `p50 ${f.value} ms ±${f.plusMinus}` : `p50 ${f.value} ms`;
}

/** Rows that are within noise of each other: same metric, latencies whose intervals overlap. */
export function tiedWith(row: CompareRow, rows: readonly CompareRow[]): CompareRow[] {
  if (row.metric === null || row.p50Ms === null) return [];
  return rows.filter((o) => o !== row && o.metric === row.metric && o.p50Ms !== null && o.metricKind === row.metricKind && latencyTie(candidate(o), candidate(row)));
}

function names(rows: readonly CompareRow[]): string {
  const all = rows.map((r) => r.name);
  return all.length <= 2 ? all.join(' and ') : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
}

/** "Best under 1 ms: …": one model, a tie when the best score is shared within latency noise, or none. */
export function bestSentence(result: ComparisonResult): string {
  const best = result.best;
  if (!best) return `None fits the ${result.budgetMs} ms budget`;
  const score = best.metric !== null ? formatMetric(result.metricKind, best.metric) : 'no score';
  if (result.bestTies.length === 0) return `Best under ${result.budgetMs} ms: ${best.name} (${score}, ${p50WithSpread(best)})`;
  const all = [best, ...result.bestTies];
  return `Best under ${result.budgetMs} ms: a tie between ${names(all)} (${score} each; their latencies, ${all.map(p50WithSpread).join(' and ')}, are within each other’s noise)`;
}

/** The frontier in words, from fastest to most accurate, grouping models that are within noise of each other. */
export function frontierSentence(result: ComparisonResult): string | null {
  const frontier = result.frontier;
  if (frontier.length === 0) return null;
  const groups: CompareRow[][] = [];
  for (const r of frontier) {
    const last = groups[groups.length - 1];
    if (last && tiedWith(r, last).length > 0) last.push(r);
    else groups.push([r]);
  }
  const describe = (g: readonly CompareRow[]): string =>
    g.length === 1
      ? `${g[0]!.name} (${formatMetric(result.metricKind, g[0]!.metric!)}, ${p50WithSpread(g[0]!)})`
      : `${names(g)} (a tie: ${formatMetric(result.metricKind, g[0]!.metric!)} each, latencies within each other’s noise)`;
  if (groups.length === 1) {
    const only = groups[0]!;
    return only.length === 1
      ? `Pareto-optimal: only ${describe(only)} — every other model is less accurate, or slower beyond the measured spread.`
      : `Pareto-optimal: ${describe(only)}: neither is better.`;
  }
  return `Pareto-optimal, from fastest to most accurate: ${groups.map(describe).join(', then ')}. Each step buys accuracy with latency beyond the measured spread.`;
}
