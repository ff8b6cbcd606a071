import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { test, expect, PlaygroundPage } from './support/fixtures';
import { exampleFiles, zipOf } from './support/packages';

const IRIS_CSV = readFileSync(new URL('../public/examples/iris-pipeline/test.csv', import.meta.url), 'utf8');
const FEATURES = ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'];

/** The evaluation set with petal length + 2 cm and sepal width × 1.3; the other two columns are untouched, so their KS D is 0 and PSI 0. */
function shiftedIris(): string {
  const [header, ...lines] = IRIS_CSV.trim().split('\n');
  const names = header!.split(',');
  const petal = names.indexOf('petal length (cm)');
  const sepal = names.indexOf('sepal width (cm)');
  const rows = lines.map((line) => {
    const cells = line.split(',');
    cells[petal] = (Number(cells[petal]) + 2).toFixed(1);
    cells[sepal] = (Number(cells[sepal]) * 1.3).toFixed(2);
    return cells.join(',');
  });
  return [header, ...rows].join('\n') + '\n';
}

async function openDrift(app: PlaygroundPage): Promise<void> {
  await app.goto();
  await app.openExample('Iris pipeline');
  await app.page.getByRole('tab', { name: 'Drift' }).click();
  await expect(app.page.getByRole('heading', { name: 'Drift check' })).toBeVisible();
}

function upload(app: PlaygroundPage, name: string, text: string) {
  return app.page.getByTestId('drift-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

const rowOf = (app: PlaygroundPage, feature: string) => app.page.getByTestId('drift-table').getByRole('row').filter({ has: app.page.getByRole('rowheader', { name: feature, exact: true }) });

test('a shifted production CSV: exactly the shifted features are flagged, with histograms and class shares; axe-clean', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openDrift(app);
  await expect(page.getByTestId('drift-reference')).toContainText('Reference: the package’s evaluation set test.csv');
  await upload(app, 'production.csv', shiftedIris());
  // 45 rows a side: chance alone could reach a moderate PSI, so the untouched columns are "too few rows to tell", not "stable".
  await expect(page.getByTestId('drift-summary')).toContainText('2 of 4 features drifted (2 with too few rows to tell): sepal width (cm), petal length (cm).');
  await expect(page.getByText('PSI over up to 10 bins at the reference deciles (right-closed), each bin’s count on each side plus one half (so that an empty bin is not infinite).')).toBeVisible();
  await expect(page.getByText('A feature is flagged when the KS p-value is below 0.05 or by PSI. PSI counts only above 0.1 (moderate; above 0.25 major) and above what chance alone reaches 95 % of the time with these numbers of rows; when chance alone can reach 0.1, the rows are too few to tell.')).toBeVisible();
  for (const feature of ['sepal width (cm)', 'petal length (cm)']) {
    const row = rowOf(app, feature);
    await expect(row).toHaveAttribute('data-drifted', 'true');
    await expect(row.getByRole('cell').last()).toHaveText('drifted (KS p < 0.05; PSI major)');
    const p = Number(await row.getByRole('cell').nth(1).textContent());
    expect(p).toBeLessThan(0.05);
  }
  for (const feature of ['sepal length (cm)', 'petal width (cm)']) {
    const row = rowOf(app, feature);
    await expect(row).toHaveAttribute('data-drifted', 'false');
    await expect(row.getByRole('cell')).toHaveText(['0.000', '1.0000', /^0\.000 \(\d+ bins; chance reaches 0\.\d{3}\)$/, /^too few rows to tell: chance alone reaches PSI 0\.\d\d; /]);
  }
  await expect(page.getByTestId('drift-histograms').locator('figure')).toHaveCount(4);
  await expect(page.getByTestId('drift-histograms').locator('figcaption').first()).toContainText('sepal length (cm): share of rows per bin');
  await expect(page.getByTestId('drift-histograms').locator('.recharts-bar-rectangle').first()).toBeVisible();

  // The prediction distribution: both sets scored in the worker.
  const shares = page.getByTestId('class-shares');
  await expect(shares).toContainText('Both sets scored by the model: 45 reference and 45 production rows.', { timeout: 60_000 });
  const rows = shares.locator('tbody tr');
  await expect(rows.locator('th')).toHaveText(['setosa', 'versicolor', 'virginica']);
  const counts = async (col: number) => (await rows.locator(`td:nth-of-type(${col})`).allTextContents()).map((t) => Number(/\((\d+)\)/.exec(t)![1]));
  const reference = await counts(1);
  const production = await counts(2);
  expect(reference.reduce((a, b) => a + b, 0)).toBe(45);
  expect(production.reduce((a, b) => a + b, 0)).toBe(45);
  // Longer petals push the predictions towards virginica.
  expect(production[2]!).toBeGreaterThan(reference[2]!);
  await expect(shares.locator('.recharts-bar-rectangle').first()).toBeVisible();

  await page.screenshot({ path: test.info().outputPath('drift-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // The charts re-measure themselves after the resize: wait for that layout, then require no overflow.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: 'no horizontal scrolling on a phone' })
    .toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('drift-phone.png'), fullPage: true });
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme);
    const axe = await new AxeBuilder({ page }).include('.tab-panel').analyze();
    expect(axe.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});

test('the evaluation set against itself: nothing drifted, same class shares', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openDrift(app);
  await upload(app, 'same.csv', IRIS_CSV);
  await expect(page.getByTestId('drift-summary')).toContainText('0 of 4 features drifted (all with too few rows to tell).');
  for (const feature of FEATURES) await expect(rowOf(app, feature)).toHaveAttribute('data-drifted', 'false');
  const shares = page.getByTestId('class-shares');
  // 3 classes, 45 rows a side: chance alone reaches χ²₀.₉₅(2)·(2/45) = 0.266.
  await expect(shares).toContainText('PSI over the predicted classes 0.000, where chance alone reaches 0.266 (too few rows to tell', { timeout: 60_000 });
});

test('missing and misnamed columns are a clear alert, and nothing is reported', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openDrift(app);
  await upload(app, 'renamed.csv', shiftedIris().replace('petal length (cm)', 'Petal_Length_cm').replace('sepal width (cm)', 'colour'));
  const alert = page.getByTestId('drift-column-mismatch');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('Production file renamed.csv: The file’s columns do not match the model’s features: missing column “sepal width (cm)”; column “Petal_Length_cm” looks like feature “petal length (cm)”; column “colour” matches no feature. Nothing was scored.');
  await expect(page.getByTestId('drift-summary')).toHaveCount(0);
  await expect(page.getByTestId('drift-table')).toHaveCount(0);
  // A good file afterwards clears the alert.
  await upload(app, 'production.csv', shiftedIris());
  await expect(page.getByTestId('drift-summary')).toContainText('2 of 4 features drifted');
  await expect(alert).toHaveCount(0);
});

