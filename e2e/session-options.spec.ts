import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { BENCHMARK_REPORT_SCHEMA } from '../src/core/benchmark/report-schema';
import type { BenchmarkReport } from '../src/core/benchmark/report';
import { dispatchProbeModel } from '../src/core/benchmark/gpu-floor-probe';
import { cpuFallbackModel } from './support/onnx-builder';
import { expect, PlaygroundPage, test } from './support/fixtures';

const validate = new Ajv({ allErrors: true }).compile(BENCHMARK_REPORT_SCHEMA);

/** WASM 1 thread + WebGPU, one batch size, a few runs: enough to see each option take effect, never to judge speed (SwiftShader). */
async function configure(page: Page, session: { level?: string; layout?: string; capture?: boolean; outputsOnGpu?: boolean }): Promise<void> {
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  for (const box of await page.getByRole('checkbox', { name: /^WASM, \d+ threads?$/ }).all()) {
    await box.setChecked((await box.evaluate((el) => el.closest('label')?.textContent?.trim())) === 'WASM, 1 thread');
  }
  await page.getByRole('checkbox', { name: 'WebGPU', exact: true }).check();
  const batch = page.getByRole('textbox', { name: 'Batch sizes' });
  if ((await batch.count()) > 0) await batch.fill('2');
  await page.getByRole('spinbutton', { name: 'Warm-up runs per point' }).fill('1');
  await page.getByRole('spinbutton', { name: 'Runs per point', exact: true }).fill('4');
  await page.getByRole('combobox', { name: 'Graph optimisation' }).selectOption(session.level ?? 'all');
  await page.getByRole('combobox', { name: 'WebGPU layout' }).selectOption(session.layout ?? 'default');
  await page.getByRole('checkbox', { name: 'Graph capture' }).setChecked(session.capture ?? false);
  if (!session.capture) await page.getByRole('checkbox', { name: 'Keep outputs on the GPU' }).setChecked(session.outputsOnGpu ?? false);
}

async function runAndDownload(page: Page): Promise<BenchmarkReport> {
  await page.getByRole('button', { name: 'Start benchmark' }).click();
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark finished.', { timeout: 120_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8')) as BenchmarkReport;
  expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  return report;
}

test('each WebGPU session option reaches onnxruntime, is recorded, and leaves the outputs equal to WASM’s', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Handwritten digits CNN');
  await configure(page, { level: 'basic', layout: 'NHWC', outputsOnGpu: true });
  await expect(page.getByText(/How much onnxruntime rewrites the graph/)).toBeVisible();
  const first = await runAndDownload(page);
  const [wasm, gpu] = first.results;
  expect(wasm!.config).toEqual({ graphOptimizationLevel: 'basic', freeDimensionOverrides: null, preferredLayout: null, enableGraphCapture: null, preferredOutputLocation: null, webnnDeviceType: null, webnnPowerPreference: null });
  expect(gpu!.config).toEqual({ graphOptimizationLevel: 'basic', freeDimensionOverrides: null, preferredLayout: 'NHWC', enableGraphCapture: false, preferredOutputLocation: 'gpu-buffer', webnnDeviceType: null, webnnPowerPreference: null });
  expect(gpu!.outputs!.comparedWith).toBe('WASM · 1 thread');
  expect(gpu!.outputs!.maxAbsDiff).toBeLessThan(1e-3);
  // Outputs on the GPU: the run alone is timed too, and it cannot exceed the run with the read-back.
  const point = gpu!.points[0]!;
  expect(point.withoutReadBackP50Ms).toBeGreaterThan(0);
  expect(point.withoutReadBackP50Ms!).toBeLessThanOrEqual(point.p50Ms);
  await expect(page.getByTestId('benchmark-table')).toContainText('without read-back');
  await expect(page.getByTestId('session-config').last()).toHaveText('graph optimisation basic · layout NHWC · outputs on the GPU');
  // The environment record: browser, each backend's build, the adapter's facts.
  expect(first.environment.browser.name).toMatch(/^Chrome/);
  expect(first.environment.builds).toEqual({
    wasm: { wasm: 'ort-wasm-simd-threaded.wasm (SIMD, threads)', executionProvider: 'WASM CPU kernels' },
    webgpu: { wasm: 'ort-wasm-simd-threaded.asyncify.wasm (SIMD, threads, Asyncify)', executionProvider: 'native WebGPU EP (not JSEP)' },
  });
  expect(first.environment.webgpuAdapter).toMatchObject({ architecture: 'swiftshader', software: true });
  expect(first.environment.webgpuAdapter!.features).toEqual(expect.any(Array));
  expect(first.environment.webgpuAdapter!.limits!.maxBufferSize).toBeGreaterThan(0);
  await expect(page.getByTestId('benchmark-results')).toContainText('native WebGPU EP (not JSEP)');

  // Graph capture on a graph WebGPU runs whole (a chain of Relu nodes): inputs and outputs live on the GPU, outputs unchanged.
  await app.goto();
  await app.openFile('relu-chain.onnx', Buffer.from(dispatchProbeModel(8)));
  await app.waitForModel();
  await configure(page, { layout: 'NCHW', capture: true });
  const captured = await runAndDownload(page);
  expect(captured.results[1]!.config).toMatchObject({ preferredLayout: 'NCHW', enableGraphCapture: true, preferredOutputLocation: 'gpu-buffer' });
  expect(captured.results[1]!.outputs!.maxAbsDiff).toBeLessThan(1e-3);
});

test('graph capture on a model with a CPU node is refused in one plain sentence; several batch sizes are refused before running', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openFile('fallback.onnx', Buffer.from(cpuFallbackModel()));
  await app.waitForModel();
  await configure(page, { capture: true });
  await page.getByRole('textbox', { name: 'Batch sizes' }).fill('1, 2');
  await page.getByRole('button', { name: 'Start benchmark' }).click();
  await expect(app.alert('Graph capture records the GPU work for one input shape, and 2 batch sizes were asked for.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Batch sizes' }).fill('2');
  await page.getByRole('button', { name: 'Start benchmark' }).click();
  await expect(app.alert(/WebGPU graph capture is not possible for this model: some of its nodes run on the CPU/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('benchmark-status')).toHaveText('Benchmark finished.', { timeout: 60_000 });
});

test('WebNN is offered only where navigator.ml exists: here every picker says why not, in one line', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await expect(page.getByRole('radio', { name: 'WebNN' })).toBeDisabled();
  await expect(page.getByTestId('webnn-status')).toHaveText('unavailable: this browser has no WebNN (navigator.ml is missing)');
  await page.getByRole('tab', { name: 'Benchmark' }).click();
  await expect(page.getByRole('checkbox', { name: 'WebNN', exact: true })).toBeDisabled();
  await expect(page.getByTestId('benchmark-backend-notes')).toContainText('WebNN unavailable: this browser has no WebNN (navigator.ml is missing).');
  await expect(page.getByRole('combobox', { name: 'WebNN device' })).toBeDisabled();
  await page.getByRole('tab', { name: 'Speed' }).click();
  await expect(page.getByRole('combobox', { name: 'WebNN device' })).toBeDisabled();
});
