import { readFileSync } from 'node:fs';
import { test, expect, PlaygroundPage } from './support/fixtures';
import { longestTaskSince, watchLongTasks } from './support/long-tasks';
import { handOverFile } from './support/hand-over';

const IRIS_CSV = readFileSync(new URL('../public/examples/iris-pipeline/test.csv', import.meta.url), 'utf8');

async function openPredict(app: PlaygroundPage): Promise<void> {
  await app.goto();
  await app.openExample('Iris pipeline');
  await app.page.getByRole('tab', { name: 'Predict' }).click();
  await expect(app.page.getByRole('heading', { name: 'Score a file' })).toBeVisible();
}

const upload = (app: PlaygroundPage, name: string, text: string, mimeType = 'text/csv') => app.page.getByTestId('batch-file-input').setInputFiles({ name, mimeType, buffer: Buffer.from(text) });

test.beforeEach(async ({ page }) => {
  await watchLongTasks(page);
});

test('a JSON body nested 100,000 levels deep is refused at once with where, and the picker keeps working', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openPredict(app);
  const since = await handOverFile(page, 'batch-file-input', 'deep.json', Buffer.from(`{"inputs": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`), 'application/json');
  await expect(app.alert('deep.json is not valid JSON (line 1, column 111: nested more than 100 levels deep, which no real file needs).')).toBeVisible({ timeout: 5000 });
  expect(await longestTaskSince(page, since)).toBeLessThan(1000);
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
  await upload(app, 'iris.csv', IRIS_CSV);
  await expect(page.getByTestId('batch-status')).toContainText('45 of 45 rows scored');
});

test('a CSV with hex numbers, empty rows and extra columns: nothing misread, nothing dropped silently', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openPredict(app);
  const [header, ...rows] = IRIS_CSV.trim().split('\n');
  const csv = [
    `${header},comment,id`,
    `${rows[0]},ok,1`,
    `0x10,2.9,4.7,1.4,1,hex,2`,
    `6.1,2.9,4.7,1_000,1,underscore,3`,
    ',,,,,,',
    '',
    `${rows[1]},ok,4`,
    '   ',
    `61e-1,2.9,4.7,1.4,1,scientific,5`,
  ].join('\n');
  await upload(app, 'surprises.csv', `${csv}\n`);
  await expect(page.getByTestId('batch-status')).toHaveText('3 of 7 rows scored, 2 not scored (missing or unreadable values), 2 empty rows skipped; columns “comment”, “id” ignored (no such feature).');
  const table = page.getByTestId('batch-table');
  // The label column names the class of an index, as the prediction beside it does.
  await expect(table.getByRole('row', { name: /^1 / })).toContainText('2 (virginica)');
  // Read as nothing, never as 16: the feature's cell is empty and only the reason quotes the text.
  await expect(table.getByRole('row', { name: /^2 / }).getByRole('cell').nth(1)).toHaveText('—');
  await expect(table.getByRole('cell', { name: '16', exact: true })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /^2 / })).toContainText('not scored');
  // Each flagged row's reason is on screen, in its status cell.
  await expect(table.getByRole('button', { name: 'Row 2, not scored: “sepal length (cm)” must be a number, not “0x10”.' })).toBeVisible();
  await expect(table.getByRole('button', { name: 'Row 3, not scored: “petal width (cm)” must be a number, not “1_000”.' })).toBeVisible();
  await expect(table.getByRole('button', { name: 'Row 4, not scored: Empty row (no values): skipped.' })).toBeVisible();
});
