import { test, expect, PlaygroundPage } from './support/fixtures';
import { exampleFiles, zipOf } from './support/packages';

test('save two versions, alias and stage them, reload, export, delete and import', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await page.getByRole('button', { name: 'Save to library' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Saved to the library.' });
  await expect(saved).toBeVisible();
  // The same version twice is refused: a saved version never changes.
  await page.getByRole('button', { name: 'Save to library' }).click();
  await expect(app.alert(/Version 1\.0\.0 of “iris-pipeline” is already in the library/)).toBeVisible();
  await expect(saved).toHaveCount(0);

  const files = exampleFiles('iris-pipeline');
  const meta = JSON.parse(Buffer.from(files['metadata.json']!).toString()) as Record<string, unknown>;
  await page.getByRole('button', { name: '+ Open another' }).click();
  await app.openFile('iris-1.1.zip', zipOf({ ...files, 'metadata.json': JSON.stringify({ ...meta, model_version: '1.1.0' }) }));
  await app.waitForModel();
  await page.getByRole('button', { name: 'Save to library' }).click();

  await page.getByRole('button', { name: '+ Open another' }).click();
  const table = page.getByRole('table', { name: 'iris-pipeline (2 versions)' });
  await expect(table).toBeVisible();
  const library = page.getByRole('region', { name: 'Your library' });
  await library.getByRole('combobox', { name: 'Alias' }).fill('champion');
  await library.getByLabel('on version').selectOption('1.1.0');
  await library.getByRole('button', { name: 'Set alias' }).click();
  await library.getByRole('combobox', { name: 'Alias' }).fill('challenger');
  await library.getByLabel('on version').selectOption('1.0.0');
  await library.getByRole('button', { name: 'Set alias' }).click();
  await page.getByLabel('Stage of iris-pipeline version 1.1.0').selectOption('Production');
  await expect(table.getByRole('row', { name: /1\.1\.0/ })).toContainText('@champion');

  await page.reload();
  await expect(table.getByRole('row', { name: /1\.1\.0/ })).toContainText('@champion');
  await expect(table.getByRole('row', { name: /1\.0\.0/ })).toContainText('@challenger');
  await expect(page.getByLabel('Stage of iris-pipeline version 1.1.0')).toHaveValue('Production');
  await expect(page.getByTestId('storage-quota')).toContainText('available to this site');

  // Moving the alias takes it off the other version.
  await library.getByRole('combobox', { name: 'Alias' }).fill('champion');
  await library.getByLabel('on version').selectOption('1.0.0');
  await library.getByRole('button', { name: 'Set alias' }).click();
  await expect(table.getByRole('row', { name: /1\.1\.0/ })).not.toContainText('@champion');

  const [download] = await Promise.all([page.waitForEvent('download'), library.getByRole('button', { name: 'Export library (.zip)' }).click()]);
  const exported = await download.path();
  await table.getByRole('button', { name: 'Delete iris-pipeline version 1.0.0' }).click();
  await library.getByRole('button', { name: 'Delete iris-pipeline version 1.1.0' }).click();
  await expect(library).toContainText('Nothing saved yet');
  await page.getByTestId('import-library-input').setInputFiles(exported);
  await expect(page.getByRole('table', { name: 'iris-pipeline (2 versions)' })).toBeVisible();

  await page.getByRole('button', { name: 'Open iris-pipeline version 1.0.0' }).click();
  await app.waitForModel();
  await app.run();
  await expect(page.getByTestId('prediction')).toBeVisible();
});
