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

test('README screenshots: desktop and phone', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await app.goto();
  await page.getByLabel('Theme').selectOption('light');
  await app.openExample('Iris pipeline');
  await app.run();
  await page.screenshot({ path: 'docs/screenshot.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole('button', { name: /^Run on/ })).toBeInViewport({ ratio: 0 }).catch(() => undefined);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'no horizontal scrolling on a phone').toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'docs/screenshot-phone.png' });
});
