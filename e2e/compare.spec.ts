import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, PlaygroundPage, test } from './support/fixtures';

async function openCompare(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Open models' }).getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Compare models' })).toBeVisible();
}

async function compare(page: Page, count: number, runs: number, budgetMs: number): Promise<void> {
  await page.getByRole('spinbutton', { name: 'Timed runs per model' }).fill(String(runs));
  await page.getByRole('spinbutton', { name: 'Latency budget (ms)' }).fill(String(budgetMs));
  await page.getByRole('button', { name: `Compare ${count} models` }).click();
  await expect(page.getByTestId('compare-progress')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Results', exact: true })).toBeVisible({ timeout: 120_000 });
}

test('the iris family: frontier chart, Pareto marks and the best model under the budget', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.chooseBackend('WASM');
  await app.openExample('Iris pipeline');
  await openCompare(page);
  // One model open: the other two come with the shortcut, and all three are selected.
  await page.getByRole('button', { name: 'Open the iris family' }).click();
  const tabs = page.getByRole('navigation', { name: 'Open models' });
  await expect(tabs.getByRole('button', { name: /^Close / })).toHaveCount(3, { timeout: 60_000 });
  const picker = page.getByRole('group', { name: 'Models to compare' });
  await expect(picker.getByRole('checkbox', { checked: true })).toHaveCount(3);
  await expect(picker.getByText('reference: its evaluation CSV scores every model')).toBeVisible();
  await expect(page.getByText(/Evaluation set: the test\.csv of iris-pipeline/)).toBeVisible();
  await compare(page, 3, 20, 1000);

  await expect(page.getByText(/Scored on test\.csv of iris-pipeline; timed on WASM/)).toBeVisible();
  await expect(page.getByTestId('compare-chart').locator('svg.recharts-surface')).toBeVisible();
  // A budget far beyond every model is named in the caption instead of squashing the chart.
  await expect(page.getByTestId('compare-chart').locator('figcaption')).toContainText('the 1000 ms budget lies far right of every model');
  const table = page.getByTestId('compare-table');
  await expect(table.getByRole('row')).toHaveCount(4);
  for (const name of ['iris-pipeline', 'iris-trees', 'iris-mlp']) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row.getByRole('cell').nth(0)).toHaveText(/^\d+\.\d\d %$/);
    await expect(row.getByRole('cell').nth(1)).toHaveText(/ms$/);
  }
  // At least one model is on the frontier, and with a generous budget the best one is named.
  expect(await table.getByRole('cell', { name: '★ yes' }).count()).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('compare-best')).toHaveText(/^Best under 1000 ms: iris-(pipeline|trees|mlp) \(\d+\.\d\d %, p50 /);
  // A budget just above the slowest model: drawn as a line, and everyone fits.
  const p50s = (await table.getByRole('row').locator('td:nth-of-type(2)').allTextContents()).map((t) => (t.endsWith(' s') ? parseFloat(t) * 1000 : parseFloat(t)));
  const budget = Math.ceil(Math.max(...p50s) * 100 + 1) / 100;
  await page.getByRole('spinbutton', { name: 'Latency budget (ms)' }).fill(String(budget));
  await expect(page.getByTestId('compare-chart').locator('.recharts-reference-line')).toHaveCount(1);
  await expect(page.getByTestId('compare-best')).toHaveText(new RegExp(`^Best under ${budget} ms: iris-(pipeline|trees|mlp) `));
  await page.getByTestId('compare-chart').screenshot({ path: test.info().outputPath('iris-frontier.png') });
  // A budget nothing meets (no run takes under 0 ms) names none, without running again.
  await page.getByRole('spinbutton', { name: 'Latency budget (ms)' }).fill('0');
  await expect(page.getByTestId('compare-best')).toHaveText('None fits the 0 ms budget');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.getByLabel('Theme').selectOption('dark');
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test('a model that shares neither inputs nor CSV cannot be selected, and says why', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await app.openExample('Wine (MLflow model)', true);
  await openCompare(page);
  const picker = page.getByRole('group', { name: 'Models to compare' });
  await picker.getByRole('checkbox', { name: 'iris-pipeline' }).check();
  const wine = picker.getByRole('checkbox', { name: /wine/ });
  await expect(wine).toBeDisabled();
  await expect(wine).toHaveAccessibleDescription(/can’t be selected: neither its inputs nor its evaluation CSV match iris-pipeline/);
  await expect(page.getByRole('button', { name: 'Compare 1 model' })).toBeDisabled();
});

