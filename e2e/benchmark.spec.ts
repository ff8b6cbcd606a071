import AxeBuilder from '@axe-core/playwright';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BENCHMARK_REPORT_SCHEMA } from '../src/core/benchmark/report-schema';
import type { BenchmarkReport } from '../src/core/benchmark/report';
import { expect, PlaygroundPage, test } from './support/fixtures';

const validate = new Ajv({ allErrors: true }).compile(BENCHMARK_REPORT_SCHEMA);

/** Opens a gallery example by its exact title (several titles share a prefix). */
async function openExample(app: PlaygroundPage, title: string): Promise<void> {
  await app.page.getByRole('button', { name: `Open example ${title}`, exact: true }).click();
  await app.waitForModel();
}

/** The Benchmark tab, as a user drives it. */
class BenchmarkTab {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Benchmark' }).click();
    await expect(this.page.getByRole('heading', { name: 'Benchmark setup' })).toBeVisible();
  }

  async configure(options: { wasmThreads?: number[]; webgpu?: boolean; batch?: string; warmup?: number; runs?: number }): Promise<void> {
    const { page } = this;
    for (const box of await page.getByRole('checkbox', { name: /^WASM, \d+ threads?$/ }).all()) {
      const n = Number(/(\d+)/.exec((await box.getAttribute('aria-label')) ?? (await box.evaluate((el) => el.parentElement?.textContent ?? '')))?.[1]);
      await box.setChecked((options.wasmThreads ?? [1]).includes(n));
    }
    await page.getByRole('checkbox', { name: 'WebGPU' }).setChecked(options.webgpu ?? false);
    if (options.batch !== undefined) await page.getByRole('textbox', { name: 'Batch sizes' }).fill(options.batch);
    if (options.warmup !== undefined) await page.getByRole('spinbutton', { name: 'Warm-up runs per point' }).fill(String(options.warmup));
    if (options.runs !== undefined) await page.getByRole('spinbutton', { name: 'Runs per point', exact: true }).fill(String(options.runs));
  }

  async start(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start benchmark' }).click();
  }

  async waitForResults(): Promise<void> {
    await expect(this.page.getByTestId('benchmark-status')).toHaveText('Benchmark finished.', { timeout: 120_000 });
    await expect(this.page.getByTestId('benchmark-results')).toBeVisible();
  }

  async download(name: 'Download JSON' | 'Download CSV'): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name }).click()]);
    return readFileSync(await download.path(), 'utf8');
  }
}

test('measures an example on WASM and WebGPU, draws it, exports it and keeps it', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const bench = new BenchmarkTab(page);
  await app.goto();
  await openExample(app, 'Iris pipeline');
  await bench.open();
  await expect(page.getByTestId('benchmark-backend-notes')).toContainText('swiftshader — software emulation, not a GPU');
  await bench.configure({ wasmThreads: [1, 2], webgpu: true, batch: '8, 1', warmup: 2, runs: 12 });
  await bench.start();
  await bench.waitForResults();

  // Every configuration × batch size in the table, WebGPU named with its adapter.
  const table = page.getByTestId('benchmark-table');
  await expect(table.locator('tbody tr')).toHaveCount(6);
  await expect(table.getByRole('rowheader', { name: /WebGPU \(.* \/ swiftshader, software\)/ })).toBeVisible();
  // The charts: one histogram per backend, two lines charts over batch size, and the summary bars.
  const charts = page.getByTestId('benchmark-charts');
  await expect(charts.locator('svg.recharts-surface').first()).toBeVisible();
  await expect(charts.locator('figure.chart.small')).toHaveCount(3);
  await expect(charts.locator('.recharts-line')).toHaveCount(6);
  await expect(charts.getByText(/^Throughput by backend/)).toBeVisible();

  const report = JSON.parse(await bench.download('Download JSON')) as BenchmarkReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  expect(report.tool.name).toBe('onnx-playground');
  expect(report.model).toMatchObject({ file: 'model.onnx', bytes: 1077 });
  expect(report.environment).toMatchObject({ crossOriginIsolated: true, wasmSimd: true, webgpuAdapter: { architecture: 'swiftshader', software: true } });
  expect(report.results.map((r) => [r.backend, r.threads, r.points.map((p) => [p.batchSize, p.runs])])).toEqual([
    ['wasm', 1, [[1, 12], [8, 12]]],
    ['wasm', 2, [[1, 12], [8, 12]]],
    ['webgpu', 1, [[1, 12], [8, 12]]],
  ]);
  for (const p of report.results.flatMap((r) => r.points)) {
    expect(p.minMs).toBeLessThanOrEqual(p.p50Ms);
    expect(p.p50Ms).toBeLessThanOrEqual(p.p99Ms);
    expect(p.p99Ms).toBeLessThanOrEqual(p.maxMs);
  }
  const csv = (await bench.download('Download CSV')).trim().split('\n');
  expect(csv).toHaveLength(7);
  expect(csv[0]).toBe('model,sha256,backend,threads,sessionCreateMs,firstRunMs,batchSize,runs,p50Ms,p95Ms,p99Ms,meanMs,stdMs,minMs,maxMs,throughputPerSec,perSampleMs');

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByTestId('benchmark-status')).toHaveText('Copied as Markdown.');
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toContain('| WASM · 2 threads |');

  // A second run, WASM only, then both side by side.
  await bench.configure({ wasmThreads: [1], batch: '1', warmup: 1, runs: 5 });
  await bench.start();
  await bench.waitForResults();
  const saved = page.getByTestId('saved-runs').getByRole('listitem');
  await expect(saved).toHaveCount(2);
  for (const box of await page.getByTestId('saved-runs').getByRole('checkbox', { name: 'Compare' }).all()) await box.check();
  const comparison = page.getByTestId('run-comparison');
  await expect(comparison.locator('tbody tr')).toHaveCount(6);
  await expect(comparison.locator('.recharts-line')).toHaveCount(4);

  const axe = await new AxeBuilder({ page }).include('.tab-panel').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Kept across visits (IndexedDB), and deletable. The address reopens the model on this tab.
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Benchmark', selected: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('navigation', { name: 'Open models' }).getByRole('button', { name: 'iris-pipeline', exact: true })).toHaveCount(1);
  await expect(saved).toHaveCount(2);
  await saved.first().getByRole('button', { name: 'Show' }).click();
  await expect(page.getByTestId('benchmark-table').locator('tbody tr')).toHaveCount(1);
  await saved.first().getByRole('button', { name: /^Delete run/ }).click();
  await expect(saved).toHaveCount(1);
  await expect(page.getByTestId('benchmark-results')).toHaveCount(0);
});