test('a picked reference CSV replaces the evaluation set and is named', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openDrift(app);
  await page.getByTestId('drift-reference-input').setInputFiles({ name: 'last-month.csv', mimeType: 'text/csv', buffer: Buffer.from(shiftedIris()) });
  await expect(page.getByTestId('drift-reference')).toContainText('Reference: last-month.csv, which you picked instead of the package’s evaluation set.');
  await upload(app, 'production.csv', shiftedIris());
  await expect(page.getByTestId('drift-summary')).toContainText('0 of 4 features drifted (all with too few rows to tell).');
});

/** numpy.histogram of a column: `bins` equal-width bins, left-closed, the last one closed. */
function histogramOf(values: number[], bins = 10): { bin_edges: number[]; counts: number[] } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]! += 1;
  return { bin_edges: Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width)), counts };
}

function irisPackage(metadataExtra: Record<string, unknown>): Buffer {
  const files = exampleFiles('iris-pipeline');
  delete files['test.csv'];
  const metadata = { ...(JSON.parse(new TextDecoder().decode(files['metadata.json'])) as Record<string, unknown>), ...metadataExtra };
  return zipOf({ ...files, 'metadata.json': JSON.stringify(metadata) });
}

test('without an evaluation CSV: metadata.json’s training histograms are the reference; without them the user is told and picks one', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const [header, ...lines] = IRIS_CSV.trim().split('\n');
  const names = header!.split(',');
  const training_statistics = Object.fromEntries(FEATURES.map((f) => [f, { histogram: histogramOf(lines.map((l) => Number(l.split(',')[names.indexOf(f)]))) }]));
  await app.goto();
  await app.openFile('iris-stats.zip', irisPackage({ training_statistics }), 'application/zip');
  await app.waitForModel();
  await page.getByRole('tab', { name: 'Drift' }).click();
  await expect(page.getByTestId('drift-reference')).toContainText('Reference: the training statistics in metadata.json (histograms of sepal length (cm), sepal width (cm), petal length (cm), petal width (cm))');
  await upload(app, 'production.csv', shiftedIris());
  await expect(page.getByTestId('drift-summary')).toContainText('2 of 4 features drifted (2 with too few rows to tell): sepal width (cm), petal length (cm).');
  await expect(page.getByText(/From the training histogram in metadata\.json, not raw rows: PSI over its own bins/)).toBeVisible();
  for (const feature of ['sepal length (cm)', 'petal width (cm)']) {
    // The same rows as the histogram: PSI 0, but 45 rows are too few to tell; no KS from a histogram.
    await expect(rowOf(app, feature).getByRole('cell').first()).toHaveText('needs raw rows');
    await expect(rowOf(app, feature).getByRole('cell').last()).toHaveText(/^too few rows to tell/);
    await expect(rowOf(app, feature).getByRole('cell').nth(2)).toHaveText(/^0\.000 \(10 bins; chance reaches 0\.\d{3}\)$/);
  }
  await expect(page.getByTestId('class-shares')).toContainText('Production scored by the model: 45 rows.', { timeout: 60_000 });
  const axe = await new AxeBuilder({ page }).include('.tab-panel').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // Neither an evaluation CSV nor training statistics.
  await page.reload();
  await app.openFile('iris-bare.zip', irisPackage({}), 'application/zip');
  await app.waitForModel();
  await page.getByRole('tab', { name: 'Drift' }).click();
  await expect(page.getByTestId('drift-reference')).toContainText('No reference: this package has no evaluation CSV');
  await upload(app, 'production.csv', shiftedIris());
  await expect(app.alert('There is no reference to compare the production file with')).toBeVisible();
  await page.getByTestId('drift-reference-input').setInputFiles({ name: 'reference.csv', mimeType: 'text/csv', buffer: Buffer.from(IRIS_CSV) });
  await expect(page.getByTestId('drift-reference')).toContainText('Reference: reference.csv, which you picked.');
  await upload(app, 'production.csv', shiftedIris());
  await expect(page.getByTestId('drift-summary')).toContainText('2 of 4 features drifted (2 with too few rows to tell): sepal width (cm), petal length (cm).');
});

