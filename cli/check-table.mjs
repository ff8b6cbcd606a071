// The terminal summary of a check report (the JSON the app downloads).
import { layout } from './table.mjs';
/** @import { CheckReport, ReportNumber } from '../src/core/check/check-report' */

/** @param {ReportNumber} n */
const figure = (n) => (n === null ? '—' : n === 'Infinity' ? '∞' : n === 0 ? '0' : n < 1e-3 || n >= 1e5 ? n.toExponential(1) : String(Number(n.toPrecision(2))));

/**
 * @param {CheckReport} report
 * @param {readonly string[]} verdict the app's verdict lines
 */
export function formatCheck(report, verdict) {
  const { rtol, atol } = report.tolerance;
  /** @type {(string | number)[][]} */
  const rows = [['data set', 'backend', 'output', 'type', 'elements', 'max |diff|', 'max rel', 'outside', 'result']];
  const failing = [];
  for (const c of report.cases) {
    if (c.error) {
      rows.push([c.name, c.backend, '—', '—', '—', '—', '—', '—', 'FAIL']);
      failing.push(`${c.name} on ${c.backend} did not run: ${c.error.message.split('\n')[0]}`);
    }
    for (const [name, o] of Object.entries(c.outputs)) {
      rows.push([c.name, c.backend, name, `${o.dtype} [${o.dims.join(', ')}]`, o.count, figure(o.maxAbs), figure(o.maxRel), o.problem ?? o.mismatched, o.pass ? 'pass' : 'FAIL']);
      if (o.failures.length > 0) {
        failing.push(`${c.name} on ${c.backend}, output ${name}: ${o.mismatched} failing element(s)${o.failures.length < o.mismatched ? `, the first ${o.failures.length}` : ''}:`);
        for (const f of o.failures) failing.push(`  [${f.index.join(', ')}]  expected ${f.expected}  got ${f.got}`);
      }
    }
  }
  return [
    `${report.model.name} · ${report.model.bytes.toLocaleString('en-US')} bytes · onnxruntime-web ${report.environment.ortVersion}`,
    `Tolerance: |got − expected| ≤ atol + rtol·|expected| with rtol ${rtol}, atol ${atol}; integers, booleans and strings exactly; NaN equals NaN.`,
    '',
    ...layout(rows),
    ...(failing.length > 0 ? ['', ...failing] : []),
    '',
    ...verdict,
  ].join('\n');
}
