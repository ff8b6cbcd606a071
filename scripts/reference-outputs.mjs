#!/usr/bin/env node
// Run every example package in public/examples with onnxruntime-node (CPU) and
//  1. write e2e/reference/<id>.json: the input built from input_example.json and
//     every output the model returns for it (the browser must reproduce these);
//  2. score the package's test.csv and check that accuracy and f1_macro equal
//     metadata.json performance_metrics to 4 decimals (exit 1 on any mismatch);
//  3. check the comparison groups of index.json: every entry has a `family`, and
//     the members of a family share test.csv (same bytes), feature_names,
//     target_classes and input name; an entry with `variantOf` (a reduced-precision
//     copy) is compared with its source on the test set: the predictions that
//     changed and the logit differences recorded in metadata.json `quantization`
//     are measured again here.
//
// Usage: node scripts/reference-outputs.mjs [--root DIR]
//   --root  repository root holding public/examples and e2e/ (default: this
//           script's parent directory)

import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';

const args = process.argv.slice(2);
const rootArg = args.indexOf('--root');
const ROOT = rootArg >= 0
  ? path.resolve(args[rootArg + 1])
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = path.join(ROOT, 'public', 'examples');
const REFERENCE = path.join(ROOT, 'e2e', 'reference');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** The model file of a package: metadata.json model_file, MLmodel flavors.onnx.data, or the one .onnx. */
function modelFile(dir, metadata) {
  if (metadata?.model_file) return metadata.model_file;
  const mlmodel = path.join(dir, 'MLmodel');
  if (existsSync(mlmodel)) {
    // Minimal YAML walk: the `data:` key inside the `flavors:` > `onnx:` block.
    let inFlavors = false;
    let inOnnx = false;
    for (const line of readFileSync(mlmodel, 'utf8').split('\n')) {
      const indent = line.length - line.trimStart().length;
      if (indent === 0) inFlavors = line.startsWith('flavors:');
      else if (inFlavors && indent === 2) inOnnx = line.trim() === 'onnx:';
      else if (inOnnx && indent === 4) {
        const m = /^data:\s*['"]?([^'"\s]+)/.exec(line.trim());
        if (m) return m[1];
      }
    }
  }
  const onnx = readdirSync(dir).filter((f) => f.endsWith('.onnx'));
  if (onnx.length !== 1) throw new Error(`${dir}: expected one .onnx file, found ${onnx.length}`);
  return onnx[0];
}

function shapeOf(nested) {
  const dims = [];
  let v = nested;
  while (Array.isArray(v)) {
    dims.push(v.length);
    v = v[0];
  }
  return dims;
}

/** Feeds from input_example.json: pandas split form or MLflow {"inputs": {name: nested}}. */
function exampleFeeds(example, session, metadata) {
  const feeds = {};
  if (Array.isArray(example.columns) && Array.isArray(example.data)) {
    if (session.inputNames.length !== 1) throw new Error('split-form example needs a single-input model');
    const order = metadata?.feature_names ?? example.columns;
    const idx = order.map((name) => {
      const i = example.columns.indexOf(name);
      if (i < 0) throw new Error(`input_example.json lacks column ${name}`);
      return i;
    });
    const data = Float32Array.from(example.data.flatMap((row) => idx.map((i) => Number(row[i]))));
    feeds[session.inputNames[0]] = new ort.Tensor('float32', data, [example.data.length, idx.length]);
  } else if (example.inputs && typeof example.inputs === 'object' && !Array.isArray(example.inputs)) {
    for (const [name, nested] of Object.entries(example.inputs)) {
      const dims = shapeOf(nested);
      feeds[name] = new ort.Tensor('float32', Float32Array.from(nested.flat(Infinity)), dims);
    }
  } else {
    throw new Error('unsupported input_example.json form');
  }
  return feeds;
}

const plain = (t) => ({
  dims: [...t.dims],
  dtype: t.type,
  data: Array.from(t.data, (v) => (typeof v === 'bigint' ? Number(v) : v)),
});

function parseCsv(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  // Our CSVs hold no quoted fields; refuse rather than misread one.
  if (lines.some((l) => l.includes('"'))) throw new Error('quoted CSV fields are not supported here');
  const header = lines[0].split(',');
  return { header, rows: lines.slice(1).map((l) => l.split(',')) };
}

function argmaxRows(t) {
  const [n, k] = t.dims;
  const out = new Array(n);
  for (let r = 0; r < n; r++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (t.data[r * k + c] > t.data[r * k + best]) best = c;
    out[r] = best;
  }
  return out;
}

function scores(yTrue, yPred) {
  let correct = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) correct++;
  // Macro F1 over the labels present in y_true or y_pred (sklearn's default).
  const labels = new Set([...yTrue, ...yPred]);
  let f1Sum = 0;
  for (const c of labels) {
    let tp = 0, fp = 0, fn = 0;
    for (let i = 0; i < yTrue.length; i++) {
      if (yPred[i] === c && yTrue[i] === c) tp++;
      else if (yPred[i] === c) fp++;
      else if (yTrue[i] === c) fn++;
    }
    f1Sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return { accuracy: correct / yTrue.length, f1_macro: f1Sum / labels.size };
}

const same4 = (measured, recorded) =>
  typeof recorded === 'number' && Math.abs(Number(measured.toFixed(4)) - recorded) < 1e-9;

async function checkExample(entry) {
  const dir = path.join(EXAMPLES, entry.id);
  const metadata = existsSync(path.join(dir, 'metadata.json')) ? readJson(path.join(dir, 'metadata.json')) : null;
  const file = modelFile(dir, metadata);
  const session = await ort.InferenceSession.create(path.join(dir, file), {
    executionProviders: ['cpu'],
    intraOpNumThreads: 1,
  });

  // 1. Reference outputs for the input example.
  const feeds = exampleFeeds(readJson(path.join(dir, 'input_example.json')), session, metadata);
  const out = await session.run(feeds);
  const reference = {
    input: Object.fromEntries(Object.entries(feeds).map(([k, t]) => [k, plain(t)])),
    outputs: Object.fromEntries(session.outputNames.map((k) => [k, plain(out[k])])),
  };
  // Indented objects, numeric arrays on one line.
  const text = JSON.stringify(reference, null, 2).replace(/\[\s+([^[\]{}]*?)\s+\]/g, (_, inner) => `[${inner.split(/,\s+/).join(', ')}]`);
  writeFileSync(path.join(REFERENCE, `${entry.id}.json`), text + '\n');

  // 2. Score the evaluation set.
  const { header, rows } = parseCsv(readFileSync(path.join(dir, 'test.csv'), 'utf8'));
  const features = metadata?.feature_names ?? header.filter((h) => h !== 'target');
  const targetCol = header.indexOf(metadata?.target_column ?? 'target');
  const cols = features.map((f) => {
    const i = header.indexOf(f);
    if (i < 0) throw new Error(`${entry.id}: test.csv lacks column ${f}`);
    return i;
  });
  const n = rows.length;
  const data = Float32Array.from(rows.flatMap((r) => cols.map((i) => Number(r[i]))));
  const inputName = session.inputNames[0];
  const exampleDims = feeds[inputName].dims;
  const perRow = exampleDims.slice(1).reduce((a, b) => a * b, 1);
  if (perRow !== features.length) throw new Error(`${entry.id}: ${features.length} columns for ${perRow} values per row`);
  const batch = new ort.Tensor('float32', data, [n, ...exampleDims.slice(1)]);
  const res = await session.run({ [inputName]: batch });

  const yTrue = rows.map((r) => Number(r[targetCol]));
  const scoreName = ['probabilities', 'logits'].find((k) => res[k]) ?? session.outputNames.find((k) => res[k].dims.length === 2);
  const fromScores = argmaxRows(res[scoreName]);
  let yPred = fromScores;
  let note = `argmax(${scoreName})`;
  if (res.label) {
    yPred = Array.from(res.label.data, Number);
    const disagree = yPred.filter((p, i) => p !== fromScores[i]).length;
    note = `label${disagree ? ` (${disagree} differ from argmax(${scoreName}))` : ''}`;
  }
  const measured = scores(yTrue, yPred);
  const recorded = metadata?.performance_metrics ?? {};
  const ok = same4(measured.accuracy, recorded.accuracy) && same4(measured.f1_macro, recorded.f1_macro);
  return {
    entry, file, n, measured, recorded, note, ok,
    metadata,
    inputName,
    modelBytes: statSync(path.join(dir, file)).size,
    testCsv: readFileSync(path.join(dir, 'test.csv')),
    yPred,
    scores: res[scoreName],
  };
}

const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** Members of a family must be comparable like for like: one evaluation set, one signature. */
function checkFamilies(results) {
  const problems = [];
  const lines = [];
  const families = new Map();
  for (const r of results) {
    if (r.error) continue;
    if (typeof r.entry.family !== 'string' || r.entry.family === '') {
      problems.push(`${r.entry.id}: index.json entry has no family`);
      continue;
    }
    families.set(r.entry.family, [...(families.get(r.entry.family) ?? []), r]);
  }
  for (const [family, members] of families) {
    const [first, ...rest] = members;
    for (const r of rest) {
      const why = [
        !r.testCsv.equals(first.testCsv) && 'test.csv',
        !sameJson(r.metadata?.feature_names, first.metadata?.feature_names) && 'feature_names',
        !sameJson(r.metadata?.target_classes, first.metadata?.target_classes) && 'target_classes',
        r.inputName !== first.inputName && 'input name',
      ].filter(Boolean);
      if (why.length) problems.push(`family ${family}: ${r.entry.id} differs from ${first.entry.id} in ${why.join(', ')}`);
    }
    lines.push(`family ${pad(family, 11)} ${members.map((m) => m.entry.id).join(', ')} (${first.n} test rows)`);
  }
  return { problems, lines };
}

/** A variant against its source: size, accuracy cost, changed predictions, logit differences. */
function checkVariants(results) {
  const problems = [];
  const lines = [];
  const byId = new Map(results.filter((r) => !r.error).map((r) => [r.entry.id, r]));
  for (const r of results) {
    if (r.error || r.entry.variantOf === undefined) continue;
    const src = byId.get(r.entry.variantOf);
    if (!src) {
      problems.push(`${r.entry.id}: variantOf ${r.entry.variantOf} is not a working example`);
      continue;
    }
    if (src.entry.family !== r.entry.family) problems.push(`${r.entry.id}: not in the family of ${src.entry.id}`);
    const q = r.metadata?.quantization;
    if (!q || typeof q !== 'object') {
      problems.push(`${r.entry.id}: metadata.json has no quantization field`);
      continue;
    }
    const changed = r.yPred.filter((p, i) => p !== src.yPred[i]).length;
    let maxDiff = 0;
    let sumDiff = 0;
    for (let i = 0; i < r.scores.data.length; i++) {
      const d = Math.abs(r.scores.data[i] - src.scores.data[i]);
      maxDiff = Math.max(maxDiff, d);
      sumDiff += d;
    }
    const meanDiff = sumDiff / r.scores.data.length;
    // Recorded with 3 significant digits from torch; onnxruntime sums in another order.
    const near = (measured, recorded) =>
      typeof recorded === 'number' && Math.abs(measured - recorded) <= 0.05 * recorded + 2e-5;
    const why = [
      q.source_model !== src.entry.id && `quantization.source_model is ${q.source_model}`,
      !sameJson(q.source_performance_metrics, src.recorded) && 'quantization.source_performance_metrics differ from the source',
      q.test_predictions_changed !== changed && `test_predictions_changed ${q.test_predictions_changed}, measured ${changed}`,
      !near(maxDiff, q.test_logits_max_abs_diff) && `test_logits_max_abs_diff ${q.test_logits_max_abs_diff}, measured ${maxDiff.toPrecision(3)}`,
      !near(meanDiff, q.test_logits_mean_abs_diff) && `test_logits_mean_abs_diff ${q.test_logits_mean_abs_diff}, measured ${meanDiff.toPrecision(3)}`,
    ].filter(Boolean);
    for (const w of why) problems.push(`${r.entry.id}: ${w}`);
    const delta = (k) => `${(r.measured[k] - src.measured[k] >= 0 ? '+' : '')}${(r.measured[k] - src.measured[k]).toFixed(4)}`;
    lines.push(
      `${pad(r.entry.id, 15)} vs ${src.entry.id}: model ${(r.modelBytes / src.modelBytes).toFixed(3)}x the bytes ` +
        `(${r.modelBytes} / ${src.modelBytes}), accuracy ${delta('accuracy')}, f1_macro ${delta('f1_macro')}, ` +
        `${changed}/${r.n} predictions changed, |Δlogit| max ${maxDiff.toPrecision(3)} mean ${meanDiff.toPrecision(3)}` +
        (why.length ? ' MISMATCH' : ' ok'),
    );
  }
  return { problems, lines };
}

const pad = (s, w) => String(s).padEnd(w);

mkdirSync(REFERENCE, { recursive: true });
const { examples } = readJson(path.join(EXAMPLES, 'index.json'));
const results = [];
let failed = false;
for (const entry of examples) {
  try {
    results.push(await checkExample(entry));
  } catch (err) {
    failed = true;
    results.push({ entry, error: err instanceof Error ? err.message : String(err) });
  }
}

console.log(
  [pad('example', 15), pad('rows', 5), pad('accuracy', 17), pad('f1_macro', 17), pad('prediction', 12), 'result'].join(' '),
);
for (const r of results) {
  if (r.error) {
    console.log(`${pad(r.entry.id, 15)} ERROR ${r.error}`);
    continue;
  }
  if (!r.ok) failed = true;
  const cell = (k) => `${r.measured[k].toFixed(4)} vs ${r.recorded[k] ?? '-'}`;
  console.log(
    [pad(r.entry.id, 15), pad(r.n, 5), pad(cell('accuracy'), 17), pad(cell('f1_macro'), 17), pad(r.note, 12), r.ok ? 'ok' : 'MISMATCH'].join(' '),
  );
}
for (const { problems, lines } of [checkFamilies(results), checkVariants(results)]) {
  for (const line of lines) console.log(line);
  for (const p of problems) console.log(`FAILED ${p}`);
  if (problems.length) failed = true;
}
console.log(`reference outputs written to ${path.relative(ROOT, REFERENCE) || REFERENCE}`);
process.exit(failed ? 1 : 0);
