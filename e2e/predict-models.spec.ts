import AxeBuilder from '@axe-core/playwright';
import { test, expect, PlaygroundPage } from './support/fixtures';
import { linearRegressor, twoInputModel, zipMapClassifier } from './support/onnx-builder';

async function openBuilt(app: PlaygroundPage, name: string, bytes: Uint8Array): Promise<void> {
  await app.goto();
  await app.openFile(name, Buffer.from(bytes));
  await app.waitForModel();
  await app.page.getByRole('tab', { name: 'Predict' }).click();
  await expect(app.page.getByRole('button', { name: 'Predict', exact: true })).toBeVisible();
}

test('an sklearn-onnx classifier with ZipMap: label and probabilities are read, though the maps cannot be', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openBuilt(app, 'zipmap.onnx', zipMapClassifier(['setosa', 'versicolor', 'virginica']));
  // No metadata: the four columns of [N, 4] are numbered.
  await expect(page.getByText('The package names no features, so they are numbered.')).toBeVisible();
  for (const [i, v] of ['0.1', '0.2', '3', '0.3'].entries()) await page.getByRole('spinbutton', { name: `feature_${i}` }).fill(v);
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-class')).toContainText('Predicted class: virginica (probability 0.');
  await expect(page.getByTestId('top-k')).toContainText('setosa');
  await expect(page.getByText('“output_probability” is a sequence or map output')).toBeVisible();
  await expect(page.getByText('the same probabilities are read from “probabilities”')).toBeVisible();
  // The one-shot Run tab works too (it used to fail on the map output).
  await page.getByRole('tab', { name: 'Run' }).click();
  await app.run();
  await expect(page.getByTestId('outputs')).toContainText('probabilities');
});

test('a classifier whose labels are 1, 2, 3: each row is named as the model labels it, true labels written 1.0 count, and a label it cannot read is left out, said, and blocks no row', async ({ page }) => {
  const app = new PlaygroundPage(page);
  // sklearn-onnx classlabels 1, 2, 3: the largest of three features wins.
  await openBuilt(app, 'labels.onnx', zipMapClassifier([1, 2, 3], 3));
  for (const [i, v] of ['0', '7', '1'].entries()) await page.getByRole('spinbutton', { name: `feature_${i}` }).fill(v);
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-class')).toContainText('Predicted class: 2 (probability 0.99');
  // pandas writes 1 as 1.0 once the column held a NaN; "7" is no class of this model.
  const csv = ['a,b,c,target', '9,0,0,1.0', '0,9,0,2', '0,0,9,3.0', '9,0,0,1', '0,0,9,7'].join('\n');
  await page.getByTestId('batch-file-input').setInputFiles({ name: 'labels.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
  await expect(page.getByTestId('batch-status')).toContainText('5 of 5 rows scored');
  const table = page.getByTestId('batch-table');
  for (const [row, name] of [[1, '1'], [2, '2'], [3, '3'], [4, '1'], [5, '3']] as const) await expect(table.getByRole('row', { name: new RegExp(`^${row} `) })).toContainText(name);
  const metrics = page.getByTestId('metrics-check');
  await expect(metrics.getByRole('heading')).toContainText('4 of 5 labelled rows');
  await expect(metrics.getByRole('definition').nth(0)).toHaveText('1.0000');
  await expect(page.getByTestId('metrics-coverage')).toContainText('1 labelled row left out');
  await expect(page.getByTestId('confusion-matrix').locator('tbody td')).toHaveText(['2', '0', '0', '0', '1', '0', '0', '0', '1']);
});

test('a regressor: the value with its name, and RMSE / MAE / R² for a labelled file', async ({ page }) => {
  const app = new PlaygroundPage(page);
  // y = 2·x0 − x1 + 0.5
  await openBuilt(app, 'regressor.onnx', linearRegressor([2, -1], 0.5));
  await page.getByRole('spinbutton', { name: 'feature_0' }).fill('3');
  await page.getByRole('spinbutton', { name: 'feature_1' }).fill('1');
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-value')).toContainText('Predicted variable: 5.5');
  // Columns without feature names are taken in order; y is the label, off by 1 on one row in four.
  const rows = Array.from({ length: 8 }, (_, i) => `${i},${i % 3},${2 * i - (i % 3) + 0.5 + (i % 4 === 0 ? 1 : 0)}`);
  await page.getByTestId('batch-file-input').setInputFiles({ name: 'reg.csv', mimeType: 'text/csv', buffer: Buffer.from(['a,b,y', ...rows].join('\n')) });
  await expect(page.getByTestId('batch-status')).toContainText('8 of 8 rows scored');
  const metrics = page.getByTestId('metrics-check');
  // Two errors of 1 in 8 rows: RMSE = sqrt(2/8) = 0.5, MAE = 0.25.
  await expect(metrics.getByRole('definition').nth(0)).toHaveText('0.5000');
  await expect(metrics.getByRole('definition').nth(1)).toHaveText('0.2500');
});

test('an input per feature (float32 p, int64 q): a value its input cannot hold is refused with what would have happened, in the form and in a file', async ({ page }) => {
  const app = new PlaygroundPage(page);
  // variable = 2·p + q, and q echoed back.
  await openBuilt(app, 'two-inputs.onnx', twoInputModel());
  const predict = page.getByRole('button', { name: 'Predict', exact: true });
  await page.getByRole('spinbutton', { name: 'p', exact: true }).fill('1e39');
  await page.getByRole('spinbutton', { name: 'q', exact: true }).fill('3');
  await expect(app.alert(/“p” is 1e\+39, outside what its float32 input holds \(-3\.4028235e\+38 to 3\.4028235e\+38\): it would become Infinity/)).toBeVisible();
  await expect(predict).toBeDisabled();
  await page.getByRole('spinbutton', { name: 'p', exact: true }).fill('1.25');
  await expect(page.getByTestId('input-errors')).toHaveCount(0);
  await predict.click();
  await expect(page.getByTestId('predicted-value')).toContainText('Predicted variable: 5.5');
  // A file: two rows run, two are refused, each with its reason on screen; none is fed changed.
  const csv = ['q,p', '3,1.5', '3,1e39', '9007199254740993,2', '4,2.5'].join('\n');
  await page.getByTestId('batch-file-input').setInputFiles({ name: 'limits.csv', mimeType: 'text/csv', buffer: Buffer.from(`${csv}\n`) });
  await expect(page.getByTestId('batch-status')).toContainText('2 of 4 rows scored, 2 not scored');
  const table = page.getByTestId('batch-table');
  await expect(table.getByRole('button', { name: /^Row 2, not scored: “p” is 1e\+39, outside what its float32 input holds/ })).toBeVisible();
  await expect(table.getByRole('button', { name: /^Row 3, not scored: “q” is 9,007,199,254,740,992, past 2\^53 − 1/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /^1 / })).toContainText('6');
  await expect(table.getByRole('row', { name: /^4 / })).toContainText('9');
});

test('the Predict tab has no axe violations, in light and dark themes', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await page.getByRole('tab', { name: 'Predict' }).click();
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('probability-chart')).toBeVisible();
  await page.getByRole('button', { name: 'Check the claimed metrics' }).click();
  await expect(page.getByTestId('metrics-verdict')).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scrolling on a phone').toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: '+ Open another' }).click();
  await app.openExample('Handwritten digits CNN');
  await page.getByRole('tab', { name: 'Predict' }).click();
  await expect(page.getByTestId('draw-pad')).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});
