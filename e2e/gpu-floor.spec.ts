import { expect, PlaygroundPage, test } from './support/fixtures';

test('the WebGPU floor: per-launch cost from the probe, the model’s nodes × that cost, next to WASM’s p50 at batch 1, with a verdict', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  // WASM at batch 1 first, so that the floor has something to stand next to.
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  for (const box of await page.getByRole('checkbox', { name: /^WASM, \d+ threads?$/ }).all()) {
    await box.setChecked((await box.evaluate((el) => el.closest('label')?.textContent?.trim())) === 'WASM, 1 thread');
  }
  await page.getByRole('checkbox', { name: 'WebGPU', exact: true }).uncheck();
  await page.getByRole('textbox', { name: 'Batch sizes' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Runs per point', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Start benchmark' }).click();
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark finished.', { timeout: 60_000 });

  await page.getByRole('tab', { name: 'Speed' }).click();
  const panel = page.getByTestId('gpu-floor');
  await panel.getByRole('button', { name: 'Measure the WebGPU floor' }).click();
  const figures = page.getByTestId('gpu-floor-figures');
  await expect(figures).toContainText(/Per kernel launch\s*[\d.e-]+ ms \(p50 [\d.e-]+ ms with 4 nodes, [\d.e-]+ ms with 64\)/, { timeout: 120_000 });
  // Iris pipeline: 2 nodes (Scaler, LinearClassifier) besides the ZipMap ones, as the summary counts them.
  await expect(figures).toContainText(/This model\s*\d+ nodes × [\d.e-]+ ms = [\d.e-]+ ms/);
  await expect(figures).toContainText(/WASM p50 at batch 1\s*[\d.e-]+ ms \(benchmark of .*, 1 thread\)/);
  await expect(page.getByTestId('gpu-floor-verdict')).toHaveText(/^WebGPU can(not)? win at batch 1 .*This adapter emulates a GPU in software/);
});
