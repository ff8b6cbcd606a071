import { test, expect, PlaygroundPage } from './support/fixtures';

test('the address follows the example, tab and backend, and a reload reopens them', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await expect(page).toHaveURL(/\/$/);
  await app.openExample('Iris pipeline');
  await expect(page).toHaveURL(/\?example=iris-pipeline&tab=run&backend=wasm/);
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page).toHaveURL(/\?example=iris-pipeline&tab=inspect&backend=wasm/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'iris-pipeline', level: 2 })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('tab', { name: 'Inspect' })).toHaveAttribute('aria-selected', 'true');
});

test('a shared link opens its tab and waits; with run it starts the work, once', async ({ page }) => {
  const app = new PlaygroundPage(page);
  // A shared link to the Predict tab opens it ready, and waits.
  await app.goto('?example=iris-pipeline&tab=predict');
  await expect(page.getByRole('button', { name: 'Predict', exact: true })).toBeEnabled({ timeout: 60_000 });
  await expect(page.getByTestId('predict-result')).toHaveCount(0);
  // With run, it predicts; the address then drops run, so a reload does not predict again.
  await app.goto('?example=iris-pipeline&tab=predict&run=1');
  await expect(page.getByTestId('predicted-class')).toContainText('Predicted class:', { timeout: 60_000 });
  await expect(page).toHaveURL(/\?example=iris-pipeline&tab=predict&backend=wasm/);
  await expect(page).not.toHaveURL(/run=/);
  // A malformed address opens the start page, not an error.
  await app.goto('?example=../../secret&tab=admin');
  await expect(page.getByRole('heading', { name: 'Or try an example' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
