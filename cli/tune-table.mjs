// The terminal summary of a tuner file (the JSON the Speed tab downloads).
import { layout } from './table.mjs';
/** @import { TuneReport, TuneReportPoint } from '../src/core/profile/tune-report' */
/** @import { WebGpuAdapterInfo } from '../src/core/benchmark/run' */

/** @param {number} n */
const ms = (n) => Number(n.toPrecision(4)).toString();
/** @param {number} n */
const rate = (n) => Math.round(n).toLocaleString('en-US');

/** @param {TuneReportPoint} p @param {Pick<WebGpuAdapterInfo, 'vendor' | 'architecture' | 'software'> | null} adapter */
function setupName(p, adapter) {
  const backend = p.backend === 'webgpu' ? (adapter?.software ? 'WebGPU (software)' : 'WebGPU') : `WASM ${p.threads} thread${p.threads === 1 ? '' : 's'}`;
  return `${backend}, batch ${p.batchSize}${optionsText(p) === 'defaults' ? '' : ` (${optionsText(p)})`}`;
}

/** @param {TuneReportPoint} p */
function optionsText(p) {
  const parts = [];
  if (p.graphOptimizationLevel !== 'all') parts.push(`graph optimisation ${p.graphOptimizationLevel}`);
  for (const [name, size] of Object.entries(p.freeDimensionOverrides ?? {})) parts.push(`dimension “${name}” fixed at ${size}`);
  if (p.config?.preferredLayout) parts.push(`layout ${p.config.preferredLayout}`);
  if (p.config?.enableGraphCapture) parts.push('graph capture');
  return parts.length > 0 ? parts.join(', ') : 'defaults';
}

/** @param {TuneReport} report */
export function formatTune(report) {
  const env = report.environment;
  const adapter = env?.webgpuAdapter ?? null;
  const s = report.settings;
  const state =
    report.status === 'complete'
      ? 'complete'
      : `${report.status === 'cancelled' ? 'cancelled' : 'time cap reached'}${report.skipped > 0 ? `, ${report.skipped} configuration${report.skipped === 1 ? '' : 's'} not measured` : ''}`;
  const lines = [
    `${report.model.file} · ${report.model.bytes.toLocaleString('en-US')} bytes · sha256 ${report.model.sha256.slice(0, 16)}…`,
    ...(env ? [`onnxruntime-web ${env.ortVersion} · ${env.hardwareConcurrency} logical cores · WebGPU adapter: ${adapter ? `${adapter.vendor} / ${adapter.architecture}${adapter.software ? ' (software emulation, not a GPU)' : ''}` : 'none'}`] : []),
    `Budget: p99 ≤ ${s.budgetP99Ms} ms per request, batch ≥ ${s.minBatch} · searched ${(report.elapsedMs / 1000).toFixed(1)} s of a ${s.capSeconds} s cap (${state})`,
    '',
    report.recommendation.summary,
  ];
  /** @type {[string, import('../src/core/profile/tune-report').TuneReportPick | null][]} */
  const picks = [
    ['Fastest within the budget', report.recommendation.fastest],
    ['Most samples per second within the budget', report.recommendation.throughputOptimal],
    ['Closest to the budget', report.recommendation.closest],
  ];
  const shown = new Set();
  for (const [title, pick] of picks) {
    if (!pick) continue;
    const key = JSON.stringify({ ...pick, costs: undefined });
    if (shown.has(key)) continue;
    shown.add(key);
    lines.push('', `${title}: ${setupName(pick, adapter)}`, ...pick.costs.map((c) => `  - ${c}`));
  }
  /** @type {(string | number)[][]} */
  const rows = [['setup', 'options', 'batch', 'runs', 'p50 ms', 'p99 ms', 'samples/s', 'session ms', 'within budget']];
  for (const p of report.tried) {
    rows.push([
      p.backend === 'webgpu' ? (adapter?.software ? 'WebGPU (software)' : 'WebGPU') : `WASM ${p.threads} thread${p.threads === 1 ? '' : 's'}`,
      optionsText(p),
      p.batchSize,
      p.runs,
      ms(p.p50Ms),
      ms(p.p99Ms),
      rate(p.throughputPerSec),
      ms(p.sessionCreateMs),
      p.batchSize < s.minBatch ? 'below min batch' : p.withinBudget ? 'yes' : 'no',
    ]);
  }
  lines.push('', ...(report.tried.length > 0 ? layout(rows) : ['Nothing was measured.']));
  for (const f of report.failures) lines.push(`${f.backend === 'webgpu' ? 'WebGPU' : `WASM ${f.threads} thread${f.threads === 1 ? '' : 's'}`} failed: ${f.message}`);
  return lines.join('\n');
}