test('cancels a long benchmark at once, keeps the page responsive, and recovers', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const bench = new BenchmarkTab(page);
  await app.goto();
  await openExample(app, 'Large digits MLP');
  await bench.open();
  await bench.configure({ wasmThreads: [1], webgpu: true, batch: '1, 128', warmup: 1, runs: 100000 });
  await bench.start();
  const progress = page.getByTestId('benchmark-progress');
  await expect(progress).toContainText('batch 1 (point 1 of 2) · measuring', { timeout: 60_000 });

  // The page answers while the worker measures: tabs switch, and come back to the running benchmark.
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByRole('tab', { name: 'Inspect' })).toHaveAttribute('aria-selected', 'true');
  await bench.open();
  await expect(progress).toContainText('measuring');
  const before = Number(/: (\d+) runs/.exec((await progress.textContent()) ?? '')?.[1]);
  await expect.poll(async () => Number(/: (\d+) runs/.exec((await progress.textContent()) ?? '')?.[1]), { timeout: 10_000 }).toBeGreaterThan(before);

  const asked = Date.now();
  await page.getByRole('button', { name: 'Cancel benchmark' }).click();
  await expect(progress).toHaveCount(0, { timeout: 5_000 });
  expect(Date.now() - asked).toBeLessThan(5_000);
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark cancelled before any point was measured.');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The same engines measure again.
  await bench.configure({ wasmThreads: [1], webgpu: false, batch: '1', warmup: 1, runs: 5 });
  await bench.start();
  await bench.waitForResults();
  await expect(page.getByTestId('benchmark-table').locator('tbody tr')).toHaveCount(1);
});

test('cancels during a run that outlasts the grace period by restarting the engine', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const bench = new BenchmarkTab(page);
  await app.goto();
  await openExample(app, 'Large digits MLP');
  await bench.open();
  // On SwiftShader one WebGPU run of this model at batch 1024 takes many seconds: Cancel cannot wait for it.
  await bench.configure({ wasmThreads: [], webgpu: true, batch: '1024', warmup: 1, runs: 5 });
  await bench.start();
  const progress = page.getByTestId('benchmark-progress');
  await expect(progress).toContainText('first (cold) run', { timeout: 60_000 });
  const asked = Date.now();
  await page.getByRole('button', { name: 'Cancel benchmark' }).click();
  await expect(progress).toHaveCount(0, { timeout: 10_000 });
  expect(Date.now() - asked).toBeLessThan(6_000);
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark cancelled before any point was measured.');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A fresh WebGPU engine takes the next run.
  await bench.configure({ wasmThreads: [], webgpu: true, batch: '1', warmup: 1, runs: 3 });
  await bench.start();
  await bench.waitForResults();
  await expect(page.getByTestId('benchmark-table').getByRole('rowheader', { name: /^WebGPU/ })).toBeVisible();
});
