import { mkdirSync, mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, PlaygroundPage } from './support/fixtures';
import { exampleFiles, HOSTILE, zipBomb, zipOf } from './support/packages';

const fixture = (path: string): Buffer => readFileSync(new URL(`fixtures/${path}`, import.meta.url));

async function openInspect(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByRole('region', { name: 'Consistency checks' })).toBeVisible();
}

/** Drops files on the drop zone, as a user dragging them from the desktop. */
async function dropFiles(page: Page, files: { name: string; data: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: [...f.data] }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.data)], f.name));
    return dt;
  }, payload);
  await page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
}

function writeFolder(files: Record<string, Uint8Array | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'onnx-playground-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

test('the MLflow example explains itself: MLmodel, signature, environment, checks', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Wine (MLflow model)');
  await openInspect(page);
  const checks = page.getByRole('list', { name: 'Findings' });
  await expect(checks).toContainText('MLflow signature columns: 13, and the model\'s input “input” takes 13 values per row');
  await expect(checks).toContainText('metadata.json names 3 classes, and output “probabilities” has 3 columns');
  await expect(checks.locator('[data-severity="error"]')).toHaveCount(0);
  const mlmodel = page.getByRole('region', { name: 'MLflow model (MLmodel)' });
  await expect(mlmodel).toContainText('865bc3f1bf8a421aae793c8e09bdc5a4');
  await expect(mlmodel).toContainText('2.16.2');
  await expect(mlmodel.getByRole('table', { name: /Signature inputs \(column-based\)/ })).toContainText('od280/od315_of_diluted_wines');
  await expect(mlmodel.getByRole('table', { name: 'Flavor: onnx' })).toContainText('model.onnx');
  const env = page.getByRole('table', { name: 'Dependencies' });
  await expect(env.getByRole('row', { name: /scikit-learn/ })).toContainText('1.2.1');
  await expect(env.getByRole('row', { name: /mlflow/ })).toContainText('2.16.2');
  const meta = page.getByRole('region', { name: 'metadata.json' });
  await expect(meta.getByRole('group', { name: 'Recorded metrics' })).toContainText('0.9815');
  await expect(meta.getByRole('table', { name: 'Features (13)' })).toContainText('11.03 … 14.83');
  await expect(meta.getByRole('table', { name: 'Other fields' })).toContainText('n_test_samples');
});

test('the iris example: graph structure, parameters, hash and files', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris random forest');
  await openInspect(page);
  const model = page.getByRole('region', { name: 'Model', exact: true });
  await expect(model.getByRole('table', { name: 'Opset imports' })).toContainText('ai.onnx.ml');
  await expect(model.getByRole('table', { name: /^Operators:/ })).toContainText('ai.onnx.ml.TreeEnsembleClassifier');
  const sha = (await import('node:crypto')).createHash('sha256').update(exampleFiles('iris-trees')['model.onnx']!).digest('hex');
  await expect(model).toContainText(sha);
  await expect(page.getByRole('region', { name: /^Files/ })).toContainText('evaluation data');
});

test('a dropped zip, a picked folder, and a folder of thousands of files narrowed to its model', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await dropFiles(page, [{ name: 'iris-download.zip', data: zipOf(exampleFiles('iris-pipeline'), 'iris-pipeline') }]);
  await app.waitForModel();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('iris-pipeline');

  await page.getByRole('button', { name: '+ Open another' }).click();
  await page.getByTestId('open-folder-input').setInputFiles(writeFolder(exampleFiles('digits-cnn')));
  await app.waitForModel();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('digits-cnn');

  await page.getByRole('button', { name: '+ Open another' }).click();
  const clutter: Record<string, string> = {};
  for (let i = 0; i < 1200; i++) clutter[`logs/run-${i}.txt`] = `line ${i}`;
  for (const [name, data] of Object.entries(exampleFiles('wine-mlflow'))) clutter[`models/wine/${name}`] = Buffer.from(data).toString('latin1');
  const big = writeFolder(clutter);
  // Binary content must survive: rewrite the model file from bytes.
  writeFileSync(join(big, 'models/wine/model.onnx'), exampleFiles('wine-mlflow')['model.onnx']!);
  await page.getByTestId('open-folder-input').setInputFiles(big);
  await app.waitForModel();
  await openInspect(page);
  await expect(page.getByRole('list', { name: 'Findings' })).toContainText(/holds 1,2\d\d files; only the \d+ beside the model \(in models\/wine\/\) were read/);
});

test('external data travels with the folder; without it the error names the file', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openFile('model.onnx', fixture('external-data/model.onnx'));
  const alert = app.alert(/stores weights in “weights\.bin”, which is not in what you opened/);
  await expect(alert).toBeVisible();
  await dropFiles(page, [
    { name: 'model.onnx', data: fixture('external-data/model.onnx') },
    { name: 'weights.bin', data: fixture('external-data/weights.bin') },
  ]);
  await app.waitForModel();
  await openInspect(page);
  await expect(page.getByRole('table', { name: 'External data' })).toContainText('weights.bin');
  await page.getByRole('tab', { name: 'Run' }).click();
  await app.run();
  expect((await app.downloadOutputs()).outputs.y!.dims).toEqual([1, 3]);
});

