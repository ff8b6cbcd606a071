import { readFileSync } from 'node:fs';
import { test, expect, EXAMPLES, PlaygroundPage, reference, expectOutputsClose } from './support/fixtures';

const index = JSON.parse(readFileSync(new URL('../public/examples/index.json', import.meta.url), 'utf8')) as {
  examples: { id: string; title: string }[];
};
const titleOf = (id: string): string => index.examples.find((e) => e.id === id)!.title;

test('the landing page is cross-origin isolated, shows the gallery and fetches no runtime', async ({ page, requests }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  expect(await page.evaluate(() => self.crossOriginIsolated)).toBe(true);
  for (const id of EXAMPLES) await expect(page.getByRole('button', { name: `Open example ${titleOf(id)}`, exact: true })).toBeVisible();
  await expect(page.getByText('Open model…')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requests.filter((u) => /\.wasm$|\/ort\//.test(u))).toEqual([]);
});

// One test per entry point, each example a step of it, so that the runtime starts once, not per example.
test('every example: one click loads it, Run reproduces the reference outputs', async ({ page, requests }) => {
  test.setTimeout(EXAMPLES.length * 30_000);
  const app = new PlaygroundPage(page);
  await app.goto();
  for (const [i, id] of EXAMPLES.entries()) {
    await test.step(id, async () => {
      // The others stay open, as a teacher showing several would leave them.
      await app.openExample(titleOf(id), i > 0);
      await expect(page.getByRole('heading', { level: 2 })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Inputs' })).toBeVisible();
      await app.run();
      expectOutputsClose(await app.downloadOutputs(), reference(id), 1e-4);
    });
  }
  await expect(page.getByRole('navigation', { name: 'Open models' }).getByRole('button', { name: /^Close / })).toHaveCount(EXAMPLES.length);
  // The runtime arrived, from our own origin (and, the landing test shows, only once a model opened).
  expect(requests.some((u) => u.endsWith('/ort/ort-wasm-simd-threaded.wasm'))).toBe(true);
});

// A link is a page load: each example loads the page afresh (in one browser context, so the runtime's code is cached).
test('every example opens from a ?model= link', async ({ page }) => {
  test.setTimeout(EXAMPLES.length * 30_000);
  const app = new PlaygroundPage(page);
  for (const id of EXAMPLES) {
    await test.step(id, async () => {
      await app.goto(`?model=examples/${id}.zip`);
      await app.waitForModel();
      await app.run();
      expectOutputsClose(await app.downloadOutputs(), reference(id), 1e-4);
    });
  }
});

test('a package shows what it is: shapes with symbolic dimensions, producer, opsets, metadata_props, class name', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample(titleOf('iris-pipeline'));
  const inputs = page.getByRole('table', { name: 'Inputs' });
  await expect(inputs).toContainText('float_input');
  await expect(inputs).toContainText('[batch, 4]');
  await expect(page.getByRole('table', { name: 'Outputs' }).first()).toContainText('probabilities');
  const facts = page.getByRole('region', { name: 'About this model' });
  await expect(facts).toContainText('onnx-playground-examples');
  await expect(facts).toContainText('ai.onnx 17');
  await expect(facts).toContainText('IR version');
  await expect(facts).toContainText('Load time');
  await expect(page.getByRole('table', { name: 'metadata_props' })).toContainText('target_classes');
  await app.run();
  const expected = ['setosa', 'versicolor', 'virginica'][reference('iris-pipeline').outputs.label!.data[0]!]!;
  await expect(page.getByTestId('prediction')).toContainText(expected);
});

test('a model without an example runs on random inputs whose symbolic dimension can be edited', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto('?model=examples/digits-cnn/model.onnx');
  await app.waitForModel();
  await page.getByRole('spinbutton', { name: 'batch' }).fill('3');
  await app.run();
  const out = await app.downloadOutputs();
  expect(out.outputs.logits!.dims).toEqual([3, 10]);
  expect(out.outputs.logits!.data.every(Number.isFinite)).toBe(true);
});

test('several models stay open; closing one leaves the other usable', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample(titleOf('iris-pipeline'));
  await app.openExample(titleOf('wine-mlflow'), true);
  const tabs = page.getByRole('navigation', { name: 'Open models' });
  await expect(tabs.getByRole('button', { name: /^Close / })).toHaveCount(2);
  await tabs.getByRole('button', { name: /^Close wine/ }).click();
  await expect(tabs.getByRole('button', { name: /^Close / })).toHaveCount(1);
  await app.run();
  expectOutputsClose(await app.downloadOutputs(), reference('iris-pipeline'), 1e-4);
});
