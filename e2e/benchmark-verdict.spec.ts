import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { around, savedRun, storeRuns } from './support/saved-runs';
import { expect, PlaygroundPage, test } from './support/fixtures';

// Saved runs with samples chosen here, shown through the app's own "Show": the verdict on them is known in advance.
const CLEAR = savedRun('fixture-clear', 'iris-pipeline', [
  { backend: 'wasm', threads: 1, points: { 1: around(1.6, 0.05), 8: around(6, 0.2), 32: around(40, 1) } },
  { backend: 'wasm', threads: 2, points: { 1: around(1.15, 0.05), 8: around(4, 0.2), 32: around(25, 1) } },
  { backend: 'webgpu', threads: 1, points: { 1: around(31, 1), 8: around(300, 10), 32: around(5750, 50) } },
]);
const SAME = around(2, 0.2, 20);
const NOISE = savedRun('fixture-noise', 'iris-pipeline', [
  { backend: 'wasm', threads: 1, points: { 1: SAME, 8: around(9, 2.5, 20) } },
  { backend: 'wasm', threads: 2, points: { 1: [...SAME], 8: around(9.1, 2.5, 20) } },
]);

/** Shows one of the two fixture runs (both dated 2026-03-04 05:06): the clear one is the one with WebGPU. */
async function showSavedRun(page: Page, which: 'clear' | 'noise'): Promise<Locator> {
  const app = new PlaygroundPage(page);
  await app.goto();
  await storeRuns(page, [CLEAR, NOISE]);
  await page.reload();
  await app.openExample('Iris pipeline');
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  const items = page.getByTestId('saved-runs').getByRole('listitem');
  const saved = which === 'clear' ? items.filter({ hasText: 'WebGPU' }) : items.filter({ hasNotText: 'WebGPU' });
  await saved.getByRole('button', { name: 'Show' }).click();
  return page.getByTestId('benchmark-verdict');
}

/** The horizontal positions of a line chart's markers, one series' markers in batch order. */
async function markerXs(chart: Locator): Promise<number[]> {
  const series = chart.locator('.recharts-line-dots').first();
  return series.locator('.recharts-symbols').evaluateAll((paths) => paths.map((p) => Number(p.getAttribute('cx'))));
}

test('a clear winner: named with its uncertainty, the others’ slowdown, above log–log charts', async ({ page }) => {
  const verdict = await showSavedRun(page, 'clear');
  await expect(page.getByTestId('benchmark-verdict-text')).toHaveText(
    'Fastest at batch 1 and at every batch size measured: WASM, 2 threads (p50 1.150 ms, ±0.019); WASM, 1 thread is 1.4–1.6× slower, WebGPU (software emulation here) 27–230× slower. Most samples per second: WASM, 2 threads at batch 8 (about 2,000 per second, 2.3× its rate at batch 1).',
  );
  await expect(page.getByTestId('benchmark-cautions')).toHaveCount(0);
  await expect(verdict.getByTestId('benchmark-adapter')).toContainText('is a software emulation');
  // The verdict comes before the charts.
  const [verdictBox, chartsBox] = await Promise.all([verdict.boundingBox(), page.getByTestId('benchmark-charts').boundingBox()]);
  expect(verdictBox!.y).toBeLessThan(chartsBox!.y);
  // Each p50 with its ± in the table.
  await expect(page.getByTestId('benchmark-table').getByRole('columnheader', { name: 'p50 ± (95 %)' })).toBeVisible();
  await expect(page.getByTestId('benchmark-table').locator('tbody tr').first()).toContainText('±0.019');

  // Both axes logarithmic: batch 1, 8, 32 sit at log distances (8 is 3/5 of the way to 32, not 7/31 or 1/2).
  for (const id of ['throughput-chart', 'per-sample-chart']) {
    const chart = page.getByTestId(id);
    await expect(chart).toHaveAttribute('data-x-scale', 'log');
    await expect(chart).toHaveAttribute('data-y-scale', 'log');
    const [x1, x8, x32] = await markerXs(chart);
    expect((x8! - x1!) / (x32! - x1!)).toBeCloseTo(Math.log(8) / Math.log(32), 2);
    // Straight segments, not smoothed curves: every path command after the first is a line-to.
    const d = (await chart.locator('.recharts-line-curve').first().getAttribute('d'))!;
    expect(d).toMatch(/^M[\d.,\s-]+(L[\d.,\s-]+)+$/);
    // Every series is named where it ends, and has its own marker shape.
    await expect(chart.locator('.series-label')).toHaveCount(3);
    const shapes = await chart.locator('.recharts-line-dots').evaluateAll((groups) => groups.map((g) => g.querySelector('.recharts-symbols')?.getAttribute('d')?.slice(0, 12)));
    expect(new Set(shapes).size).toBe(3);
  }
  // WebGPU's throughput (about 1 sample/ms) is a visible marker far below WASM's, not flattened onto 0.
  const throughput = page.getByTestId('throughput-chart');
  const ys = await throughput.locator('.recharts-line-dots').evaluateAll((groups) => groups.map((g) => Number(g.querySelector('.recharts-symbols')?.getAttribute('cy'))));
  expect(ys[2]! - ys[1]!).toBeGreaterThan(40);
  await expect(page.getByTestId('throughput-dots')).toHaveAttribute('data-x-scale', 'log');
});

