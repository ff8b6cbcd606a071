import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, PlaygroundPage } from './support/fixtures';

const tokenGru = readFileSync(new URL('../src/core/tensors/fixtures/models/token-gru/model.onnx', import.meta.url));

test('focus follows each answer, and a value past a declared limit can be predicted anyway, marked', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await expect(page.getByRole('heading', { name: 'iris-pipeline', level: 2 })).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Opened the example Iris pipeline.');
  await page.getByRole('tab', { name: 'Predict' }).click();
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Prediction', exact: true })).toBeFocused();
  await expect(page.locator('#announcer')).toHaveText('Prediction ready.');

  await page.getByRole('spinbutton', { name: 'sepal length (cm)' }).fill('9');
  await expect(page.getByTestId('input-errors')).toContainText('above the declared maximum 7.9');
  await expect(page.getByTestId('stale-result')).toContainText('From the previous input: the values have changed since.');
  await expect(page.getByRole('heading', { name: 'Prediction (from the previous input)' })).toBeVisible();
  await page.getByRole('button', { name: 'Predict anyway' }).click();
  await expect(page.getByRole('heading', { name: 'Prediction', exact: true })).toBeFocused();
  await expect(page.getByTestId('outside-range')).toContainText('Outside the training range (predicted anyway, past a declared limit)');
  await expect(page.getByTestId('outside-range')).toContainText('“sepal length (cm)” is 9, above the declared maximum 7.9');
  await expect(page.getByTestId('stale-result')).toHaveCount(0);

  await page.getByRole('button', { name: 'Check the claimed metrics' }).click();
  await expect(page.locator('#metrics-title')).toBeFocused();
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    expect((await new AxeBuilder({ page }).include('.predict').analyze()).violations).toEqual([]);
  }
});

test('a failed prediction shows its error beside Predict, in view and focused, and marks the previous result', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openFile('token-gru.onnx', tokenGru);
  await app.waitForModel();
  await page.getByRole('tab', { name: 'Predict' }).click();
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Prediction', exact: true })).toBeFocused();
  // Token 99 is past the GRU's 32-word embedding: onnxruntime fails at run time.
  const ids = Array.from({ length: 16 }, (_, i) => (i === 0 ? 99 : 1));
  await page.getByLabel('Values of input_ids as JSON (nested arrays)').fill(JSON.stringify([ids]));
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  const error = page.getByTestId('predict-error');
  await expect(error).toBeFocused();
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error).toContainText('The prediction failed.');
  await expect(error).toContainText('The result below is from the previous input.');
  await expect(error).toBeInViewport();
  await expect(page.getByTestId('stale-result')).toContainText('From the previous input: the last prediction failed.');
  await expect(page.locator('#announcer')).toHaveText('The prediction failed.');
});
