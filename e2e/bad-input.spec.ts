import { readFileSync } from 'node:fs';
import { test, expect, PlaygroundPage, reference, expectOutputsClose } from './support/fixtures';

const irisModel = readFileSync(new URL('../public/examples/iris-pipeline/model.onnx', import.meta.url));

const BAD_FILES = [
  { name: 'empty.onnx', buffer: Buffer.alloc(0), message: /“empty\.onnx” is empty \(0 bytes\)/, hint: /Export or download the model again/ },
  { name: 'notes.onnx', buffer: Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 1234\n'), message: /“notes\.onnx” is a text file, not an ONNX model/, hint: /Git LFS pointer/ },
  { name: 'cut.onnx', buffer: irisModel.subarray(0, Math.floor(irisModel.length * 0.6)), message: /“cut\.onnx” ends early: it is a truncated ONNX model/, hint: /interrupted download/ },
  { name: 'model.pkl', buffer: Buffer.from([0x80, 0x04, 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0]), message: /“model\.pkl” is a Python pickle, which cannot run in a browser/, hint: /skl2onnx/ },
  { name: 'pipeline.joblib', buffer: Buffer.from([0x80, 0x03, 0x63, 0x73, 0x6b]), message: /“pipeline\.joblib” is a joblib \(pickle\) file/, hint: /to_onnx/ },
  { name: 'net.pt', buffer: Buffer.from('PK\u0003\u0004not really'), message: /“net\.pt” is a PyTorch checkpoint/, hint: /torch\.onnx\.export/ },
];

test('bad files each get a specific alert, and the model already open keeps working', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await page.getByRole('button', { name: '+ Open another' }).click();
  for (const bad of BAD_FILES) {
    await app.openFile(bad.name, bad.buffer);
    const alert = app.alert(bad.message);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(bad.hint);
  }
  await expect(page.getByRole('navigation', { name: 'Open models' }).getByRole('button', { name: /^Close / })).toHaveCount(1);
  await page.getByRole('button', { name: 'iris-pipeline', exact: true }).click();
  await app.run();
  expectOutputsClose(await app.downloadOutputs(), reference('iris-pipeline'), 1e-4);
});

test('a ?model= link that 404s says so, and the app stays usable', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto('?model=models/missing.onnx');
  const alert = app.alert(/Could not download .*models\/missing\.onnx: the server answered 404/);
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('check the link');
  await app.openExample('Iris pipeline');
  await app.run();
});

test('an engine worker that dies (out of memory) is reported and replaced', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Iris pipeline');
  await app.run();
  const engine = page.workers().find((w) => w.url().includes('wasm.worker'));
  expect(engine, 'the WASM engine worker').toBeTruthy();
  // Exhaust the worker's memory, as a model far too big for the tab would.
  await engine!.evaluate(() => {
    setTimeout(() => {
      const hoard: ArrayBuffer[] = [];
      for (;;) hoard.push(new ArrayBuffer(512 * 1024 * 1024));
    });
  });
  await expect(app.alert(/engine stopped unexpectedly/)).toBeVisible();
  await app.run();
  expectOutputsClose(await app.downloadOutputs(), reference('iris-pipeline'), 1e-4);
});
