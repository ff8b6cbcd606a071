import AxeBuilder from '@axe-core/playwright';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { TUNE_REPORT_SCHEMA } from '../src/core/profile/tune-report-schema';
import type { TuneReport } from '../src/core/profile/tune-report';
import { cpuFallbackModel } from './support/onnx-builder';
import { expect, PlaygroundPage, test } from './support/fixtures';

/** The Speed tab, as a user drives it. */
class SpeedTab {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Speed' }).click();
    await expect(this.page.getByRole('heading', { name: 'Take it apart' })).toBeVisible();
  }

  async profile(options: { wasm: boolean; webgpu: boolean; threads?: number }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Take it apart' });
    await form.getByRole('checkbox', { name: 'WASM', exact: true }).setChecked(options.wasm);
    if (options.threads) await form.getByRole('combobox', { name: 'WASM threads' }).selectOption(String(options.threads));
    await form.getByRole('checkbox', { name: 'WebGPU', exact: true }).setChecked(options.webgpu);
    await form.getByRole('button', { name: 'Profile', exact: true }).click();
    await expect(this.page.getByTestId('speed-status')).toHaveText('Profile finished.', { timeout: 120_000 });
  }

  operators(key: string) {
    return this.page.getByTestId(`operators-${key}`);
  }
}

const validate = new Ajv({ allErrors: true }).compile(TUNE_REPORT_SCHEMA);
const rowsOf = async (page: Page, testId: string): Promise<string[][]> =>
  page.getByTestId(testId).locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('th, td'), (c) => (c.textContent ?? '').trim())));

test.describe.configure({ timeout: 180_000 });