test('every example with an evaluation set ships a production sample: the drift check in one click', async ({ page }) => {
  test.setTimeout(240_000);
  const index = JSON.parse(readFileSync(new URL('../public/examples/index.json', import.meta.url), 'utf8')) as { examples: { id: string; title: string; files: string[] }[] };
  const withEvaluation = index.examples.filter((e) => e.files.includes('test.csv'));
  expect(withEvaluation.length).toBeGreaterThan(0);
  for (const e of withEvaluation) expect(e.files, e.id).toContain('production_sample.csv');

  const app = new PlaygroundPage(page);
  await app.goto();
  // Said on the landing page, before any model is open.
  await expect(page.getByTestId('more-tools')).toContainText('every example ships a production sample');
  // One tabular example, one image example (64 pixel features) and the MLflow directory.
  for (const [i, title] of ['Iris pipeline', 'Handwritten digits CNN', 'Wine (MLflow model)'].entries()) {
    await app.openExample(title, i > 0);
    await page.getByRole('tab', { name: 'Drift' }).click();
    await page.getByTestId('drift-sample').getByRole('button', { name: 'Try the package’s production sample' }).click();
    await expect(page.getByTestId('drift-summary')).toContainText(/^\d+ of \d+ features? drifted/, { timeout: 120_000 });
    await expect(page.getByText(/Production file production_sample\.csv \(\d+ rows; reference \d+ rows\)/)).toBeVisible();
    // Shifted on purpose: at least one feature is flagged, and the predicted classes move.
    expect(Number(/^(\d+) of/.exec((await page.getByTestId('drift-summary').textContent())!)![1])).toBeGreaterThan(0);
    await expect(page.getByTestId('class-shares')).toContainText('Both sets scored by the model');
  }
  // The Inspect tab names the file for what it is.
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await expect(page.getByRole('row', { name: /production_sample\.csv/ })).toContainText('production sample, for the drift check');
});
