import { readdirSync, readFileSync } from 'node:fs';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { assemblePackage, MAX_TEXT_FILE_BYTES, openSingleFile, roleOf, type ModelPackage } from './model-package';
import type { EngineError, Result } from '../protocol/engine-error';
import { craftZip, stored } from './zip.fixture';

const WINE = new URL('../../../public/examples/wine-mlflow/', import.meta.url);
const wineFiles = (): Record<string, Uint8Array> =>
  Object.fromEntries(readdirSync(WINE).map((name) => [name, new Uint8Array(readFileSync(new URL(name, WINE)))]));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
// Protobuf-looking bytes (field 1 varint): sniffs as ONNX; the package layer does not decode it.
const onnxLike = (tag: number): Uint8Array => new Uint8Array([0x08, 0x08, 0x3a, 0x02, 0x0a, tag]);
const PICKLE = new Uint8Array([0x80, 0x04, 0x95, 0x1a, 0x00, 0x00, 0x00, 0x00]);

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function error(result: Result<unknown>): EngineError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

describe('openSingleFile on a zip of the MLflow example', () => {
  it('opens the folder inside the zip, its model, MLmodel, metadata and input example', async () => {
    const files = wineFiles();
    // A stray second model: metadata.json model_file must pick the right one.
    const zip = zipSync({ 'wine-mlflow': { ...files, 'old-model.onnx': onnxLike(1) } });
    const pkg = value(await openSingleFile('download.zip', zip));

    expect(pkg.name).toBe('wine-mlflow');
    expect(pkg.model.path).toBe('model.onnx');
    expect(pkg.model.format).toBe('onnx');
    expect(pkg.model.bytes).toEqual(files['model.onnx']);
    expect(pkg.mlmodel?.runId).toBe('865bc3f1bf8a421aae793c8e09bdc5a4');
    expect(pkg.mlmodel?.onnxData).toBe('model.onnx');
    expect(pkg.metadata?.modelFile).toBe('model.onnx');
    expect(pkg.metadata?.targetClasses).toEqual(['class_0', 'class_1', 'class_2']);
    expect(pkg.metadata?.featureNames).toHaveLength(13);
    expect(pkg.metadata?.performanceMetrics).toEqual({ accuracy: 0.9815, f1_macro: 0.9829 });
    const example = pkg.inputExample as { columns: string[]; data: number[][] };
    expect(example.columns[0]).toBe('alcohol');
    expect(example.data).toEqual([[13.16, 2.36, 2.67, 18.6, 101.0, 2.8, 3.24, 0.3, 2.81, 5.68, 1.03, 3.17, 1185.0]]);

    const roles = Object.fromEntries(pkg.entries.map((e) => [e.path, e.role]));
    expect(roles).toEqual({
      'MLmodel': 'mlmodel',
      'conda.yaml': 'environment',
      'input_example.json': 'input-example',
      'metadata.json': 'metadata',
      'model.onnx': 'model',
      'old-model.onnx': 'model',
      'production_sample.csv': 'production-sample',
      'python_env.yaml': 'environment',
      'requirements.txt': 'environment',
      'serving_input_example.json': 'serving-example',
      'test.csv': 'evaluation-csv',
    });
    expect(pkg.entries.find((e) => e.path === 'model.onnx')?.bytes).toBe(files['model.onnx']!.length);
    expect(pkg.otherFiles).toEqual([]);
  });

  it('chooses the model named by MLmodel flavors.onnx.data when there is no metadata.json', async () => {
    const files = wineFiles();
    delete files['metadata.json'];
    const zip = zipSync({ 'wine-mlflow': { ...files, 'a-model.onnx': onnxLike(1) } });
    const pkg = value(await openSingleFile('wine-download.zip', zip));
    expect(pkg.metadata).toBeNull();
    expect(pkg.name).toBe('wine-download');
    expect(pkg.model.path).toBe('model.onnx');
    expect(pkg.model.bytes).toEqual(files['model.onnx']);
    expect(pkg.mlmodel?.modelUuid).toBe('e061fa0d229b495ebfc55d694464f276');
  });

  it('follows MLmodel to a renamed input example', async () => {
    const mlmodel = new TextDecoder().decode(wineFiles().MLmodel).replace('artifact_path: input_example.json', 'artifact_path: example.json');
    const zip = zipSync({ MLmodel: text(mlmodel), 'model.onnx': onnxLike(1), 'example.json': text('{"inputs": [[1, 2]]}') });
    expect(value(await openSingleFile('m.zip', zip)).inputExample).toEqual({ inputs: [[1, 2]] });
  });
});

