import type { Page } from '@playwright/test';
import { test, expect, PlaygroundPage } from './support/fixtures';

/** The Benchmark form's fields as a user reads them. */
function form(page: Page) {
  return {
    wasm: (n: number) => page.getByRole('checkbox', { name: `WASM, ${n} thread${n === 1 ? '' : 's'}`, exact: true }),
    batch: page.getByRole('textbox', { name: 'Batch sizes' }),
    warmup: page.getByRole('spinbutton', { name: 'Warm-up runs per point' }),
    runs: page.getByRole('spinbutton', { name: 'Runs per point', exact: true }),
    random: page.getByRole('radio', { name: 'random values (seeded)' }),
    optimisation: page.getByRole('combobox', { name: 'Graph optimisation' }),
    profile: page.getByRole('checkbox', { name: /^Also profile each configuration/ }),
  };
}

async function expectForm(page: Page): Promise<void> {
  const f = form(page);
  await expect(page.getByRole('tab', { name: 'Benchmark' })).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await expect(f.wasm(1)).not.toBeChecked();
  await expect(f.wasm(2)).toBeChecked();
  await expect(f.batch).toHaveValue('1, 4');
  await expect(f.warmup).toHaveValue('3');
  await expect(f.runs).toHaveValue('7');
  await expect(f.random).toBeChecked();
  await expect(f.optimisation).toHaveValue('basic');
  await expect(f.profile).toBeChecked();
}

test('the Benchmark form goes in the address, and a reload or the link in a new page shows the same form', async ({ page, context }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  const f = form(page);
  await f.wasm(1).uncheck();
  await f.wasm(2).check();
  await f.batch.fill('4, 1');
  await f.warmup.fill('3');
  await f.runs.fill('7');
  await f.random.check();
  await f.optimisation.selectOption('basic');
  await f.profile.check();
  await expect(page).toHaveURL(/\?example=iris-pipeline&tab=benchmark&backend=wasm(&threads=\d)?&configs=wasm-2&batch=1%2C4&warmup=3&runs=7&inputs=random&profile=1&opt=basic/);
  // Another tab: the form's keys leave the address; back on Benchmark they return.
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page).not.toHaveURL(/configs=/);
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  await expect(page).toHaveURL(/configs=wasm-2&batch=1%2C4/);
  const link = page.url();

  await page.reload();
  await expectForm(page);
  const other = await context.newPage();
  await other.goto(link);
  await expectForm(other);
  // Opening the link starts nothing: no `run`.
  await expect(other.getByTestId('benchmark-progress')).toHaveCount(0);
});

test('a link with run on the Benchmark tab measures its settings once, and a reload does not measure again', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto('?example=iris-pipeline&tab=benchmark&configs=wasm-1&batch=2&warmup=1&runs=3&inputs=random&run=1');
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark finished.', { timeout: 120_000 });
  const table = page.getByTestId('benchmark-table');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr')).toContainText('WASM · 1 thread');
  await expect(page.getByTestId('saved-runs').locator('li')).toHaveCount(1);
  // The address keeps the settings and loses run, so that neither a re-render nor a reload starts it again.
  await expect(page).toHaveURL(/tab=benchmark&backend=wasm(&threads=\d)?&configs=wasm-1&batch=2&warmup=1&runs=3&inputs=random$/);
  await page.reload();
  await expect(form(page).runs).toHaveValue('3', { timeout: 60_000 });
  await expect(page.getByTestId('saved-runs').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('benchmark-progress')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Start benchmark' })).toBeEnabled();
});

test('a hand-edited benchmark link opens a form within this browser’s limits, with no error', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto('?example=iris-pipeline&tab=benchmark&configs=wasm-99,cuda&batch=abc,0&warmup=-5&runs=1e12&opt=turbo&dim.nothing=4');
  const f = form(page);
  await expect(f.wasm(2)).toBeChecked({ timeout: 60_000 });
  await expect(f.wasm(1)).not.toBeChecked();
  // "0" clamps to 1 and "abc" is dropped; the counts clamp to their bounds; an unknown level keeps the default.
  await expect(f.batch).toHaveValue('1');
  await expect(f.warmup).toHaveValue('0');
  await expect(f.runs).toHaveValue('100000');
  await expect(f.optimisation).toHaveValue('all');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page).not.toHaveURL(/cuda|turbo|dim\.nothing/);
});

test('run does the one obvious thing of its tab, and nothing where there is none', async ({ page }) => {
  const app = new PlaygroundPage(page);
  // Inspect has nothing to start: the flag leaves the address and the tab just opens.
  await app.goto('?example=iris-pipeline&tab=inspect&run=1');
  await expect(page.getByRole('tab', { name: 'Inspect' })).toHaveAttribute('aria-selected', 'true', { timeout: 60_000 });
  await expect(page).toHaveURL(/\?example=iris-pipeline&tab=inspect&backend=wasm/);
  await expect(page).not.toHaveURL(/run=/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Drift: the package's production sample is checked against its evaluation set.
  await app.goto('?example=iris-pipeline&tab=drift&run=1');
  await expect(page.getByTestId('drift-summary')).toContainText('features drifted', { timeout: 60_000 });
  await expect(page.getByText('Production file production_sample.csv')).toBeVisible();
  await expect(page).not.toHaveURL(/run=/);
});

test('run on the Speed tab profiles with the form’s settings', async ({ page }) => {
  // The default profile includes WebGPU, which SwiftShader emulates slowly.
  test.setTimeout(240_000);
  const app = new PlaygroundPage(page);
  await app.goto('?example=iris-pipeline&tab=speed&run=1');
  await expect(page.getByRole('region', { name: 'Profiling' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('speed-status')).toHaveText('Profile finished.', { timeout: 180_000 });
  await expect(page).not.toHaveURL(/run=/);
});
