import { readFileSync } from 'node:fs';
import { test, expect, PlaygroundPage } from './support/fixtures';
import { customOpModel } from './support/onnx-builder';

const irisModel = readFileSync(new URL('../public/examples/iris-pipeline/model.onnx', import.meta.url));

test('a garbled model and a model with a custom operator each get a message that says what is wrong', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  const garbled = Buffer.from(irisModel);
  // producer_name (24 bytes after the first field) overwritten with bytes that are not UTF-8.
  garbled.fill(0xff, 4, 28);
  await app.openFile('garbled.onnx', garbled);
  const alert = app.alert('“garbled.onnx” is not a valid ONNX model: a text field in it (a name or a string) holds bytes that are not UTF-8 text');
  await expect(alert).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'TextDecoder' })).toHaveCount(0);

  await app.openFile('custom.onnx', Buffer.from(customOpModel()));
  const custom = app.alert('The model uses the operator “FancyNormalize” from the custom domain “com.example.custom”, which onnxruntime does not have');
  await expect(custom).toBeVisible({ timeout: 60_000 });
  await expect(custom).toContainText('Re-export the model without “FancyNormalize”');
  await expect(custom).not.toContainText('lower opset');
});
