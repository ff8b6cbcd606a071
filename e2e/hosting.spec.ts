import { test, expect, PlaygroundPage, reference, expectOutputsClose } from './support/fixtures';

const PAGES = `http://localhost:${Number(process.env.E2E_PAGES_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 1)}/onnx-playground/`;
// The service worker is what these tests are about (the other specs block it: playwright.config.ts).
test.use({ appOrigins: [new URL(PAGES).origin], serviceWorkers: 'allow' });

test('on a sub-path host without isolation headers, the service worker supplies them and threads come on', async ({ page }) => {
  await page.goto(PAGES);
  // First load registers the worker and reloads once under it.
  await expect.poll(() => page.evaluate(() => self.crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
  await page.waitForLoadState('load');
  await expect(page.getByTestId('threading-mode')).toContainText('multi-threading on');
  const app = new PlaygroundPage(page);
  await page.getByRole('combobox', { name: 'WASM threads' }).selectOption('2');
  await app.openExample('Iris pipeline');
  await app.run();
  await expect(page.getByTestId('outputs')).toContainText('2 threads');
  expectOutputsClose(await app.downloadOutputs(), reference('iris-pipeline'), 1e-4);
});

test('after a first visit the app works with the network cut', async ({ page, context }) => {
  // Two full visits, the first also filling the cache: more than one visit's time when the cores are shared.
  test.setTimeout(180_000);
  const app = new PlaygroundPage(page);
  await test.step('first visit, under the service worker', async () => {
    await app.goto();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await app.openExample('Iris pipeline');
    await app.run();
  });
  // No try/finally to go back online: the context ends with the test, and a finally would hide where a timeout struck.
  await context.setOffline(true);
  await test.step('offline: reload', () => page.reload());
  // The address names the example, so the reload reopens it from the cache.
  await expect(page).toHaveURL(/example=iris-pipeline/);
  await test.step('offline: the example reopens from its address', () => app.waitForModel());
  await test.step('offline: run it', () => app.run());
  expectOutputsClose(await app.downloadOutputs(), reference('iris-pipeline'), 1e-4);
});
