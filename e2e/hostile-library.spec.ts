import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Page } from '@playwright/test';
import { test, expect, PlaygroundPage } from './support/fixtures';
import { exampleFiles } from './support/packages';
import { longestTaskSince, pageNow, watchLongTasks } from './support/long-tasks';
import { handOverFile } from './support/hand-over';

const iris = exampleFiles('iris-pipeline');
const version = (v: string) => ({ version: v, savedAt: '2026-11-26T12:00:00Z', bytes: 10, files: 1, stage: 'None', metrics: {}, source: 'test' });

/** A library export as the app writes it: library.json plus packages/<name>/<version>/<files>. */
function libraryZip(models: { name: string; versions: string[] }[], extra: Zippable = {}): Buffer {
  const files: Zippable = { 'library.json': strToU8(JSON.stringify({ format: 1, models: models.map((m) => ({ name: m.name, versions: m.versions.map(version), aliases: {} })) })) };
  for (const m of models) for (const v of m.versions) files[`packages/${m.name}/${v}/model.onnx`] = [iris['model.onnx']!, { level: 0 }];
  return Buffer.from(zipSync({ ...files, ...extra }));
}

const library = (page: Page) => page.getByRole('region', { name: 'Your library' });

/** Writes a registry straight into the app's IndexedDB, as an old build (or a crafted import) could have left it. */
async function storeRegistry(page: Page, registry: unknown): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('onnx-playground-library');
        open.onupgradeneeded = () => open.result.createObjectStore('library');
        open.onsuccess = () => {
          const tx = open.result.transaction('library', 'readwrite');
          tx.objectStore('library').put(value, 'registry');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    registry,
  );
}

test.beforeEach(async ({ page }) => {
  await watchLongTasks(page);
});

test('a library export of 20,000 versions is refused at once, with the figures', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const models = Array.from({ length: 100 }, (_, m) => ({ name: `model-${m}`, versions: Array.from({ length: 200 }, (_, v) => String(v + 1)) }));
  // 20,000 versions in library.json (3 MB), with the files of the first only: the index is refused first anyway.
  const index = strToU8(JSON.stringify({ format: 1, models: models.map((m) => ({ name: m.name, versions: m.versions.map(version), aliases: {} })) }));
  const zip = Buffer.from(zipSync({ 'library.json': index, 'packages/model-0/1/model.onnx': iris['model.onnx']! }));
  const since = await handOverFile(page, 'import-library-input', 'huge-library.zip', zip, 'application/zip');
  await expect(app.alert('The library lists 20,000 versions, more than the 2,000 a library may hold; nothing was read from it.')).toBeVisible({ timeout: 10_000 });
  expect(await longestTaskSince(page, since)).toBeLessThan(1000);
  await expect(library(page)).toContainText('Nothing saved yet');
});

test('a library entry that climbs out of its package is refused, and nothing is imported', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const zip = libraryZip([{ name: 'evil', versions: ['1'] }], { 'packages/evil/1/../../../evil.onnx': iris['model.onnx']! });
  await page.getByTestId('import-library-input').setInputFiles({ name: 'slip-library.zip', mimeType: 'application/zip', buffer: zip });
  await expect(app.alert(/^“slip-library\.zip” holds an entry named “packages\/evil\/1\/\.\.\/\.\.\/\.\.\/evil\.onnx”, which is refused: it is not a plain path/)).toBeVisible();
  await expect(library(page)).toContainText('Nothing saved yet');
});

