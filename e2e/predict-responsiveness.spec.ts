import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from '../cli/chromium-path.mjs';
import { recordLongTasks, repeatRows, scoreInPage } from '../cli/scoring-probe.mjs';
import { test, expect, PlaygroundPage } from './support/fixtures';

// --expose-gc lets the probe collect its own garbage (the big file it builds) before measuring the app.
test.use({ launchOptions: { executablePath: findChromium() ?? undefined, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] } });

const IRIS_CSV = readFileSync(new URL('../public/examples/iris-pipeline/test.csv', import.meta.url), 'utf8');
const ROWS = 100_000;

/**
 * The figures against the targets (no task over 50 ms, half the engine's own rows/s) are
 * `npm run bench:responsiveness`'s job: on a shared machine the scheduler alone stretches
 * tasks. Asserted here is what no machine excuses: the rows went to the worker in many
 * chunks, the page painted its progress while they did, and it never froze for a second.
 */
const FROZEN_MS = 1000;

test('100,000 rows: scored in the worker in chunks while the page stays responsive; results download as CSV and JSON', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await recordLongTasks(page);
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await page.getByRole('tab', { name: 'Predict' }).click();
  await expect(page.getByRole('heading', { name: 'Score a file' })).toBeVisible();

  const probe = await scoreInPage(page, 'iris-100k.csv', repeatRows(IRIS_CSV, ROWS), ROWS, 240_000);
  const longest = Math.max(0, ...probe.longTasks.map((t) => t.duration));
  testInfo.annotations.push({
    type: 'scoring 100,000 rows',
    description: `${Math.round((ROWS / probe.elapsedMs) * 1000)} rows/s; ${probe.chunkRows.length} engine calls; ${probe.longTasks.length} tasks over 50 ms, longest ${longest.toFixed(0)} ms; progress painted ${probe.progress.length} times`,
  });
  expect(probe.chunkRows.reduce((n, r) => n + r, 0), 'every row went to the engine').toBe(ROWS);
  expect(probe.chunkRows.length, 'in many engine calls, none larger than the pipeline allows').toBeGreaterThanOrEqual(50);
  expect(Math.max(...probe.chunkRows)).toBeLessThanOrEqual(1024);
  // 100,000 rows take about half a second in the worker; chunks come every 50 ms and the bar moves
  // 20 times a second (sampled here every 50 ms): three positions between empty and full is the least.
  expect(probe.progress.length, 'the progress bar moved while scoring').toBeGreaterThanOrEqual(3);
  expect(longest, 'no main-thread task froze the page').toBeLessThan(FROZEN_MS);
  await expect(page.getByTestId('metrics-verdict')).toBeVisible();
  // The virtualised table holds only the rows in view.
  const table = page.getByTestId('batch-table');
  expect(await table.getByRole('row').count()).toBeLessThan(80);
  // Rows are found by arithmetic as the table scrolls: the middle and the very last row are reached.
  await table.evaluate((el) => (el.scrollTop = 30 * 50_000));
  await expect(table.locator('[aria-rowindex="50002"] [role="cell"]').first()).toHaveText('50001');
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(table.locator(`[aria-rowindex="${ROWS + 1}"] [role="cell"]`).first()).toHaveText(String(ROWS));
  expect(await table.getByRole('row').count()).toBeLessThan(80);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download predictions (CSV)' }).click()]);
  const csv = readFileSync((await csvDownload.path())!, 'utf8').trim().split('\n');
  expect(csv).toHaveLength(ROWS + 1);
  expect(csv[0]).toBe('sepal length (cm),sepal width (cm),petal length (cm),petal width (cm),target,prediction,confidence,probability_setosa,probability_versicolor,probability_virginica,status,note');
  expect(csv[1]).toMatch(/^7\.3,2\.9,6\.3,1\.8,2,virginica,/);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download predictions (JSON)' }).click()]);
  const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { row: number; prediction: string }[];
  expect(json).toHaveLength(ROWS);
  expect(json[0]).toMatchObject({ row: 1, prediction: 'virginica', status: 'ok' });
});
