import { refuseInPage } from '../cli/batch-refusal-probe.mjs';
import { recordLongTasks } from '../cli/scoring-probe.mjs';
import { test, expect, PlaygroundPage } from './support/fixtures';

// Issue 14: batch 250,000 of the large MLP once froze the page for 23.5 s while its random inputs
// were built on the main thread, and 300,000 left the button at "Running…" for ever. Now the Run
// weighs what the batch must hold at once at the least (inputs, and the values its largest step
// cannot share a buffer for, from the graph's shapes) against the 4 GiB WebAssembly heap and refuses
// at once, beside the Run button, sending nothing.
test.beforeEach(async ({ page }) => {
  await recordLongTasks(page);
});

test('batch 300,000 of the large MLP is refused at once with the figures; a batch that fits still runs', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Large digits MLP');
  const runPanel = page.locator('section[aria-labelledby="run-title"]');
  await runPanel.getByRole('radio', { name: 'random' }).check();
  const workers = page.workers().length;

  const probe = await refuseInPage(page, 'batch', 300_000);
  const refusal = runPanel.getByRole('alert');
  await expect(refusal).toContainText(
    'Batch 300,000 needs at least 4.6 GB of memory (inputs 73.2 MB, and 4.6 GB that its largest step must hold at once with the outputs made by then); this browser’s WebAssembly memory is 4.0 GB at most',
  );
  await expect(refusal).toContainText('the largest batch that might fit is about 240,000. Nothing was sent to the engine. Set “batch” to 240,000 or less');
  const longest = Math.max(0, ...probe.longTasks.map((t) => t.duration));
  console.log(`batch 300,000 refused in ${probe.elapsedMs.toFixed(0)} ms (the click's own work ${probe.clickMs.toFixed(0)} ms); longest main-thread task from the click to 500 ms after: ${longest === 0 ? '< 50' : longest.toFixed(0)} ms`);
  expect(probe.elapsedMs).toBeLessThan(1000);
  expect(longest).toBeLessThan(50);
  await expect(page.getByRole('button', { name: /^Run on/ })).toBeEnabled();
  await expect(page.getByTestId('outputs')).toHaveCount(0);
  expect(page.workers().length).toBe(workers);

  // Between the floor and the estimate: a warning with both figures and Run anyway, nothing sent yet.
  await runPanel.getByRole('spinbutton', { name: 'batch' }).fill('240100');
  await page.getByRole('button', { name: /^Run on/ }).click();
  await expect(refusal).toContainText('Batch 240,100 may not fit in memory: about 3.');
  await expect(refusal).toContainText('Nothing was sent to the engine yet. Run anyway to try');
  await expect(refusal.getByRole('button', { name: 'Run anyway' })).toBeVisible();
  await expect(page.getByTestId('outputs')).toHaveCount(0);
  expect(page.workers().length).toBe(workers);

  // Changing the size clears the refusal; a batch that fits runs, with random inputs made in slices.
  await runPanel.getByRole('spinbutton', { name: 'batch' }).fill('2000');
  await expect(refusal).toHaveCount(0);
  await app.run();
  await expect(page.getByTestId('outputs')).toContainText('[2000, 10]');
});
