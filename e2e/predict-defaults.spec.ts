import { readFileSync } from 'node:fs';
import { test, expect, PlaygroundPage } from './support/fixtures';
import { linearRegressor } from './support/onnx-builder';

const tokenGru = readFileSync(new URL('../src/core/tensors/fixtures/models/token-gru/model.onnx', import.meta.url));

async function toPredict(app: PlaygroundPage): Promise<void> {
  await app.waitForModel();
  await app.page.getByRole('tab', { name: 'Predict' }).click();
  await expect(app.page.getByRole('button', { name: 'Predict', exact: true })).toBeEnabled();
}

test('wide and sequence models open ready to predict: tensors, prefilled, sizes from the metadata', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // The 64-pixel MLP: its example as one tensor, not 64 fields on a very long page.
  await app.openExample('Large digits MLP');
  await toPredict(app);
  await expect(page.getByRole('radio', { name: 'as tensors' })).toBeChecked();
  await expect(page.getByTestId('feature-form')).toHaveCount(0);
  await expect(page.getByTestId('input-errors')).toHaveCount(0);
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-class')).toContainText('Predicted class:');
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(4000);

  // 256 unnamed features: seeded values, said so, runnable at once.
  await page.getByRole('button', { name: '+ Open another' }).click();
  await app.openFile('wide.onnx', Buffer.from(linearRegressor(Array.from({ length: 256 }, (_, i) => (i % 5) / 10), 0.5)));
  await toPredict(app);
  await expect(page.getByTestId('fill-note')).toContainText('seeded random values, the same every time');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-value')).toContainText('Predicted variable:');

  // A GRU over token ids, its sequence length and vocabulary in metadata.json.
  await page.getByRole('button', { name: '+ Open another' }).click();
  await page.getByTestId('open-model-input').setInputFiles([
    { name: 'model.onnx', mimeType: 'application/octet-stream', buffer: tokenGru },
    { name: 'metadata.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ max_sequence_length: 24, vocab_size: 32 })) },
  ]);
  await toPredict(app);
  await expect(page.getByRole('spinbutton', { name: /^seq/ })).toHaveValue('24');
  await expect(page.getByTestId('dim-origin-seq')).toHaveText('from metadata.json max_sequence_length');
  await expect(page.getByText('Now: seeded random token ids 0–31 (metadata.json vocab_size 32), shape [1, 24].')).toBeVisible();
  await expect(page.getByText('Now: ones (an attention mask that keeps every position), shape [1, 24].')).toBeVisible();
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predict-result')).toContainText('scores');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
