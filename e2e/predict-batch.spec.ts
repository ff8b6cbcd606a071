import { readFileSync } from 'node:fs';
import { test, expect, PlaygroundPage } from './support/fixtures';

const IRIS_CSV = readFileSync(new URL('../public/examples/iris-pipeline/test.csv', import.meta.url), 'utf8');

/** Opens an example on its Predict tab: in a fresh page, or (`beside`) next to the models already open. */
async function openPredict(app: PlaygroundPage, title: string, beside = false): Promise<void> {
  if (!beside) await app.goto();
  // openExample matches the title exactly: "Large digits MLP" is also the start of its float16 and int8 variants' titles.
  await app.openExample(title, beside);
  await app.page.getByRole('tab', { name: 'Predict' }).click();
  await expect(app.page.getByRole('heading', { name: 'Score a file' })).toBeVisible();
}

function upload(app: PlaygroundPage, name: string, text: string, mimeType = 'text/csv') {
  return app.page.getByTestId('batch-file-input').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });
}

const SCORED_EXAMPLES = [
  ['iris-pipeline', 'Iris pipeline', 45],
  ['iris-trees', 'Iris random forest', 45],
  ['digits-cnn', 'Handwritten digits CNN', 450],
  ['wine-mlflow', 'Wine (MLflow model)', 54],
  ['mlp-large', 'Large digits MLP', 450],
  ['iris-mlp', 'Iris neural network', 45],
  ['mlp-large-fp16', 'Large digits MLP, float16 weights', 450],
  ['mlp-large-int8', 'Large digits MLP, int8 weights', 450],
] as const;

// Each example a step, opened beside the ones before it, so that the runtime starts once.
test('every example: scoring the package’s test.csv reproduces the metrics metadata.json records', async ({ page }) => {
  test.setTimeout(SCORED_EXAMPLES.length * 60_000);
  const app = new PlaygroundPage(page);
  for (const [i, [id, title, rows]] of SCORED_EXAMPLES.entries()) {
    await test.step(id, async () => {
      await openPredict(app, title, i > 0);
      await page.getByRole('button', { name: 'Check the claimed metrics' }).click();
      await expect(page.getByTestId('metrics-verdict')).toContainText('Every recorded metric is reproduced (', { timeout: 120_000 });
      const comparison = page.getByTestId('metrics-comparison');
      const recorded = (JSON.parse(readFileSync(new URL(`../public/examples/${id}/metadata.json`, import.meta.url), 'utf8')) as { performance_metrics: Record<string, number> }).performance_metrics;
      for (const [key, value] of Object.entries(recorded)) {
        await expect(comparison.getByRole('row').filter({ hasText: key })).toContainText(String(value));
        await expect(comparison.getByRole('row').filter({ hasText: key })).toContainText('reproduced');
      }
      await expect(page.getByTestId('batch-status')).toContainText(`${rows} of ${rows} rows scored`);
      const matrix = page.getByTestId('confusion-matrix');
      await expect(matrix).toBeVisible();
      // The matrix counts every labelled row.
      const counts = await matrix.locator('tbody td').allTextContents();
      expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(rows);
    });
  }
});

test('a misnamed column is reported, naming it, before anything runs; the suggestion fixes it', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openPredict(app, 'Iris pipeline');
  await upload(app, 'renamed.csv', IRIS_CSV.replace('petal length (cm)', 'Petal_Length_cm'));
  const alert = page.getByTestId('column-mismatch');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('column “Petal_Length_cm” looks like feature “petal length (cm)”. Nothing was scored.');
  await expect(alert).toContainText('Rename that column in the file to the feature names (“petal length (cm)”), or accept the suggested matches.');
  await expect(page.getByTestId('batch-table')).toHaveCount(0);
  await alert.getByRole('button', { name: 'Use “Petal_Length_cm” as “petal length (cm)”' }).click();
  await expect(page.getByTestId('batch-status')).toContainText('45 of 45 rows scored');

  await upload(app, 'missing.csv', IRIS_CSV.replace('sepal width (cm)', 'colour'));
  await expect(app.alert('missing column “sepal width (cm)”; column “colour” matches no feature. Nothing was scored.')).toBeVisible();
});

test('a JSON body in MLflow’s dataframe_records form is scored, with labels', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openPredict(app, 'Wine (MLflow model)');
  const [header, ...lines] = readFileSync(new URL('../public/examples/wine-mlflow/test.csv', import.meta.url), 'utf8').trim().split('\n');
  const names = header!.split(',');
  const records = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, names[i] === 'target' ? v : Number(v)])));
  await upload(app, 'wine.json', JSON.stringify({ dataframe_records: records }), 'application/json');
  await expect(page.getByTestId('batch-status')).toContainText('54 of 54 rows scored');
  await expect(page.getByText('MLflow “dataframe_records” form')).toBeVisible();
  await expect(page.getByTestId('metrics-verdict')).toContainText('reproduced');
});

test('a long batch shows progress and can be cancelled, keeping what was scored', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openPredict(app, 'Large digits MLP');
  const [header, ...rows] = readFileSync(new URL('../public/examples/mlp-large/test.csv', import.meta.url), 'utf8').trim().split('\n');
  const text = [header!, ...Array.from({ length: 20_000 }, (_, i) => rows[i % rows.length]!)].join('\n');
  await upload(app, 'many-digits.csv', text);
  const progress = page.getByRole('progressbar', { name: 'Batch progress' });
  await expect(progress).toBeVisible();
  await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 60_000 }).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('batch-status')).toContainText('Stopped:', { timeout: 30_000 });
  const status = (await page.getByTestId('batch-status').textContent())!;
  const scored = Number(/([\d,]+) of/.exec(status)![1]!.replace(/,/g, ''));
  expect(scored).toBeGreaterThan(0);
  expect(scored).toBeLessThan(20_000);
  await expect(page.getByTestId('metrics-check')).toContainText('(stopped early: partial)');
});
