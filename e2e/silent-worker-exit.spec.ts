import { expect, expectOutputsClose, PlaygroundPage, reference, test } from './support/fixtures';

// Issue 14: a worker that exits without an 'error' event used to leave every later run and
// load waiting forever. Each engine worker holds a Web Lock for life; the page queues for it
// and is granted it the moment the worker ends (src/app/engine/worker-death.ts).
test('an engine worker that exits silently in the middle of a Run is reported, and the next Run works', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await app.run();
  const engine = page.workers().find((w) => w.url().includes('wasm.worker'));
  expect(engine, 'the WASM engine worker').toBeTruthy();

  // Keep the worker busy for 1.5 s (as a long run would), then make it exit without an
  // error event; the Run clicked meanwhile is queued in the worker and never answered.
  await engine!.evaluate(() => {
    setTimeout(() => {
      const until = Date.now() + 1500;
      while (Date.now() < until);
      self.close();
    });
  });
  const run = page.getByRole('button', { name: /^Run on/ });
  await run.click();
  const reported = app.alert(/The wasm-\d+ engine exited without reporting an error/);
  await expect(reported.first()).toBeVisible({ timeout: 10_000 });
  await expect(reported.first()).toContainText('other models are unaffected');
  await expect(run).toBeEnabled();

  // The one after starts a fresh engine and gives the right answer.
  await app.run();
  expectOutputsClose(await app.downloadOutputs(), reference('iris-pipeline'), 1e-4);
  expect(page.workers().filter((w) => w.url().includes('wasm.worker'))).toHaveLength(1);
});