describe('openSingleFile failures', () => {
  it('explains a zip holding only a pickle, naming the file', async () => {
    const e = error(await openSingleFile('trained.zip', zipSync({ 'model.pkl': PICKLE, 'requirements.txt': text('scikit-learn==1.4.0\n') })));
    expect(e.code).toBe('not-runnable-format');
    expect(e.message).toMatch(/^“trained” holds no ONNX model, only model\.pkl\. “model\.pkl” is a Python pickle/);
    expect(e.hint).toMatch(/skl2onnx/);
  });

  it('refuses to guess between two models without metadata', async () => {
    const e = error(await openSingleFile('two.zip', zipSync({ 'a.onnx': onnxLike(1), 'b.onnx': onnxLike(2), 'README.md': text('# two') })));
    expect(e.code).toBe('several-models');
    expect(e.message).toContain('holds 2 models (a.onnx, b.onnx)');
    expect(e.hint).toContain('model_file');
  });

  it('uses metadata.json model_file to choose between two models', async () => {
    const zip = zipSync({ 'a.onnx': onnxLike(1), 'b.onnx': onnxLike(2), 'metadata.json': text('{"model_file": "./b.onnx", "model_version": 2}') });
    const pkg = value(await openSingleFile('two.zip', zip));
    expect(pkg.model.path).toBe('b.onnx');
    expect(pkg.model.bytes).toEqual(onnxLike(2));
    expect(pkg.metadata?.modelVersion).toBe('2');
  });

  it('opens a model whose metadata.json is broken, with the problem as a finding that says where', async () => {
    const pkg = value(await openSingleFile('p.zip', zipSync({ 'model.onnx': onnxLike(1), 'metadata.json': text('{\n  "model_name": "x",\n}') })));
    expect(pkg.metadata).toBeNull();
    expect(pkg.model.path).toBe('model.onnx');
    expect(pkg.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'bad-metadata', message: expect.stringMatching(/^metadata\.json is not valid JSON \(line 3, column 1: .*\)\. It was left out: the model opened without it/) }),
    ]);
  });

  it('opens a model whose MLmodel is not YAML, and says so', async () => {
    const pkg = value(await openSingleFile('p.zip', zipSync({ 'model.onnx': onnxLike(1), MLmodel: text('flavors:\n  onnx: [unclosed\n') })));
    expect(pkg.mlmodel).toBeNull();
    expect(pkg.findings[0]).toMatchObject({ severity: 'error', code: 'bad-mlmodel', message: expect.stringMatching(/^MLmodel is not valid YAML/) });
  });

  it('keeps a huge metadata.json value only up to a budget, and says what was cut', async () => {
    const huge = `{"model_name": "big", "feature_names": ["a", "b"], "embedding": [${Array.from({ length: 300_000 }, () => '0.5').join(',')}]}`;
    const pkg = value(assemblePackage('p', [{ path: 'model.onnx', bytes: onnxLike(1) }, { path: 'metadata.json', bytes: text(huge) }]));
    expect(pkg.metadata?.featureNames).toEqual(['a', 'b']);
    expect(pkg.metadata?.raw.embedding).toMatchObject({ $truncated: 'array', size: 300_000 });
    expect((pkg.metadata?.raw.embedding as { head: unknown[] }).head).toHaveLength(100);
    expect(pkg.findings).toEqual([expect.objectContaining({ code: 'metadata-cut', message: 'metadata.json: “embedding” is array of 300,000 items, too big to keep: only its start is kept and shown, and the page does not use it.' })]);
  });

  it('leaves out a text file past the size budget instead of parsing it', () => {
    const big = new Uint8Array(MAX_TEXT_FILE_BYTES + 1).fill(0x20);
    const pkg = value(assemblePackage('p', [{ path: 'model.onnx', bytes: onnxLike(1) }, { path: 'input_example.json', bytes: big }]));
    expect(pkg.inputExample).toBeNull();
    expect(pkg.findings[0]?.message).toBe('input_example.json is 100.0 MB, more than the 100.0 MB this page reads of such a file: it was left out, and the model opened without it.');
  });

  it('never names a file outside the package: climbing paths are left out, with a finding', () => {
    const pkg = value(assemblePackage('lib', [{ path: 'model.onnx', bytes: onnxLike(1) }, { path: '../../evil.onnx', bytes: onnxLike(2) }, { path: 'sub/../notes.txt', bytes: text('n') }]));
    expect(pkg.model.path).toBe('model.onnx');
    expect(pkg.files.map((f) => f.path)).toEqual(['model.onnx', 'notes.txt']);
    expect(pkg.findings).toEqual([expect.objectContaining({ code: 'entry-refused', message: '“../../evil.onnx” was left out: it climbs out of the package (“..”). Nothing outside the package is ever read or written.' })]);
  });

  it('reports a model_file that is not in the package when no single model can stand in', async () => {
    const e = error(await openSingleFile('p.zip', zipSync({ 'notes.txt': text('hi'), 'metadata.json': text('{"model_file": "missing.onnx"}') })));
    expect(e.code).toBe('no-model-in-package');
    expect(e.message).toContain('“missing.onnx”');
    expect(e.message).toContain('metadata.json (model_file)');
  });

  it('opens the only model when the declared model_file is absent, and says so as an error finding', async () => {
    const pkg = value(await openSingleFile('p.zip', zipSync({ 'model.onnx': onnxLike(1), 'metadata.json': text('{"model_file": "missing.onnx"}') })));
    expect(pkg.model.path).toBe('model.onnx');
    expect(pkg.findings).toEqual([
      expect.objectContaining({ severity: 'error', code: 'declared-model-missing', message: expect.stringContaining('“missing.onnx”, which is absent') }),
    ]);
  });

  it('reports a package with no model at all, listing what it holds', async () => {
    const e = error(await openSingleFile('p.zip', zipSync({ 'notes.txt': text('hi'), 'data.csv': text('a,b\n') })));
    expect(e.code).toBe('no-model-in-package');
    expect(e.message).toContain('2 file(s)');
    expect(e.message).toContain('notes.txt');
  });

  it('reports an empty model file inside the package', async () => {
    expect(error(await openSingleFile('p.zip', zipSync({ 'model.onnx': new Uint8Array(0) }))).code).toBe('empty-file');
  });

  it('opens a model whose input_example.json is not JSON, and says so', async () => {
    const pkg = value(await openSingleFile('p.zip', zipSync({ 'model.onnx': onnxLike(1), 'input_example.json': text('[1, 2') })));
    expect(pkg.inputExample).toBeNull();
    expect(pkg.findings[0]).toMatchObject({ severity: 'error', code: 'bad-input-example', message: expect.stringContaining('input_example.json is not valid JSON') });
  });

  it('never offers a zip entry named ../../evil.onnx as a model', async () => {
    const alone = await openSingleFile('slip.zip', craftZip([stored('../../evil.onnx', onnxLike(2)), stored('README.md', text('x'))]));
    expect(!alone.ok && alone.error.message).toBe('“slip” holds no model file (.onnx or .ort); it has 1 file(s): README.md.');
    const beside = value(await openSingleFile('slip.zip', craftZip([stored('../../evil.onnx', onnxLike(2)), stored('model.onnx', onnxLike(1))])));
    expect(beside.entries.map((e) => e.path)).toEqual(['model.onnx']);
    expect(beside.findings[0]?.message).toMatch(/^“\.\.\/\.\.\/evil\.onnx” was left out: it climbs out of the package/);
  });

  it('reports corrupt zip bytes', async () => {
    const corrupt = new Uint8Array(64).fill(0x41);
    corrupt.set([0x50, 0x4b, 0x03, 0x04]);
    const e = error(await openSingleFile('broken.zip', corrupt));
    expect(e.code).toBe('bad-zip');
    expect(e.message).toContain('“broken.zip” could not be unzipped');
  });

  it('reports a zip cut short', async () => {
    const zip = zipSync({ 'model.onnx': onnxLike(1), 'metadata.json': text('{}') });
    expect(error(await openSingleFile('half.zip', zip.subarray(0, zip.length >> 1))).code).toBe('bad-zip');
  });
});

