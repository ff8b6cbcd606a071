// Second half of the tensor fixtures (after scripts/make_tensor_fixtures.py): runs each fixture
// model on onnxruntime-node over its test_data_set_N/input_K.pb (read with the app's own reader),
// writes output_K.pb, and packs the zoo-style archives, one of them with a perturbed expected output.
//
//   /usr/bin/python3 scripts/make_tensor_fixtures.py && node scripts/make-tensor-fixtures.mjs
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { gzipSync } from 'fflate';
import { packTar } from 'modern-tar';
import { createNodeRunner, loadTsModules } from './ort-node-run.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODELS = path.join(ROOT, 'src/core/tensors/fixtures/models');

const [{ readTensorFiles }, { summarizeOnnx }, { encodeTensorProto, decodeTensorProto }] = await loadTsModules(ROOT, [
  '/src/core/tensors/read-tensor-files.ts',
  '/src/core/package/onnx-summary.ts',
  '/src/core/tensors/tensor-proto.ts',
]);

const setsOf = (dir) => readdirSync(dir).filter((d) => /^test_data_set_\d+$/.test(d)).sort();

for (const model of readdirSync(MODELS).filter((d) => existsSync(path.join(MODELS, d, 'model.onnx')))) {
  const dir = path.join(MODELS, model);
  const bytes = readFileSync(path.join(dir, 'model.onnx'));
  const summary = summarizeOnnx(new Uint8Array(bytes));
  const runner = await createNodeRunner(ort, bytes);
  for (const set of setsOf(dir)) {
    const files = readdirSync(path.join(dir, set)).filter((f) => f.startsWith('input_')).map((f) => ({ path: `${set}/${f}`, bytes: new Uint8Array(readFileSync(path.join(dir, set, f))) }));
    const read = await readTensorFiles(files, summary.inputs);
    if (!read.ok) throw new Error(`${model}/${set}: ${read.error.message}`);
    const outputs = await runner.run(read.value.tensors);
    runner.outputNames.forEach((name, k) => writeFileSync(path.join(dir, set, `output_${k}.pb`), encodeTensorProto(name, outputs[name])));
    console.log(`${model}/${set}: ${runner.outputNames.map((n) => `${n} ${outputs[n].dtype} [${outputs[n].dims.join(', ')}]`).join(', ')}`);
  }
  await runner.release();
}

/** A Model Zoo-style archive: `<name>/model.onnx` and `<name>/test_data_set_N/*.pb`, with fixed metadata. */
async function zooArchive(model, name, change = () => null) {
  const dir = path.join(MODELS, model);
  const mtime = new Date(Date.UTC(2026, 0, 1));
  const entries = [{ header: { name: `${name}/model.onnx`, size: 0, mtime }, body: readFileSync(path.join(dir, 'model.onnx')) }];
  for (const set of setsOf(dir)) {
    for (const f of readdirSync(path.join(dir, set)).sort()) {
      const original = new Uint8Array(readFileSync(path.join(dir, set, f)));
      entries.push({ header: { name: `${name}/${set}/${f}`, size: 0, mtime }, body: change(set, f, original) ?? original });
    }
  }
  for (const e of entries) e.header.size = e.body.length;
  const tar = await packTar(entries);
  const out = path.join(MODELS, `${name}.tar.gz`);
  writeFileSync(out, gzipSync(tar, { level: 9, mtime: mtime.getTime() }));
  console.log(`${path.relative(ROOT, out)}: ${entries.length} entries`);
}

await zooArchive('token-gru', 'token-gru');
await zooArchive('vad-like', 'vad-like');
// One expected value moved by 0.05 (far outside rtol 1e-3): the check must fail and show that element.
await zooArchive('token-gru', 'token-gru-perturbed', (set, file, bytes) => {
  if (set !== 'test_data_set_1' || file !== 'output_0.pb') return null;
  const t = decodeTensorProto(bytes, file);
  if (!t.ok) throw new Error(t.error.message);
  const data = Float32Array.from(t.value.tensor.data);
  data[4] += 0.05;
  return encodeTensorProto(t.value.name ?? '', { ...t.value.tensor, data });
});
