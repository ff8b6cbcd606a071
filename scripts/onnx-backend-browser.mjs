// ONNX's own backend node tests (Debian's libonnx-testdata) through the playground itself: each
// test folder is opened in the built app in headless Chromium ("Open folder…"), its Check outputs
// tab runs test_data_set_0 on WASM and WebGPU, and the app's report is read back. The same tests
// run on onnxruntime-node (the reference) through the same readers and checker, side by side:
//
//   npm run check:onnx-backend:browser [-- --sample 60 --filter gemm --backend wasm,webgpu --json out.json --verbose]
//
// Prints how many passed on each, by reason, and every test that passes on onnxruntime-node but
// not in the browser, with the app's own message.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { alertsText, downloadJson, withAppPage } from '../cli/bench.mjs';
import { filesOf, nodeRuntime } from './onnx-backend-support.mjs';
import { loadTsModules } from './ort-node-run.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(process.env.ONNX_TESTDATA ?? '/usr/share/libonnx-testdata/data', 'node');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const sample = Number(option('sample', '60'));
const filter = new RegExp(option('filter', '.'));
const backends = option('backend', 'wasm,webgpu').split(',');
const jsonOut = option('json', null);
const verbose = args.includes('--verbose');
const TIMEOUT_MS = 60_000;

if (!existsSync(DATA)) {
  console.error(`No ONNX test data at ${DATA}: install Debian's libonnx-testdata or set ONNX_TESTDATA.`);
  process.exit(2);
}

/** Every k-th test (sorted by name) so that `sample` of them are tried: spread over all operators. */
const all = readdirSync(DATA).sort().filter((n) => filter.test(n) && existsSync(path.join(DATA, n, 'model.onnx')));
const step = Math.max(1, all.length / Math.max(1, sample));
const picked = [...new Set(Array.from({ length: Math.min(sample, all.length) }, (_, i) => all[Math.floor(i * step)]))];

/** A browser case's outcome from the app's report (or the app's refusal to open the model). */
function outcomeOf(cases) {
  if (cases.length === 0) return { outcome: 'no-case', reason: 'the report has no case' };
  const error = cases.find((c) => c.error)?.error;
  if (error) {
    const kind = error.code === 'session-failed' ? 'runtime-load' : error.code === 'run-failed' ? 'runtime-run' : error.code === 'bad-tensor-file' || error.code === 'input-mismatch' ? 'data' : error.code;
    return { outcome: kind, reason: error.message.split('\n')[0].slice(0, 200) };
  }
  if (cases.every((c) => c.pass)) return { outcome: 'passed', reason: '' };
  const [name, o] = Object.entries(cases.find((c) => !c.pass).outputs).find(([, x]) => !x.pass);
  return { outcome: 'mismatch', reason: `output ${name}: ${o.problem ?? `${o.mismatched} of ${o.count} outside the tolerance, max abs ${o.maxAbs}`}` };
}

async function dismissAll(page) {
  const buttons = page.getByRole('button', { name: 'Dismiss message' });
  while ((await buttons.count()) > 0) await buttons.first().click();
}

/** Opens one test folder in the app, checks it on the backends, closes it. */
async function checkInBrowser(page, name) {
  await dismissAll(page);
  await page.getByTestId('open-folder-input').setInputFiles(path.join(DATA, name));
  const tab = page.getByRole('tab', { name: 'Check outputs', exact: true });
  await tab.or(page.getByRole('alert')).first().waitFor({ timeout: TIMEOUT_MS });
  if (!(await tab.isVisible())) await tab.waitFor({ timeout: 2000 }).catch(() => undefined);
  if (!(await tab.isVisible())) {
    const [first] = await alertsText(page);
    // The app opens a model on WASM first: one WASM cannot load is not tried on WebGPU.
    const refused = { outcome: 'runtime-load', reason: `the app did not open it: ${(first ?? 'no reason given').slice(0, 200)}` };
    return Object.fromEntries(backends.map((b) => [b, refused]));
  }
  await tab.click();
  await page.getByRole('checkbox', { name: 'WASM', exact: true }).setChecked(backends.includes('wasm'));
  const webgpu = page.getByRole('checkbox', { name: 'WebGPU', exact: true });
  if (await webgpu.isEnabled()) await webgpu.setChecked(backends.includes('webgpu'));
  await page.getByRole('button', { name: 'Check outputs', exact: true }).click();
  await page.getByTestId('check-verdict').waitFor({ timeout: TIMEOUT_MS });
  const report = await downloadJson(page, page.getByRole('button', { name: 'Download report (JSON)' }));
  await page.getByRole('button', { name: `Close ${name}` }).click();
  return Object.fromEntries(backends.map((b) => [b, outcomeOf(report.cases.filter((c) => c.backend === b))]));
}

const started = Date.now();
const [{ runModelTests }, { DEFAULT_TOLERANCE }] = await loadTsModules(ROOT, ['/src/core/check/model-tests.ts', '/src/core/check/tolerance.ts']);
const runtime = nodeRuntime(ort);
const results = [];
for (const name of picked) {
  const r = await runModelTests(filesOf(path.join(DATA, name)), runtime, DEFAULT_TOLERANCE);
  results.push({ name, node: { outcome: r.outcome, reason: r.reason } });
}
const log = (line) => verbose && console.error(line);
await withAppPage({ dist: option('dist', null) }, log, {}, async (page) => {
  for (const r of results) {
    try {
      Object.assign(r, await checkInBrowser(page, r.name));
    } catch (thrown) {
      const failed = { outcome: 'harness', reason: String(thrown?.message ?? thrown).split('\n')[0] };
      for (const b of backends) r[b] = failed;
      // Back to a clean page for the next test.
      await page.reload();
      await page.getByRole('radio', { name: 'WASM', exact: true }).waitFor({ timeout: TIMEOUT_MS });
    }
    if (verbose) console.error(`${r.name.padEnd(48)} node ${r.node.outcome.padEnd(13)} ${backends.map((b) => `${b} ${r[b].outcome}`).join('  ')}`);
  }
});

const columns = ['node', ...backends];
const outcomes = ['passed', 'mismatch', 'runtime-load', 'runtime-run', 'not-a-tensor', 'js-type', 'data', 'reader', 'harness'];
console.log(`\nONNX backend node tests through the playground: ${picked.length} of ${all.length} in ${DATA} (every ${step.toFixed(1)}th by name), rtol ${DEFAULT_TOLERANCE.rtol}, atol ${DEFAULT_TOLERANCE.atol}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
console.log(`${'outcome'.padEnd(16)}${columns.map((c) => (c === 'node' ? 'onnxruntime-node' : c).padStart(18)).join('')}`);
for (const o of outcomes) {
  const counts = columns.map((c) => results.filter((r) => r[c]?.outcome === o).length);
  if (counts.some((n) => n > 0)) console.log(`${o.padEnd(16)}${counts.map((n) => String(n).padStart(18)).join('')}`);
}
console.log('\nPassed on onnxruntime-node but not through the playground:');
for (const r of results.filter((x) => x.node.outcome === 'passed' && backends.some((b) => x[b].outcome !== 'passed'))) {
  console.log(`  ${r.name}: ${backends.filter((b) => r[b].outcome !== 'passed').map((b) => `${b} ${r[b].outcome} (${r[b].reason})`).join('; ')}`);
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ data: DATA, sample: picked.length, of: all.length, tolerance: DEFAULT_TOLERANCE, backends, results }, null, 1)}\n`);
