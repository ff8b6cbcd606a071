import { test, expect, PlaygroundPage, reference, expectOutputsClose } from './support/fixtures';

const PAGES = `http://localhost:${Number(process.env.E2E_PAGES_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 1)}/onnx-playground/`;
test.use({ appOrigins: [new URL(PAGES).origin] });

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
  const app = new PlaygroundPage(page);
  await app.goto();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await app.openExample('Iris pipeline');
  await app.run();
  await context.setOffline(true);
  try {
    await page.reload();
    await app.openExample('Iris pipeline');
    await app.run();
    expectOutputsClose(await app.downloadOutputs(), reference('iris-pipeline'), 1e-4);
  } finally {
    await context.setOffline(false);
  }
});
