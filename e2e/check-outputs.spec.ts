import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { CheckReport } from '../src/core/check/check-report';
import { test, expect, PlaygroundPage } from './support/fixtures';

// Models with their own tests (ONNX backend node tests, copied in e2e/fixtures/check/): the
// Check outputs tab runs each test_data_set and compares every output with the package's .pb.
const FIXTURES = fileURLToPath(new URL('./fixtures/check/', import.meta.url));

// Each test opens models on WASM and WebGPU (SwiftShader): under load on 2 shared cores this took
// 60–90 s, past the suite's 90 s default; alone it takes far less. No assertion is loosened.
test.describe.configure({ timeout: 180_000 });

async function checkOn(page: Page, backends: { webgpu: boolean }): Promise<void> {
  await page.getByRole('tab', { name: 'Check outputs' }).click();
  await expect(page.getByTestId('tolerance-rule')).toContainText('|got − expected| ≤ atol + rtol·|expected| with rtol 0.001, atol 1e-7');
  await page.getByRole('checkbox', { name: 'WebGPU' }).setChecked(backends.webgpu);
  await page.getByRole('button', { name: 'Check outputs' }).click();
}

async function downloadReport(page: Page): Promise<CheckReport> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (JSON)' }).click()]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as CheckReport;
}

test('a zoo-style .tar.gz opens with its test set listed, passes on WASM and WebGPU, and the backends agree', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openFile('where-example.tar.gz', readFileSync(`${FIXTURES}where-example.tar.gz`), 'application/gzip');
  await app.waitForModel();
  await expect(page.getByRole('heading', { name: 'where-example', level: 2 })).toBeVisible();
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByTestId('test-sets')).toContainText('test_data_set_0input_0.pb, input_1.pb, input_2.pboutput_0.pb');

  await checkOn(page, { webgpu: true });
  const verdict = page.getByTestId('check-verdict');
  await expect(verdict).toContainText('Pass: all 2 cases (1 data set on WASM, 1 thread and WebGPU (', { timeout: 60_000 });
  await expect(verdict).toContainText('software emulation');
  await expect(verdict).toContainText('Backends agree: WebGPU');
  await expect(page.getByTestId('check-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('agreement-table')).toContainText('agree');
  expect((await new AxeBuilder({ page }).include('.tab-panel').analyze()).violations).toEqual([]);

  const report = await downloadReport(page);
  expect(report.pass).toBe(true);
  expect(report.cases.map((c) => [c.name, c.backend, c.pass])).toEqual([
    ['test_data_set_0', 'wasm', true],
    ['test_data_set_0', 'webgpu', true],
  ]);
  // Where(condition, x, y) → z [2, 2]: every element compared with output_0.pb.
  for (const c of report.cases) expect(c.outputs.z).toMatchObject({ dtype: 'float32', dims: [2, 2], count: 4, mismatched: 0, maxAbs: 0 });
});

test('a wrong expected output fails and shows the element; float16 and int64 outputs pass exactly', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await page.getByTestId('open-folder-input').setInputFiles(`${FIXTURES}gemm-perturbed`);
  await app.waitForModel();
  await checkOn(page, { webgpu: false });
  const verdict = page.getByTestId('check-verdict');
  await expect(verdict).toContainText('Fail: 1 of 1 case differ from the expected outputs.', { timeout: 60_000 });
  // The package's output_0.pb holds 2.7016792 at [1, 2]; Gemm gives 2.2016792 there (onnxruntime-node and numpy agree).
  await expect(verdict).toContainText('output “y”: 1 of 12 elements outside the tolerance (worst at [1, 2]: expected 2.7016792, got 2.2016792)');
  const failing = page.getByTestId('failing-elements');
  await expect(failing.locator('tbody tr')).toHaveCount(1);
  await expect(failing.locator('tbody tr')).toHaveText(/^\[1, 2\]\s*2\.7016792\s*2\.2016792\s*0\.5$/);

  await page.getByRole('button', { name: '+ Open another' }).click();
  await app.openFile('cast-float-to-float16.zip', readFileSync(`${FIXTURES}cast-float-to-float16.zip`), 'application/zip');
  await app.waitForModel();
  await checkOn(page, { webgpu: false });
  await expect(page.getByTestId('check-verdict')).toContainText('Pass: all 1 case', { timeout: 60_000 });
  await expect(page.getByTestId('check-table')).toContainText('float16 [3, 4]');

  await page.getByRole('button', { name: '+ Open another' }).click();
  await page.getByTestId('open-folder-input').setInputFiles(`${FIXTURES}argmax-keepdims-example`);
  await app.waitForModel();
  await checkOn(page, { webgpu: false });
  await expect(page.getByTestId('check-verdict')).toContainText('Pass: all 1 case', { timeout: 60_000 });
  await expect(page.getByTestId('check-table')).toContainText('int64 [2, 1]');
});
