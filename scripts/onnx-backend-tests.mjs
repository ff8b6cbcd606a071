// ONNX's own backend tests (Debian's libonnx-testdata: folders of model.onnx + test_data_set_N/*.pb)
// through the app's readers and checker, on onnxruntime-node (the reference runtime):
//
//   npm run check:onnx-backend [-- --suites node,simple --filter gru --json report.json --verbose]
//
// Prints how many were tried, loaded, passed and failed, and the failures grouped by reason:
// the runtime lacking an operator or type, values that are not tensors (sequences, optionals),
// element types JavaScript cannot hold (bfloat16, float8), tolerance, and the app's own reader
// (every one of those is a bug to fix).
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { loadTsModules } from './ort-node-run.mjs';
import { filesOf, group, nodeRuntime } from './onnx-backend-support.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.ONNX_TESTDATA ?? '/usr/share/libonnx-testdata/data';
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const suites = option('suites', 'node,simple,pytorch-converted,pytorch-operator,real').split(',');
const filter = new RegExp(option('filter', '.'));
const jsonOut = option('json', null);
const verbose = args.includes('--verbose');

if (!existsSync(DATA)) {
  console.error(`No ONNX test data at ${DATA}: install Debian's libonnx-testdata (apt-get install libonnx-testdata) or set ONNX_TESTDATA.`);
  process.exit(2);
}

const [{ runModelTests }, { DEFAULT_TOLERANCE }] = await loadTsModules(ROOT, ['/src/core/check/model-tests.ts', '/src/core/check/tolerance.ts']);

const runtime = nodeRuntime(ort);

const started = Date.now();
const results = [];
for (const suite of suites) {
  const base = path.join(DATA, suite);
  if (!existsSync(base)) continue;
  for (const name of readdirSync(base).sort()) {
    if (!filter.test(`${suite}/${name}`)) continue;
    const dir = path.join(base, name);
    if (!existsSync(path.join(dir, 'model.onnx'))) {
      results.push({ suite, name, outcome: 'no-data', reason: existsSync(path.join(dir, 'data.json')) ? 'model not in the package (data.json points to a download)' : 'no model.onnx', loaded: false });
      continue;
    }
    const r = await runModelTests(filesOf(dir), runtime, DEFAULT_TOLERANCE);
    results.push({ suite, name, outcome: r.outcome, reason: r.reason, loaded: r.loaded, sets: r.sets.length });
    if (verbose) console.log(`${r.outcome.padEnd(13)} ${suite}/${name} ${r.reason}`);
  }
}

const count = (pred) => results.filter(pred).length;
const tried = count((r) => r.outcome !== 'no-data');
const table = [
  ['tried (model + data present)', tried],
  ['loaded by onnxruntime-node', count((r) => r.loaded)],
  ['passed', count((r) => r.outcome === 'passed')],
  ['failed', tried - count((r) => r.outcome === 'passed')],
  ['  runtime: cannot load (operator or type missing)', count((r) => r.outcome === 'runtime-load')],
  ['  runtime: failed while running', count((r) => r.outcome === 'runtime-run')],
  ['  outside the tolerance', count((r) => r.outcome === 'mismatch')],
  ['  not a tensor (sequence, map, optional)', count((r) => r.outcome === 'not-a-tensor')],
  ['  element type JavaScript cannot hold', count((r) => r.outcome === 'js-type')],
  ['  the app\'s reader (bugs)', count((r) => r.outcome === 'reader')],
  ['skipped: no model in the package', count((r) => r.outcome === 'no-data')],
];
console.log(`\nONNX backend tests from ${DATA} (${suites.join(', ')}) on onnxruntime-node ${ort.env.versions?.node ?? ''}, rtol ${DEFAULT_TOLERANCE.rtol}, atol ${DEFAULT_TOLERANCE.atol}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
for (const [label, n] of table) console.log(`${label.padEnd(52)} ${String(n).padStart(5)}`);

const groups = new Map();
for (const r of results.filter((r) => r.outcome !== 'passed' && r.outcome !== 'no-data')) {
  const key = group(r.outcome, r.reason);
  const g = groups.get(key) ?? [];
  g.push(`${r.suite}/${r.name}`);
  groups.set(key, g);
}
console.log('\nFailures by reason (count, reason, examples):');
for (const [key, names] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`${String(names.length).padStart(4)}  ${key}\n      ${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''}`);
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify({ data: DATA, suites, tolerance: DEFAULT_TOLERANCE, summary: Object.fromEntries(table), results }, null, 1)}\n`);
process.exit(count((r) => r.outcome === 'reader') > 0 ? 1 : 0);