test('profiles an example on WASM and on WebGPU: cold start, operators side by side, placement, memory', async ({ page }) => {
  // Two profiles, a page-memory measurement (up to 90 s) and axe in two themes.
  test.setTimeout(300_000);
  const app = new PlaygroundPage(page);
  const speed = new SpeedTab(page);
  await app.goto();
  await app.openExample('Handwritten digits CNN');
  await speed.open();
  await speed.profile({ wasm: true, threads: 2, webgpu: true });

  // The cold start: one stacked bar and one table row per backend, every step measured.
  await expect(page.getByTestId('cold-start-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  const cold = await rowsOf(page, 'cold-start-table');
  // Each configuration names the session options it ran with (here onnxruntime's defaults).
  expect(cold.map((r) => r[0])).toEqual(['WASM · 2 threadsbatch 1onnxruntime’s defaults', expect.stringMatching(/^WebGPU \(.* \/ swiftshader, software\)batch 1onnxruntime’s defaults$/)]);
  for (const row of cold) {
    expect(row).toHaveLength(6);
    for (const cell of row.slice(1)) expect(Number(cell)).toBeGreaterThanOrEqual(0);
  }

  // Where the time goes, both backends: the CNN's operators, from onnxruntime's profiler.
  const wasmTypes = await rowsOf(page, 'op-types-wasm-2');
  expect(wasmTypes.map((r) => r[0])).toEqual(expect.arrayContaining(['FusedConv', 'MaxPool', 'FusedGemm', 'Gemm']));
  const gpuTypes = await rowsOf(page, 'op-types-webgpu');
  expect(gpuTypes.map((r) => r[0])).toEqual(expect.arrayContaining(['Conv', 'MaxPool', 'Gemm']));
  for (const key of ['wasm-2', 'webgpu']) {
    await expect(speed.operators(key).locator('svg.recharts-surface')).toBeVisible();
    expect((await rowsOf(page, `slowest-nodes-${key}`)).length).toBeGreaterThan(3);
  }
  // On WebGPU the nodes with GPU programs are timed by the GPU (timestamp queries).
  await expect(page.getByTestId('slowest-nodes-webgpu').getByText('GPU time').first()).toBeVisible();
  await expect(speed.operators('webgpu')).toContainText('GPU side: running the model’s programs (timestamp queries)');

  // Each warm run's parts add up to the run, on the CPU side and (WebGPU) on the GPU side: never summed across.
  for (const key of ['wasm-2', 'webgpu']) {
    const split = page.getByTestId(`run-split-${key}`);
    const part = async (name: string): Promise<number> => Number(await split.locator(`tr[data-part="${name}"] td`).textContent());
    const run = await part('run');
    expect(run).toBeGreaterThan(0);
    // Four significant digits on screen: the parts may round apart by a unit in the last place each.
    expect(Math.abs((await part('cpu-nodes')) + (await part('cpu-outside')) - run)).toBeLessThanOrEqual(run * 2e-3);
    if (key === 'webgpu') {
      expect(Math.abs((await part('gpu-busy')) + (await part('gpu-idle')) - run)).toBeLessThanOrEqual(run * 2e-3);
      expect(await part('gpu-busy')).toBeLessThanOrEqual(run);
    } else {
      await expect(split.locator('tr[data-part="gpu-busy"]')).toHaveCount(0);
    }
  }
  // In plain language, from the parts measured: cold against warm, GPU time against the rest, placement, the adapter.
  const explained = page.getByTestId('speed-explanation');
  await expect(explained).toContainText(/Warm, (WASM, 2 threads|WebGPU \(software emulation here\)) runs in [\d.]+ ms, [\d.]+× faster than/);
  await expect(explained).toContainText(/Cold start: a new page waits [\d.]+ m?s for WebGPU \(software emulation here\)’s first answer — .*which compiles the GPU programs\. After that a run takes [\d.]+ ms\. The first run costs [\d.]+× a warm one\./);
  await expect(explained).toContainText(/WebGPU \(software emulation here\): A warm run \([\d.]+ ms inside onnxruntime, at batch 1\): the GPU is busy running the model’s programs for [\d.]+ ms \(\d+ %\) and idle for the other [\d.]+ ms/);
  await expect(explained).toContainText('Every node runs on the GPU: no copies between GPU and CPU memory inside the graph.');
  await expect(explained).toContainText('is a software emulation: the “GPU” is this computer’s CPU cores');

  // Placement: this CNN runs entirely on the GPU.
  await expect(page.getByTestId('placement-summary')).toContainText(/^All \d+ nodes run on the GPU: no copies between GPU and CPU memory/);

  // Memory: the model, each engine's WebAssembly heap, and the page (cross-origin isolated here).
  const memory = page.getByTestId('memory');
  await expect(memory).toContainText(/WASM heap, WASM · 2 threads\s*\d+(\.\d+)? MB after loading/);
  await page.getByRole('button', { name: 'Measure the page’s memory' }).click();
  await expect(page.getByTestId('page-memory')).toContainText(/^\d+(\.\d+)? MB: .*JavaScript/, { timeout: 90_000 });

  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    const axe = await new AxeBuilder({ page }).include('.tab-panel').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('names the nodes WebGPU leaves to the CPU, from onnxruntime’s own log, and the copies they cost', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const speed = new SpeedTab(page);
  await app.goto();
  await app.openFile('fallback.onnx', Buffer.from(cpuFallbackModel()));
  await app.waitForModel();
  await speed.open();
  await speed.profile({ wasm: false, webgpu: true });

  await expect(page.getByTestId('placement-summary')).toContainText('1 of 3 nodes run on the CPU instead of the GPU.');
  await expect(page.getByTestId('placement-summary')).toContainText('inserted 2 copies (MemcpyFromHost, MemcpyToHost)');
  expect(await rowsOf(page, 'placement-cpu-nodes')).toEqual([['odd_one', 'Hardmax']]);
  await expect(page.getByTestId('placement')).toContainText('From onnxruntime’s verbose session log');
  // The profile shows the same: the Hardmax timed on the CPU, the copies as operators of their own.
  const types = (await rowsOf(page, 'op-types-webgpu')).map((r) => r[0]);
  expect(types).toEqual(expect.arrayContaining(['Hardmax', 'MemcpyToHost', 'MemcpyFromHost', 'MatMul', 'Relu']));
  const hardmax = (await rowsOf(page, 'slowest-nodes-webgpu')).find((r) => r[0] === 'odd_one');
  expect(hardmax?.slice(1, 3)).toEqual(['Hardmax', 'CPUCPU time']);
  // And in plain words, with what the copies cost per run.
  await expect(page.getByTestId('speed-explanation')).toContainText(/1 node falls back to the CPU \(Hardmax\); the 2 copies between GPU and CPU memory around them take [\d.]+ ms per run \(\d+ % of the run, waiting for the GPU included\)\./);
});

test('finds the fastest setup within a tiny time cap, with progress, and explains the choice', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const speed = new SpeedTab(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await speed.open();
  await page.getByRole('spinbutton', { name: 'Latency budget: p99 per request (ms)' }).fill('50');
  await page.getByRole('spinbutton', { name: 'Minimum batch' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Time cap (seconds)' }).fill('4');
  await page.getByRole('checkbox', { name: 'Include WebGPU' }).uncheck();
  await page.getByRole('button', { name: 'Find the fastest setup' }).click();
  await expect(page.getByTestId('speed-progress')).toContainText(/WASM · \d threads?, batch .* \(configuration \d+ of \d+\) · .* s of 4\.0 s/);
  // The progress shows where the search was started: right below its button, not at the top of the tab.
  const progress = page.getByTestId('speed-progress');
  await expect(progress).toHaveAttribute('data-kind', 'tune');
  const [button, bar, profileForm] = await Promise.all([
    page.getByRole('button', { name: 'Find the fastest setup' }).boundingBox(),
    progress.boundingBox(),
    page.getByRole('form', { name: 'Take it apart' }).boundingBox(),
  ]);
  expect(bar!.y).toBeGreaterThan(button!.y);
  expect(bar!.y - (button!.y + button!.height)).toBeLessThan(200);
  expect(bar!.y).toBeGreaterThan(profileForm!.y + profileForm!.height);
  await expect(page.getByTestId('speed-status')).toHaveText(/^(Recommendation ready\.|Time cap reached: the recommendation uses what was measured\.)$/, { timeout: 60_000 });

  const result = page.getByTestId('tuner-result');
  await expect(page.getByTestId('tuner-summary')).toHaveText(/^(Use|For the lowest latency use) WASM · \d threads?, batch \d+/);
  await expect(page.getByTestId('tuner-fastest')).toContainText('What it costs:');
  await expect(page.getByTestId('tuner-fastest')).toContainText(/CPU threads? while it runs/);
  expect((await rowsOf(page, 'tuner-evidence')).length).toBeGreaterThanOrEqual(1);

  const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Download recommendation (JSON)' }).click()]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as TuneReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  expect(report.settings).toEqual({ budgetP99Ms: 50, minBatch: 1, capSeconds: 4, webgpu: false });
  expect(report.recommendation.fastest).not.toBeNull();
  expect(report.tried.every((p) => p.backend === 'wasm')).toBe(true);
  // Never more than the cap, plus the grace a running configuration gets to stop.
  expect(report.elapsedMs).toBeLessThan(4000 + 3000);

  const axe = await new AxeBuilder({ page }).include('.tab-panel').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('cancels a profile at once by ending its engine; the model stays usable', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Handwritten digits CNN');
  await page.getByRole('tab', { name: 'Speed' }).click();
  const form = page.getByRole('form', { name: 'Take it apart' });
  await form.getByRole('checkbox', { name: 'WASM', exact: true }).uncheck();
  await form.getByRole('checkbox', { name: 'WebGPU', exact: true }).check();
  await form.getByRole('button', { name: 'Profile', exact: true }).click();
  // On SwiftShader the first run compiles shaders for seconds: cancel in the middle of it.
  await expect(page.getByTestId('speed-progress')).toContainText('first (cold) run', { timeout: 60_000 });
  const asked = Date.now();
  await page.getByRole('button', { name: 'Cancel profile' }).click();
  await expect(page.getByTestId('speed-progress')).toHaveCount(0, { timeout: 5_000 });
  expect(Date.now() - asked).toBeLessThan(5_000);
  await expect(page.getByTestId('speed-status')).toHaveText('Profile cancelled.');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Run' }).click();
  await app.run();
});

test('cancels a search at once and keeps what it measured', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const speed = new SpeedTab(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await speed.open();
  await page.getByRole('spinbutton', { name: 'Time cap (seconds)' }).fill('120');
  await page.getByRole('checkbox', { name: 'Include WebGPU' }).uncheck();
  await page.getByRole('button', { name: 'Find the fastest setup' }).click();
  await expect(page.getByTestId('speed-progress')).toContainText(/batch 8: \d+ runs/, { timeout: 60_000 });
  const asked = Date.now();
  await page.getByRole('button', { name: 'Cancel search' }).click();
  await expect(page.getByTestId('speed-progress')).toHaveCount(0, { timeout: 5_000 });
  expect(Date.now() - asked).toBeLessThan(5_000);
  await expect(page.getByTestId('speed-status')).toHaveText('Search cancelled: the recommendation uses what was measured.');
  await expect(page.getByTestId('tuner-result')).toContainText('Cancelled');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
