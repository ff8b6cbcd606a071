import { test, expect, PlaygroundPage, reference, expectOutputsClose } from './support/fixtures';

test('WebGPU (SwiftShader here) gives the same outputs as WASM, and names its adapter', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const adapter = page.getByTestId('webgpu-adapter');
  await expect(adapter).toContainText('swiftshader');
  await expect(adapter).toContainText('software');
  await app.openExample('Handwritten digits CNN');
  await app.run();
  const wasm = await app.downloadOutputs();
  expectOutputsClose(wasm, reference('digits-cnn'), 1e-4);

  await app.chooseBackend('WebGPU');
  await expect(page.getByRole('button', { name: 'Run on WebGPU' })).toBeVisible();
  await app.run();
  await expect(page.getByTestId('outputs')).toContainText('Ran on WebGPU');
  expectOutputsClose(await app.downloadOutputs(), wasm, 1e-4);
});