test('two setups within noise: no winner named, and the runs that would settle it; axe clean in light and dark', async ({ page }) => {
  await showSavedRun(page, 'noise');
  const text = page.getByTestId('benchmark-verdict-text');
  await expect(text).toHaveText(
    'At batch 1 and at every batch size measured, WASM, 1 thread (p50 2.000 ms, ±0.095) and WASM, 2 threads (p50 2.000 ms, ±0.095) are within noise of each other: no winner. Their p50s differ by nothing; telling them apart would take more than 100,000 runs per point: treat them as equally fast here. Most samples per second: WASM, 1 thread and WASM, 2 threads alike at batch 8 (about 889 per second, 1.8× the rate at batch 1) — the largest batch measured, so a larger one may do better still.',
  );
  await expect(text).not.toContainText('Fastest');
  // Batch 8's spread is ±5 % of 9 ms or more: said, with the runs that would pin it.
  await expect(page.getByTestId('benchmark-cautions')).toContainText(/WASM, 1 thread at batch 8: its p50 \(9\.0 ms\) is only known to ±[\d.]+ ms \(±\d+ %\) from 20 runs; about [\d,]+ runs would pin it to ±5 %\./);
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    const axe = await new AxeBuilder({ page }).include('.tab-panel').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('a cancelled benchmark leaves the previous results labelled as the previous run', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  for (const box of await page.getByRole('checkbox', { name: /^WASM, \d+ threads?$/ }).all()) await box.setChecked((await box.evaluate((el) => el.parentElement?.textContent ?? '')).includes('1 thread'));
  await page.getByRole('checkbox', { name: 'WebGPU' }).setChecked(false);
  await page.getByRole('textbox', { name: 'Batch sizes' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Runs per point', exact: true }).fill('10');
  await page.getByRole('button', { name: 'Start benchmark' }).click();
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark finished.', { timeout: 120_000 });
  await expect(page.getByRole('heading', { name: /^Results · / })).toBeVisible();
  await expect(page.getByTestId('benchmark-previous')).toHaveCount(0);

  // A long one, cancelled in its first point: nothing measured, and the run on screen is the previous one, and says so.
  await page.getByRole('spinbutton', { name: 'Runs per point', exact: true }).fill('100000');
  await page.getByRole('button', { name: 'Start benchmark' }).click();
  await expect(page.getByTestId('benchmark-progress')).toContainText('measuring', { timeout: 60_000 });
  await expect(page.getByTestId('benchmark-previous')).toContainText('not of the benchmark now measuring');
  await page.getByRole('button', { name: 'Cancel benchmark' }).click();
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark cancelled before any point was measured.');
  await expect(page.getByRole('heading', { name: /^Previous run · / })).toBeVisible();
  await expect(page.getByTestId('benchmark-previous')).toHaveText(/^These are the results of the previous run \(.*\): the latest benchmark measured nothing\.$/);
});
