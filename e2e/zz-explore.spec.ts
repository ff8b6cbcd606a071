import { expect, PlaygroundPage, test } from './support/fixtures';

test('explore', async ({ page }) => {
  test.setTimeout(300_000);
  const app = new PlaygroundPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.goto();
  await page.screenshot({ path: '/tmp/issue12/landing.png', fullPage: true });
  await app.openExample('Iris pipeline');
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  for (const box of await page.getByRole('checkbox', { name: /^WASM, \d+ threads?$/ }).all()) await box.check();
  await page.getByRole('checkbox', { name: 'WebGPU' }).check();
  await page.getByRole('textbox', { name: 'Batch sizes' }).fill('1, 8, 32');
  await page.getByRole('spinbutton', { name: 'Runs per point', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Start benchmark' }).click();
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark finished.', { timeout: 200_000 });
  await page.waitForTimeout(1000);
  console.log(await page.getByTestId('benchmark-verdict').innerText());
  await page.getByTestId('benchmark-results').screenshot({ path: '/tmp/issue12/bench.png' });
  await page.getByRole('tab', { name: 'Drift' }).click();
  await page.getByRole('button', { name: 'Try the package’s production sample' }).click();
  await expect(page.getByTestId('drift-summary')).toBeVisible({ timeout: 60_000 });
  console.log(await page.getByTestId('drift-summary').innerText());
  await page.screenshot({ path: '/tmp/issue12/drift.png', fullPage: true });
  await page.getByRole('button', { name: '+ Open another' }).click();
  await app.openExample('Iris pipeline');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: '/tmp/issue12/phone.png' });
});

import { savedRun, storeRuns, around } from './support/saved-runs';
test('dom', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await storeRuns(page, [savedRun('x', 'iris-pipeline', [{ backend: 'wasm', threads: 1, points: { 1: around(1, 0.1), 8: around(4, 0.1), 32: around(9, 0.1) } }])]);
  await page.reload();
  await app.openExample('Iris pipeline');
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  await page.getByTestId('saved-runs').getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('throughput-chart').getByRole('application')).toBeVisible();
  console.log((await page.getByTestId('throughput-chart').innerHTML()).replace(/.*?recharts-line-dots/s, '').slice(0, 3000));
});