test('bad packages: each gets its own message, and the open model keeps working', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  const iris = exampleFiles('iris-pipeline');
  const cases: { name: string; data: Buffer; message: RegExp }[] = [
    { name: 'broken.zip', data: zipOf(iris).subarray(0, 900), message: /“broken\.zip” could not be unzipped .*damaged or incomplete/ },
    { name: 'two.zip', data: zipOf({ 'a.onnx': iris['model.onnx']!, 'b.onnx': iris['model.onnx']! }), message: /“two” holds 2 models \(a\.onnx, b\.onnx\) and nothing says which one to open/ },
    { name: 'badmeta.zip', data: zipOf({ ...iris, 'metadata.json': '{\n  "model_name": "x",\n  "model_version": 1.0,\n}\n' }), message: /metadata\.json is not valid JSON \(line 4, column 1/ },
    { name: 'badyaml.zip', data: zipOf({ 'model.onnx': iris['model.onnx']!, MLmodel: 'flavors:\n  onnx: [unclosed\n' }), message: /MLmodel is not valid YAML/ },
    { name: 'nomodel.zip', data: zipOf({ MLmodel: 'flavors:\n  onnx:\n    data: model.onnx\n', 'conda.yaml': 'name: x\n' }), message: /MLmodel \(flavors\.onnx\.data\) declares the model file “model\.onnx”, but no such file is in/ },
    { name: 'bomb.zip', data: zipBomb(24), message: /“bomb\.zip” would expand to 2\.3 GB, more than the 2\.0 GB limit .*nothing was unpacked/ },
    { name: 'weights.zip', data: zipOf({ 'model.pkl': Buffer.from([0x80, 4, 0x95]), 'README.md': 'my model' }), message: /holds no ONNX model, only model\.pkl.*is a Python pickle/ },
  ];
  for (const c of cases) {
    await page.getByRole('button', { name: '+ Open another' }).click();
    await app.openFile(c.name, c.data);
    await expect(app.alert(c.message)).toBeVisible();
  }
  // Metadata that disagrees with the model: it loads, and the disagreement is an alert with the numbers.
  const meta = JSON.parse(Buffer.from(iris['metadata.json']!).toString()) as { feature_names: string[]; target_classes: string[] };
  meta.feature_names = [...meta.feature_names, 'stem length (cm)'];
  meta.target_classes = [...meta.target_classes, 'hybrid'];
  await page.getByRole('button', { name: '+ Open another' }).click();
  await app.openFile('mismatch.zip', zipOf({ ...iris, 'metadata.json': JSON.stringify(meta) }));
  await expect(app.alert(/metadata\.json features \(feature_names\): 5, but the model's input “float_input” takes 4 values per row/)).toBeVisible();
  await expect(app.alert(/names 4 classes \(target_classes\), but output “probabilities” has 3 columns/)).toBeVisible();

  await page.getByRole('navigation', { name: 'Open models' }).getByRole('button', { name: 'iris-pipeline', exact: true }).first().click();
  await app.run();
  await expect(page.getByTestId('prediction')).toBeVisible();
});

test('markup in every string of a package renders as harmless text', async ({ page }) => {
  const app = new PlaygroundPage(page);
  page.on('dialog', () => {
    throw new Error('a dialog opened: package text ran as script');
  });
  await app.goto();
  const metadata = {
    model_name: HOSTILE,
    model_version: HOSTILE,
    model_class: HOSTILE,
    training_date: HOSTILE,
    target_classes: [HOSTILE, HOSTILE, HOSTILE],
    feature_names: [HOSTILE, `b${HOSTILE}`, `c${HOSTILE}`],
    performance_metrics: { [HOSTILE]: 0.5 },
    dependencies: { [HOSTILE]: HOSTILE },
    input_schema: { type: 'object', properties: { [HOSTILE]: { type: 'number', description: HOSTILE } } },
    [HOSTILE]: HOSTILE,
  };
  const mlmodel = `run_id: '${HOSTILE}'\nflavors:\n  onnx:\n    data: model.onnx\n    note: '${HOSTILE}'\nsignature:\n  inputs: '[{"type": "float", "name": "${HOSTILE.replace(/"/g, '\\\\"')}"}]'\n`;
  await app.openFile(
    'hostile.zip',
    zipOf({ 'model.onnx': fixture('hostile/model.onnx'), 'metadata.json': JSON.stringify(metadata), MLmodel: mlmodel, 'README.md': HOSTILE, 'requirements.txt': `${HOSTILE}==1\n` }),
  );
  await app.waitForModel();
  await expect(page.getByRole('heading', { level: 2 })).toContainText('<script>');
  await openInspect(page);
  await expect(page.getByRole('region', { name: 'README.md' })).toContainText('onerror=');
  await page.getByRole('tab', { name: 'Run' }).click();
  await app.run();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, main script').count()).toBe(0);
});
