import { readdirSync, readFileSync } from 'node:fs';
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkPackage } from './findings';
import { inspectPackage } from './inspection';
import { assemblePackage, type ModelPackage } from './model-package';
import { summarizeOnnx } from './onnx-summary';

const example = (id: string): Record<string, Uint8Array> => {
  const dir = new URL(`../../../public/examples/${id}/`, import.meta.url);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(new URL(name, dir)))]));
};

function open(files: Record<string, Uint8Array>): ModelPackage {
  const result = assemblePackage('p', Object.entries(files).map(([path, bytes]) => ({ path, bytes })));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const ioOf = (pkg: ModelPackage) => summarizeOnnx(pkg.model.bytes);
const withMetadata = (files: Record<string, Uint8Array>, change: (m: Record<string, unknown>) => void): Record<string, Uint8Array> => {
  const meta = JSON.parse(new TextDecoder().decode(files['metadata.json'])) as Record<string, unknown>;
  change(meta);
  return { ...files, 'metadata.json': strToU8(JSON.stringify(meta)) };
};

describe('checkPackage', () => {
  it('finds nothing wrong in the bundled examples', () => {
    for (const id of ['iris-pipeline', 'iris-trees', 'digits-cnn', 'wine-mlflow', 'mlp-large']) {
      const pkg = open(example(id));
      const findings = checkPackage(pkg, ioOf(pkg));
      expect(findings.filter((f) => f.severity !== 'ok'), id).toEqual([]);
      expect(findings.length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('states a feature count that disagrees with the model input, with both numbers', () => {
    const pkg = open(withMetadata(example('iris-pipeline'), (m) => (m.feature_names = ['a', 'b', 'c', 'd', 'e'])));
    expect(checkPackage(pkg, ioOf(pkg))).toContainEqual({
      severity: 'error',
      code: 'feature-count',
      message: "metadata.json features (feature_names): 5, but the model's input “float_input” takes 4 values per row (shape [batch, 4]). Rows built from this description will not fit the model.",
      subject: 'float_input',
    });
  });

  it('states a class count that disagrees with the output width', () => {
    const pkg = open(withMetadata(example('digits-cnn'), (m) => (m.target_classes = ['zero', 'one'])));
    const finding = checkPackage(pkg, ioOf(pkg)).find((f) => f.code === 'class-count');
    expect(finding).toMatchObject({ severity: 'error', message: expect.stringContaining('names 2 classes (target_classes), but output “logits” has 10 columns'), subject: 'logits' });
  });

  it('warns about metrics that no evaluation set can confirm', () => {
    const files = example('iris-pipeline');
    delete files['test.csv'];
    const pkg = open(files);
    expect(checkPackage(pkg, ioOf(pkg)).find((f) => f.code === 'metrics-unverifiable')?.message).toBe(
      'metadata.json records accuracy 0.9111, f1_macro 0.9107, but the package has no evaluation CSV to check them against.',
    );
  });

  it('compares MLflow signature dtypes with the ONNX input type', () => {
    const files = example('wine-mlflow');
    const mlmodel = new TextDecoder().decode(files.MLmodel).replace(/"type":(\s+)"float"/g, '"type":$1"double"');
    const pkg = open({ ...files, MLmodel: strToU8(mlmodel) });
    expect(checkPackage(pkg, ioOf(pkg)).find((f) => f.code === 'signature-dtype')).toEqual({
      severity: 'warning',
      code: 'signature-dtype',
      message: 'MLflow signature declares 13 of 13 columns as double, but the model input “input” is float32: values are cast on the way in.',
    });
  });

  it('reports an input example that does not fit the model', () => {
    const pkg = open({ ...example('iris-pipeline'), 'input_example.json': strToU8('{"inputs": [[1, 2]]}') });
    expect(checkPackage(pkg, ioOf(pkg)).find((f) => f.code === 'input-example')).toMatchObject({ severity: 'error', message: expect.stringContaining('fixes it at 4') });
  });

  it('refuses a table example whose columns are not the features, rather than feeding it in its own order', () => {
    const pkg = open({ ...example('iris-pipeline'), 'input_example.json': strToU8('{"columns": ["a", "b", "c", "d"], "data": [[1, 2, 3, 4]]}') });
    expect(checkPackage(pkg, ioOf(pkg)).find((f) => f.code === 'input-example')).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('The example’s columns do not match the model’s features: no column for “sepal length (cm)”'),
    });
  });

  it('names both orders when feature_names and the MLflow signature disagree, and which one is used', () => {
    const files = withMetadata(example('wine-mlflow'), (m) => {
      m.feature_names = [...(m.feature_names as string[])].reverse();
    });
    const finding = checkPackage(open(files), ioOf(open(files))).find((f) => f.code === 'feature-order');
    expect(finding).toMatchObject({ severity: 'error' });
    expect(finding!.message).toMatch(/^metadata\.json feature_names orders the features \[proline, .*\], but the MLflow signature \(MLmodel\) orders them \[alcohol, .*\] \(position 1: “proline” vs “alcohol”\)\. Rows are built in the metadata\.json feature_names order/);
  });
});

describe('inspectPackage', () => {
  it('compares the wine package’s four environment descriptions and finds them consistent', () => {
    const pkg = open(example('wine-mlflow'));
    const inspection = inspectPackage(pkg, ioOf(pkg));
    expect(inspection.environmentFiles).toEqual(['requirements.txt', 'conda.yaml', 'python_env.yaml']);
    expect(inspection.dependencies.find((d) => d.name === 'scikit-learn')).toEqual({
      name: 'scikit-learn',
      versions: { 'requirements.txt': '1.2.1', 'conda.yaml': '1.2.1', 'metadata.json': '1.2.1' },
      status: 'partial',
    });
    expect(inspection.findings.find((f) => f.code === 'dependency-mismatch')?.severity).toBe('ok');
    expect(inspection.signature?.inputs).toHaveLength(13);
  });

  it('shows a huge README cut, with its size, and leaves out a huge requirements.txt', () => {
    const pkg = open({ ...example('iris-pipeline'), 'README.md': strToU8('x'.repeat(300 * 1024)), 'requirements.txt': strToU8('#'.repeat(2 * 1024 * 1024)) });
    const inspection = inspectPackage(pkg, ioOf(pkg));
    expect(inspection.readme?.text.length).toBeLessThan(270 * 1024);
    expect(inspection.readme?.text).toMatch(/… \(300\.0 KB in all; the first 256\.0 KB shown\)$/);
    expect(inspection.unreadable).toEqual(['requirements.txt: 2.0 MB, more than the 1.0 MB an environment file is read']);
  });

  it('turns a version disagreement into a warning that names both versions', () => {
    const pkg = open({ ...example('iris-pipeline'), 'requirements.txt': strToU8('scikit-learn==0.24.2\n') });
    const warning = inspectPackage(pkg, ioOf(pkg)).findings.find((f) => f.code === 'dependency-mismatch');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toMatch(/^scikit-learn is pinned differently: requirements\.txt 0\.24\.2, metadata\.json [\d.]+\. A model/);
  });

  it('keeps README text as text and reports unreadable YAML', () => {
    const pkg = open({ ...example('iris-pipeline'), 'README.md': strToU8('<b>hi</b>'), 'conda.yaml': strToU8('dependencies: [x') });
    const inspection = inspectPackage(pkg, ioOf(pkg));
    expect(inspection.readme).toEqual({ path: 'README.md', text: '<b>hi</b>' });
    expect(inspection.unreadable[0]).toMatch(/^conda\.yaml: /);
  });
});
