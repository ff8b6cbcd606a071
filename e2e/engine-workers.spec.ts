import { expect, PlaygroundPage, test } from './support/fixtures';

test('the workers of a finished benchmark end once idle, and the Speed tab’s memory figures show it', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  await expect(page.getByRole('heading', { name: 'Benchmark setup' })).toBeVisible();
  // Every WASM configuration this browser offers, and the model's own (WASM, 1 thread) holds its session.
  const boxes = await page.getByRole('checkbox', { name: /^WASM, \d+ threads?$/ }).all();
  for (const box of boxes) await box.check();
  await page.getByRole('textbox', { name: 'Batch sizes' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Warm-up runs per point' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Runs per point', exact: true }).fill('5');
  await page.getByRole('button', { name: 'Start benchmark' }).click();
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark finished.', { timeout: 90_000 });

  await page.getByRole('tab', { name: 'Speed' }).click();
  const workers = page.getByTestId('engine-workers');
  // Right after: the worker holding the model stays; a benchmark-only worker, if any, is on its way out.
  await expect(workers).toContainText(/wasm-\d+ \(1 model loaded\)/);
  if (boxes.length > 1) await expect(workers).toContainText('(idle, ends shortly)');
  // After the idle timeout (10 s), only the worker that holds the model is left.
  await expect(workers).toHaveText(/^wasm-\d+ \(1 model loaded\)$/, { timeout: 30_000 });
});
