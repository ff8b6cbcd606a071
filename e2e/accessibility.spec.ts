import AxeBuilder from '@axe-core/playwright';
import { test, expect, PlaygroundPage } from './support/fixtures';

test('landing page and model view have no axe violations, in light and dark themes', async ({ page }) => {
  const app = new PlaygroundPage(page);
  for (const theme of ['light', 'dark'] as const) {
    await app.goto();
    await page.getByLabel('Theme').selectOption(theme);
    await expect(page.getByRole('button', { name: /Open example/ }).first()).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  }
  await app.openExample('Iris pipeline');
  await app.run();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('the app is operable by keyboard alone: open an example and run it', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const card = page.getByRole('button', { name: 'Open example Iris pipeline' });
  await expect(card).toBeVisible();
  for (let i = 0; i < 30 && !(await card.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(card).toBeFocused();
  await page.keyboard.press('Enter');
  const run = page.getByRole('button', { name: /^Run on/ });
  await expect(run).toBeVisible();
  await run.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('outputs')).toBeVisible();
});

// The README's pictures are rewritten only when asked (UPDATE_SCREENSHOTS=1); otherwise they go to the test's output folder.
const screenshotPath = (name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/${name}` : test.info().outputPath(name));

test('README screenshots: desktop and phone', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.goto();
  await page.getByLabel('Theme').selectOption('light');
  await app.openExample('Iris pipeline');
  await app.run();
  await page.screenshot({ path: screenshotPath('screenshot.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: /^Run on/ })).toBeInViewport({ ratio: 0 }).catch(() => undefined);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scrolling on a phone').toBeLessThanOrEqual(0);
  await page.screenshot({ path: screenshotPath('screenshot-phone.png') });
});

test('a skip link, first in the tab order, moves focus past the header to the content', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await expect(page.getByRole('button', { name: /Open example/ }).first()).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab lands in the content, not back in the header's backend picker.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement))).toBe(true);
});

test('a flagged row says why in its status cell, and the whole reason is reachable by keyboard', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await page.getByRole('tab', { name: 'Predict' }).click();
  const csv = ['sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)', '5.1,3.5,1.4,0.2', '5.9,3.0,9.9,1.8', '6.0,abc,4.5,1.5'].join('\n');
  await page.getByTestId('batch-file-input').setInputFiles({ name: 'flagged.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const table = page.getByTestId('batch-table');
  await expect(table.getByRole('row')).toHaveCount(4);
  // Visible in the row itself, not only in a hover tooltip.
  const warned = table.getByRole('row').nth(2);
  // Named with its row, for a screen reader tabbing through a long table.
  const reason = warned.getByRole('button', { name: /^Row 2, warning: / });
  await expect(reason).toBeVisible();
  await expect(reason).toContainText('petal length (cm)');
  await expect(table.getByRole('row').nth(3).getByRole('button', { name: /^Row 3, not scored: / })).toBeVisible();
  await expect(table.getByRole('row').nth(1).getByRole('cell').last()).toHaveText('ok');
  // By keyboard: from the table, Tab reaches the first reason; the full text shows below the table.
  await table.focus();
  await page.keyboard.press('Tab');
  await expect(reason).toBeFocused();
  const full = page.getByTestId('row-reason');
  await expect(full).toHaveText(new RegExp(`^Row 2, warning: .*petal length \\(cm\\)`));
  await page.keyboard.press('Tab');
  await expect(full).toHaveText(/^Row 3, not scored: .*sepal width \(cm\)/);
  expect((await new AxeBuilder({ page }).include('.tab-panel').analyze()).violations).toEqual([]);
});