test('the digits-mlp family: sizes on disk and the accuracy cost of reduced precision, with Cancel', async ({ page }) => {
  test.setTimeout(240_000);
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.chooseBackend('WASM');
  await app.openExample('Iris pipeline');
  await openCompare(page);
  await page.getByRole('button', { name: 'Open the digits-mlp family' }).click();
  const picker = page.getByRole('group', { name: 'Models to compare' });
  await expect(picker.getByRole('checkbox', { checked: true })).toHaveCount(3, { timeout: 120_000 });
  await expect(picker.getByRole('checkbox', { name: 'iris-pipeline' })).not.toBeChecked();

  // Cancel stops between models or mid-model; what was measured stays.
  await page.getByRole('spinbutton', { name: 'Timed runs per model' }).fill('200');
  await page.getByRole('button', { name: 'Compare 3 models' }).click();
  await expect(page.getByTestId('compare-progress')).toContainText('Model 1 of 3');
  await page.getByRole('button', { name: 'Cancel comparison' }).click();
  await expect(page.getByRole('heading', { name: 'Results so far (cancelled)' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('button', { name: 'Compare 3 models' })).toBeEnabled();

  await compare(page, 3, 10, 1000);
  const table = page.getByTestId('compare-table');
  await expect(table.getByRole('columnheader', { name: 'Accuracy cost vs base' })).toBeVisible();
  const row = (name: string) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}( |$)`) }) });
  // Cells: metric, p50, p50 ±, p95, model file, package, Pareto, accuracy cost.
  for (const [name, model, pkg] of [['mlp-large', '25.8 MB', '26.0 MB'], ['mlp-large-fp16', '12.9 MB', '13.1 MB'], ['mlp-large-int8', '6.5 MB', '6.7 MB']] as const) {
    await expect(row(name).getByRole('cell').nth(4)).toHaveText(model);
    await expect(row(name).getByRole('cell').nth(5)).toHaveText(pkg);
    await expect(row(name).getByRole('cell').nth(0)).toHaveText(/^\d+\.\d\d %$/);
    await expect(row(name).getByRole('cell').nth(2)).toHaveText(/^[\d.]+ ms ±[\d.]+$/);
  }
  await expect(row('mlp-large').getByRole('cell').nth(7)).toHaveText('—');
  // The packages say 0 of 450 predictions change: the measured cost is then exactly zero.
  await expect(row('mlp-large-fp16').getByRole('cell').nth(7)).toHaveText('±0.00 pp vs mlp-large');
  await expect(row('mlp-large-int8').getByRole('cell').nth(7)).toHaveText('±0.00 pp vs mlp-large');
  await expect(row('mlp-large-int8').getByRole('rowheader')).toContainText('int8');
  await expect(page.getByTestId('compare-chart').locator('svg.recharts-surface')).toBeVisible();
});

test('the same model twice: a tie within the measured spread, not a winner on a 0.01 ms gap; the Compare buttons fit a phone', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.chooseBackend('WASM');
  await app.openExample('Iris pipeline');
  await app.openExample('Iris pipeline', true);
  await page.setViewportSize({ width: 390, height: 844 });
  // On a phone the bar of open models wraps: its Compare button stays on screen.
  const bar = page.getByRole('navigation', { name: 'Open models' }).getByRole('button', { name: 'Compare', exact: true });
  await expect(bar).toBeInViewport({ ratio: 1 });
  await openCompare(page);
  const picker = page.getByRole('group', { name: 'Models to compare' });
  for (const box of await picker.getByRole('checkbox').all()) await box.check();
  const start = page.getByRole('button', { name: 'Compare 2 models' });
  await start.scrollIntoViewIfNeeded();
  await expect(start).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Identical models on the same CSV: the same accuracy, and latencies that differ only by noise
  // (warm, a run is often one tick of the page's clock every time: a median with no spread at all).
  await compare(page, 2, 30, 1000);
  await expect(page.getByTestId('compare-best')).toHaveText(/^Best under 1000 ms: a tie between iris-pipeline and iris-pipeline \(91\.11 % each; their latencies, p50 [\d.]+ ms( ±[\d.]+)? and p50 [\d.]+ ms( ±[\d.]+)?, are within each other’s noise\)$/);
  await expect(page.getByTestId('compare-frontier')).toHaveText(/^Pareto-optimal: iris-pipeline and iris-pipeline \(a tie: 91\.11 % each, latencies within each other’s noise\): neither is better\.$/);
  await expect(page.getByTestId('compare-table').getByRole('cell', { name: '★ yes (tie with iris-pipeline)' })).toHaveCount(2);
});

test('Compare is found before any model is open: the landing page says what it does and opens a family in one click', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const tools = page.getByTestId('more-tools');
  await expect(tools).toContainText('Score several models on the same evaluation set and time each at batch 1');
  await tools.getByRole('button', { name: 'Compare the iris examples' }).click();
  await expect(page.getByRole('heading', { name: 'Compare models' })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('group', { name: 'Models to compare' }).getByRole('checkbox', { checked: true })).toHaveCount(3, { timeout: 90_000 });
  await expect(page.getByRole('button', { name: 'Compare 3 models' })).toBeEnabled();
});