test('a large library imports quickly and lists only the rows in view', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const zip = libraryZip([
    { name: 'iris-many', versions: Array.from({ length: 1500 }, (_, v) => String(v + 1)) },
    ...Array.from({ length: 40 }, (_, m) => ({ name: `m${String(m).padStart(2, '0')}`, versions: ['1'] })),
  ]);
  const since = await handOverFile(page, 'import-library-input', 'big-library.zip', zip, 'application/zip');
  await expect(page.getByRole('table', { name: 'iris-many (1,500 versions)' })).toBeVisible({ timeout: 30_000 });
  const longest = await longestTaskSince(page, since);
  console.log(`1,540 versions imported in ${((await pageNow(page)) - since).toFixed(0)} ms, longest main-thread task ${longest.toFixed(0)} ms`);
  expect(longest).toBeLessThan(1000);
  expect(await library(page).getByRole('row').count()).toBeLessThan(200);
  await page.reload();
  await expect(page.getByRole('table', { name: 'iris-many (1,500 versions)' })).toBeVisible();
  expect(await library(page).getByRole('row').count()).toBeLessThan(200);
  // Scrolling the versions brings later rows in.
  await page.getByRole('table', { name: 'iris-many (1,500 versions)' }).locator('xpath=..').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(library(page).getByRole('row', { name: /^1500 / })).toBeVisible();
});

test('a stored library of 20,000 versions opens at once, virtualised; entries Save could not have made are left out and named', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const models = Array.from({ length: 100 }, (_, m) => ({ name: `model-${String(m).padStart(3, '0')}`, versions: Array.from({ length: 200 }, (_, v) => version(String(v + 1))), aliases: {} }));
  models[0]!.versions.push(version('../../evil'));
  await storeRegistry(page, { format: 1, models });
  await page.reload();
  const since = await pageNow(page);
  await expect(page.getByRole('table', { name: 'model-000 (200 versions)' })).toBeVisible();
  await expect(app.alert('1 saved entry is not shown, because Save could not have made it: the saved library lists a version of “model-000” named "../../evil"')).toBeVisible();
  const longest = await longestTaskSince(page, since);
  console.log(`20,000 stored versions: longest main-thread task ${longest.toFixed(0)} ms`);
  expect(longest).toBeLessThan(1000);
  expect(await library(page).getByRole('row').count()).toBeLessThan(200);
  await app.openExample('Iris pipeline');
  await app.run();
});

test('a stored library that is not a library at all never bricks the app: it says why and offers to clear it', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await storeRegistry(page, 'not a registry');
  await page.reload();
  const problem = page.getByTestId('library-problem');
  await expect(problem).toContainText('Your saved library cannot be shown: This is not an exported ONNX Playground library');
  await app.openExample('Iris pipeline');
  await app.run();
  await page.getByRole('button', { name: '+ Open another' }).click();
  await problem.getByRole('button', { name: 'Clear the library…' }).click();
  await problem.getByRole('button', { name: 'Delete every saved version' }).click();
  await expect(library(page)).toContainText('Nothing saved yet');
});

test('?safe starts without reading the library, and offers to read or clear it', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await page.getByRole('button', { name: 'Save to library' }).click();
  // Stored before the page is left (leaving at once could end the write).
  await expect(page.getByRole('status').filter({ hasText: 'Saved to the library.' })).toBeVisible();
  await app.goto('?safe');
  const problem = page.getByTestId('library-problem');
  await expect(problem).toContainText('This is a safe start (?safe in the address): the library was not read.');
  await expect(page.getByRole('table', { name: /^iris-pipeline/ })).toHaveCount(0);
  await problem.getByRole('button', { name: 'Read the library' }).click();
  await expect(page.getByRole('table', { name: 'iris-pipeline (1 version)' })).toBeVisible();
  await app.goto('?safe');
  await problem.getByRole('button', { name: 'Clear the library…' }).click();
  await problem.getByRole('button', { name: 'Delete every saved version' }).click();
  await expect(library(page)).toContainText('Nothing saved yet');
});

test('a start that never finished reading the library starts safe the next time', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  // This start's own reading has finished (and cleared its marker) before we plant a stale one.
  await expect(library(page)).toContainText('Nothing saved yet');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('onnx-playground:library-reading'))).toBeNull();
  // What a hung start leaves behind: the "reading" marker, set long ago.
  await page.evaluate(() => localStorage.setItem('onnx-playground:library-reading', String(Date.now() - 60_000)));
  await page.reload();
  await expect(page.getByTestId('library-problem')).toContainText('reading the library never finished');
  await page.reload();
  await expect(library(page)).toContainText('Nothing saved yet');
});