describe('openSingleFile on bare models', () => {
  it('opens an .onnx file as a package of one', async () => {
    const bytes = onnxLike(1);
    const pkg: ModelPackage = value(await openSingleFile('net.onnx', bytes));
    expect(pkg).toEqual({
      name: 'net.onnx',
      model: { path: 'net.onnx', format: 'onnx', bytes },
      entries: [{ path: 'net.onnx', bytes: 6, role: 'model' }],
      metadata: null,
      mlmodel: null,
      inputExample: null,
      otherFiles: [],
      files: [{ path: 'net.onnx', bytes }],
      findings: [],
    });
  });

  it('opens an ORT-format file as ort', async () => {
    expect(value(await openSingleFile('net.ort', new Uint8Array([0x14, 0, 0, 0, 0x4f, 0x52, 0x54, 0x4d]))).model.format).toBe('ort');
  });
});

describe('assemblePackage', () => {
  it('keeps unrecognised files as possible external data', async () => {
    const pkg = value(
      assemblePackage('dropped files', [
        { path: 'm/model.onnx', bytes: onnxLike(1) },
        { path: 'm/model.onnx.data', bytes: new Uint8Array(16) },
      ]),
    );
    expect(pkg.name).toBe('dropped files');
    expect(pkg.otherFiles.map((f) => f.path)).toEqual(['model.onnx.data']);
  });
});

describe('roleOf', () => {
  it.each([
    ['sub/Model.ORT', 'model'],
    ['README.md', 'readme'],
    ['model_card.md', 'readme'],
    ['weights.safetensors', 'not-runnable'],
    ['mlmodel', 'other'],
    ['eval.CSV', 'evaluation-csv'],
    ['production_sample.csv', 'production-sample'],
    ['Production-Sample-2026.CSV', 'production-sample'],
  ])('%s is %s', (path, role) => {
    expect(roleOf(path)).toBe(role);
  });
});
