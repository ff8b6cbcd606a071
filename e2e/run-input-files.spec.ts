import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { createNodeRunner } from '../src/core/check/node-runner.fixture.mjs';
import type { HostTensor } from '../src/core/schema/host-tensor';
import { tensorValues } from '../src/core/schema/host-tensor';
import { decodeNpz } from '../src/core/tensors/npz';
import { decodeTensorProto } from '../src/core/tensors/tensor-proto';
import { expect, PlaygroundPage, test, type OutputsFile } from './support/fixtures';

// Inputs from files in the Run tab, checked against onnxruntime-node on the same inputs.
const MODELS = fileURLToPath(new URL('../src/core/tensors/fixtures/models/', import.meta.url));
const bytes = (path: string): Buffer => readFileSync(`${MODELS}${path}`);

function pb(path: string): HostTensor {
  const read = decodeTensorProto(new Uint8Array(bytes(path)), path);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.tensor;
}

async function reference(model: string, feeds: Record<string, HostTensor>): Promise<Record<string, HostTensor>> {
  const runner = await createNodeRunner(ort, bytes(`${model}/model.onnx`));
  try {
    return (await runner.run(feeds)) as Record<string, HostTensor>;
  } finally {
    await runner.release();
  }
}

/** The downloaded document against onnxruntime-node: same names, dtypes and dims; values within 1e-5 (exact for integers). */
function expectAsReference(doc: OutputsFile, ref: Record<string, HostTensor>): void {
  expect(Object.keys(doc.outputs).sort()).toEqual(Object.keys(ref).sort());
  for (const [name, want] of Object.entries(ref)) {
    const got = doc.outputs[name]!;
    expect([got.dtype, got.dims], name).toEqual([want.dtype, [...want.dims]]);
    const values = tensorValues(want).map(Number);
    expect(got.data.length).toBe(values.length);
    got.data.forEach((v, i) => expect(Math.abs(Number(v) - values[i]!), `${name}[${i}]`).toBeLessThanOrEqual(want.dtype.startsWith('float') ? 1e-5 : 0));
  }
}

async function openFixture(app: PlaygroundPage, model: string): Promise<void> {
  await app.goto();
  await app.openFile('model.onnx', bytes(`${model}/model.onnx`));
  await app.waitForModel();
  await app.page.getByRole('radio', { name: 'from file' }).check();
}

test('float16 outputs are shown and downloaded as numbers, fed from a .pb file, as onnxruntime-node computes them', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openFixture(app, 'fp16-add');
  await page.getByTestId('input-set-run').setInputFiles(`${MODELS}fp16-add/test_data_set_0/input_0.pb`);
  const row = page.getByTestId('read-x');
  await expect(row).toContainText('float16 [2, 4] from input_0.pb');
  // The shortest decimals that read back as the same float16, as NumPy prints them (65504 as 65500).
  await expect(row).toContainText('5.1, 3.5, 1.4, 0.2, 0, 65500, 6e-8, -2.5');
  await app.run();
  const outputs = page.getByTestId('outputs');
  await expect(outputs).toContainText('the values read from your files');
  // y = x + [0.5, -1, 2, 0.125] in float16: the values, never their bit patterns (17792, …).
  await expect(outputs.getByRole('row', { name: /^y float16/ })).toContainText('5.6, 2.5, 3.4, 0.325, 0.5, 65500, 2, -2.375');
  expectAsReference(await app.downloadOutputs(), await reference('fp16-add', { x: pb('fp16-add/test_data_set_0/input_0.pb') }));
});

test('a three-input model fed from an .npz, then from .pb files; a wrong file is named and nothing runs', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openFixture(app, 'token-gru');
  await page.getByTestId('input-set-run').setInputFiles(`${MODELS}token-gru-inputs.npz`);
  await expect(page.getByTestId('read-input_ids')).toContainText('int64 [1, 3] from token-gru-inputs.npz');
  await expect(page.getByTestId('read-state')).toContainText('float32 [1, 1, 8]');
  const axe = await new AxeBuilder({ page }).include('[data-testid="input-files-run"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await app.run();
  const npz = await decodeNpz(new Uint8Array(bytes('token-gru-inputs.npz')), 'token-gru-inputs.npz');
  if (!npz.ok) throw new Error(npz.error.message);
  const fromNpz = Object.fromEntries(npz.value.flatMap((f) => (f.kind === 'typed' ? [[f.name!, f.tensor]] : [])));
  expectAsReference(await app.downloadOutputs(), await reference('token-gru', fromNpz));

  // The second data set (batch 2, 5 tokens) as loose input_K.pb files: sizes come from the data.
  const set1 = ['input_0.pb', 'input_1.pb', 'input_2.pb'].map((f) => `${MODELS}token-gru/test_data_set_1/${f}`);
  await page.getByTestId('input-set-run').setInputFiles(set1);
  await expect(page.getByTestId('read-input_ids')).toContainText('int64 [2, 5] from input_0.pb');
  await app.run();
  await expect(page.getByTestId('outputs')).toContainText('[2, 3]');
  const feeds = { input_ids: pb('token-gru/test_data_set_1/input_0.pb'), attention_mask: pb('token-gru/test_data_set_1/input_1.pb'), state: pb('token-gru/test_data_set_1/input_2.pb') };
  expectAsReference(await app.downloadOutputs(), await reference('token-gru', feeds));

  // A float array dropped on the int64 input: which input, what it expects, what the file holds; the run refuses.
  await page.getByTestId('input-file-run-input_ids').setInputFiles(`${MODELS}token-gru-state.npy`);
  const error = page.getByTestId('input-files-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('input_ids');
  await expect(error).toContainText('int64');
  await expect(error).toContainText('float32');
  await expect(error).toContainText('Nothing was run.');
  const status = await page.getByTestId('outputs').getByRole('status').innerText();
  await page.getByRole('button', { name: /^Run on/ }).click();
  await expect(app.alert(/input_ids/).last()).toBeVisible();
  await expect(page.getByTestId('outputs').getByRole('status')).toHaveText(status);
});
