// The terminal summary of a benchmark report (the JSON the app downloads).
/** @import { BenchmarkReport, ReportResult } from '../src/core/benchmark/report' */
/** @import { WebGpuAdapterInfo } from '../src/core/benchmark/run' */

/** @param {number} n */
const ms = (n) => Number(n.toPrecision(4)).toString();
/** @param {number} n */
const rate = (n) => Math.round(n).toLocaleString('en-US');

/**
 * @param {{ readonly backend: string, readonly threads: number }} result
 * @param {Pick<WebGpuAdapterInfo, 'vendor' | 'architecture' | 'software'> | null} adapter
 */
export function backendName(result, adapter) {
  if (result.backend === 'webgpu') return adapter?.software ? 'WebGPU (software)' : 'WebGPU';
  return `WASM ${result.threads} thread${result.threads === 1 ? '' : 's'}`;
}

/** Columns padded to width: text left-aligned, numbers right-aligned. */
/**
 * @param {readonly (readonly (string | number)[])[]} rows
 * @returns {string[]}
 */
export function layout(rows) {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c] ?? 0) : String(cell).padStart(widths[c] ?? 0))).join('  ').trimEnd());
}

/** @param {BenchmarkReport} report */
export function formatReport(report) {
  const env = report.environment;
  const adapter = env.webgpuAdapter;
  const stop = report.settings.stop.kind === 'runs' ? `${report.settings.stop.runs} runs` : `${report.settings.stop.ms / 1000} s`;
  const head = [
    `${report.model.file} · ${report.model.bytes.toLocaleString('en-US')} bytes · sha256 ${report.model.sha256.slice(0, 16)}…`,
    `onnxruntime-web ${env.ortVersion} · ${env.hardwareConcurrency} logical cores · cross-origin isolated: ${env.crossOriginIsolated ? 'yes' : 'no'} · timer ${env.timerResolutionMs} ms`,
    `WebGPU adapter: ${adapter ? `${adapter.vendor} / ${adapter.architecture}${adapter.software ? ' (software emulation, not a GPU)' : ''}` : 'none'}`,
    `${report.settings.warmupRuns} warm-up runs, then ${stop} per point; ${report.settings.inputs === 'example' ? 'the package example repeated to the batch size' : 'random inputs'}${report.status === 'cancelled' ? ' · CANCELLED, partial' : ''}`,
    '',
  ];
  /** @type {(string | number)[][]} */
  const rows = [['backend', 'session ms', 'first run ms', 'batch', 'runs', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms', 'std ms', 'min ms', 'max ms', 'samples/s', 'ms/sample']];
  for (const r of report.results) {
    r.points.forEach((p, i) => {
      rows.push([
        i === 0 ? backendName(r, adapter) : '',
        i === 0 ? ms(r.sessionCreateMs) : '',
        i === 0 ? ms(r.firstRunMs) : '',
        p.batchSize,
        p.runs,
        ms(p.p50Ms),
        ms(p.p95Ms),
        ms(p.p99Ms),
        ms(p.meanMs),
        ms(p.stdMs),
        ms(p.minMs),
        ms(p.maxMs),
        rate(p.throughputPerSec),
        ms(p.perSampleMs),
      ]);
    });
  }
  const failures = report.failures.map((f) => `${backendName(f, adapter)} failed: ${f.message}`);
  const notes = report.results.some((r) => r.backend === 'webgpu') ? ['', 'WebGPU times include copying the outputs back to the CPU.'] : [];
  return [...head, ...layout(rows), ...profileLines(report.results, adapter), ...(failures.length ? ['', ...failures] : []), ...notes].join('\n');
}

/** With --profile: each configuration's cold start, heaviest operators, slowest node and (WebGPU) CPU nodes. */
/**
 * @param {readonly ReportResult[]} results
 * @param {Pick<WebGpuAdapterInfo, 'vendor' | 'architecture' | 'software'> | null} adapter
 * @returns {string[]}
 */
export function profileLines(results, adapter) {
  const lines = [];
  for (const r of results) {
    const c = r.coldStart;
    if (!c) continue;
    /** @param {string} label @param {number | null} value */
    const step = (label, value) => `${label} ${value === null ? '—' : ms(value)}`;
    lines.push(
      '',
      `${backendName(r, adapter)}, taken apart:`,
      `  cold start ms: ${[step('read', c.readMs), step('runtime', c.runtimeMs), step('session', c.sessionCreateMs), step('first run', c.firstRunMs), step('warm run', c.warmRunMs)].join(' · ')}`,
      `  median warm run, by operator: ${r.profile && r.profile.length > 0 ? r.profile.slice(0, 5).map((t) => `${t.opType} ${ms(t.totalMs)} ms (${t.count})`).join(', ') : 'no profile from onnxruntime'}`,
    );
    const slowest = r.slowestNodes?.[0];
    if (slowest) lines.push(`  slowest node: ${slowest.name} (${slowest.opType}) ${ms(slowest.ms)} ms`);
    if (r.placement) {
      lines.push(`  placement: ${r.placement.cpuNodes === 0 ? 'every node on the GPU' : `${r.placement.cpuNodes} node${r.placement.cpuNodes === 1 ? '' : 's'} on the CPU: ${r.placement.nodes.map((n) => `${n.name} (${n.opType})`).join(', ')}`}`);
    }
  }
  return lines;
}
