import { test, expect, PlaygroundPage } from './support/fixtures';

/** Draws polyline strokes on the canvas; points are fractions of its size. */
async function draw(app: PlaygroundPage, strokes: [number, number][][]): Promise<void> {
  const pad = app.page.getByTestId('draw-pad');
  const box = (await pad.boundingBox())!;
  for (const stroke of strokes) {
    const [x0, y0] = stroke[0]!;
    await app.page.mouse.move(box.x + x0 * box.width, box.y + y0 * box.height);
    await app.page.mouse.down();
    for (const [x, y] of stroke.slice(1)) await app.page.mouse.move(box.x + x * box.width, box.y + y * box.height, { steps: 8 });
    await app.page.mouse.up();
  }
}

test.beforeEach(async ({ page }) => {
  const app = new PlaygroundPage(page);
  await app.goto();
  await app.openExample('Handwritten digits CNN');
  await page.getByRole('tab', { name: 'Predict' }).click();
  await expect(page.getByTestId('draw-pad')).toBeVisible();
});

test('digits: draw a digit, see what the model receives, and get it back', async ({ page }) => {
  const app = new PlaygroundPage(page);
  // The resize and the scaling are stated before anything is drawn.
  await expect(page.getByTestId('image-mapping')).toContainText('resized to 8×8 by averaging');
  await expect(page.getByTestId('image-mapping')).toContainText('dark ink = 16, blank = 0');
  await page.getByRole('button', { name: 'Clear drawing' }).click();
  // A zero: an oval filling most of the square.
  const oval = Array.from({ length: 33 }, (_, i): [number, number] => {
    const a = (i / 32) * 2 * Math.PI;
    return [0.5 + 0.28 * Math.cos(a), 0.5 + 0.38 * Math.sin(a)];
  });
  await draw(app, [oval]);
  await expect(page.getByTestId('image-mapping')).toContainText('Your picture (256×256) is resized to 8×8');
  await expect(page.getByTestId('pixel-preview')).toBeVisible();
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-class')).toContainText('Predicted class: 0');
  // The CNN outputs logits: said so, and softmax is offered.
  await expect(page.getByTestId('logits-note')).toContainText('they are logits');
  await page.getByRole('checkbox', { name: 'Apply softmax' }).check();
  await expect(page.getByTestId('predicted-class')).toContainText(/\(probability [01]\.\d{3}\)/);
  await expect(page.getByTestId('snippet-javascript')).toContainText(`"pixels": new ort.Tensor('float32', Float32Array.from([`);

  // A one: a vertical bar.
  await page.getByRole('button', { name: 'Clear drawing' }).click();
  await draw(app, [[[0.52, 0.1], [0.5, 0.9]]]);
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-class')).toContainText('Predicted class: 1');
});

test('digits: upload an image, or fill the tensor as JSON with its shape checked', async ({ page }) => {
  // An 8×8 PNG of a vertical bar, made in the page.
  const png = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 64;
    c.height = 64;
    const ctx = c.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 64, 64);
    ctx.fillStyle = '#000';
    ctx.fillRect(26, 6, 12, 52);
    const blob = await new Promise<Blob>((resolve) => c.toBlob((b) => resolve(b!), 'image/png'));
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  await page.getByLabel('Upload an image…').setInputFiles({ name: 'one.png', mimeType: 'image/png', buffer: Buffer.from(png) });
  await expect(page.getByTestId('image-mapping')).toContainText('Your picture (64×64) is resized to 8×8');
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-class')).toContainText('Predicted class: 1');

  const editor = page.getByRole('textbox', { name: 'Values of pixels as JSON (nested arrays)' });
  await editor.fill('[[1, 2, 3]]');
  await expect(page.getByRole('alert').filter({ hasText: /“pixels” has 2 dimensions \[1, 3\], but the model expects 4: \[batch, 1, 8, 8\]/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Predict', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Random float32 values' }).click();
  await expect(page.getByRole('button', { name: 'Predict', exact: true })).toBeEnabled();
});
