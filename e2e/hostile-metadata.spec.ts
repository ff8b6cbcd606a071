import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, PlaygroundPage } from './support/fixtures';
import { exampleFiles, writeStoredZip, zipOf } from './support/packages';
import { longestTaskSince, pageNow, watchLongTasks } from './support/long-tasks';

const iris = exampleFiles('iris-pipeline');
const irisMeta = JSON.parse(Buffer.from(iris['metadata.json']!).toString()) as Record<string, unknown>;

test.beforeEach(async ({ page }) => {
  await watchLongTasks(page);
});

test('a 62 MB metadata.json (a 7,000,000-item array) is read off the page and shown cut, with its size', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'onnx-playground-meta-'));
  const path = join(dir, 'huge-meta.zip');
  try {
    const text = JSON.stringify({ ...irisMeta, embedding: '__EMBEDDING__' }).replace('"__EMBEDDING__"', `[${new Array<string>(7_000_000).fill('0.123456').join(',')}]`);
    expect(text.length).toBeGreaterThan(60 * 1024 * 1024);
    await writeStoredZip(path, [
      { name: 'model.onnx', data: iris['model.onnx']! },
      { name: 'metadata.json', data: Buffer.from(text) },
    ]);
    const app = new PlaygroundPage(page);
    await app.goto();
    const since = await pageNow(page);
    await page.getByTestId('open-model-input').setInputFiles(path);
    await app.waitForModel();
    await page.getByRole('tab', { name: 'Inspect' }).click();
    const meta = page.getByRole('region', { name: 'metadata.json' });
    await expect(meta.getByRole('table', { name: 'Other fields' })).toContainText('… array of 7,000,000 items, first 100 shown');
    await expect(page.getByRole('list', { name: 'Findings' })).toContainText('metadata.json: “embedding” is array of 7,000,000 items, too big to keep: only its start is kept and shown');
    // The rest of metadata.json is used as usual.
    await expect(meta.getByRole('table', { name: 'Features (4)' })).toBeVisible();
    const longest = await longestTaskSince(page, since);
    console.log(`62 MB metadata.json: opened and inspected, longest main-thread task ${longest.toFixed(0)} ms`);
    expect(longest).toBeLessThan(1000);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a valid model with a broken metadata.json opens: the problem is a finding with its place, and the model runs', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // An unquoted key on line 53 (the JSON is written one field per line).
  const lines = JSON.stringify(irisMeta, null, 2).split('\n');
  lines[52] = lines[52]!.replace(/"([^"]+)":/, '$1:');
  await app.openFile('broken-meta.zip', zipOf({ ...iris, 'metadata.json': lines.join('\n') }));
  await app.waitForModel();
  await expect(app.alert(/metadata\.json is not valid JSON \(line 53, column 9: .*\)\. It was left out: the model opened without it/)).toBeVisible();
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByRole('list', { name: 'Findings' }).locator('[data-severity="error"]')).toContainText('metadata.json is not valid JSON (line 53');
  await page.getByRole('tab', { name: 'Run' }).click();
  await app.run();
  await page.getByRole('tab', { name: 'Predict' }).click();
  await expect(page.getByRole('heading', { name: 'Score a file' })).toBeVisible();
});
