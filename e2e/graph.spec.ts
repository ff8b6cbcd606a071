import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { cpuFallbackModel } from './support/onnx-builder';
import { deepResidualModel } from './support/graph-models';
import { EXAMPLES, expect, PlaygroundPage, test } from './support/fixtures';

const index = JSON.parse(readFileSync(new URL('../public/examples/index.json', import.meta.url), 'utf8')) as { examples: { id: string; title: string }[] };
const titleOf = (id: string): string => index.examples.find((e) => e.id === id)!.title;

/** The Graph tab, as a user drives it. */
class GraphPage {
  constructor(readonly page: Page) {}

  async open(timeout = 60_000): Promise<{ nodes: number; boxes: number; seconds: number }> {
    await this.page.getByRole('tab', { name: 'Graph' }).click();
    const status = this.page.getByTestId('graph-status');
    await expect(status).toHaveText(/ laid out in /, { timeout });
    const [, nodes, boxes, seconds] = /^([\d,]+) nodes; ([\d,]+) boxes laid out in ([\d.]+) s\.$/.exec((await status.textContent()) ?? '')!;
    const number = (s: string | undefined): number => Number((s ?? '').replace(/,/g, ''));
    return { nodes: number(nodes), boxes: number(boxes), seconds: Number(seconds) };
  }

  /** A fresh page with the example open on its Graph tab. */
  async example(id: string): Promise<void> {
    await new PlaygroundPage(this.page).goto();
    await new PlaygroundPage(this.page).openExample(titleOf(id));
    await this.open();
  }

  box(text: string | RegExp) {
    return this.page.locator('.react-flow__node').filter({ hasText: text });
  }

  async overlay(name: 'None' | 'Time per node' | 'GPU or CPU (WebGPU)' | 'Work and GFLOP/s'): Promise<void> {
    await this.page.getByRole('radio', { name, exact: true }).check();
  }

  panel() {
    return this.page.getByTestId('graph-node-panel');
  }
}

async function profile(page: Page, backends: { wasm: boolean; webgpu: boolean }): Promise<void> {
  await page.getByRole('tab', { name: 'Speed' }).click();
  const form = page.getByRole('form', { name: 'Take it apart' });
  await form.getByRole('checkbox', { name: 'WASM', exact: true }).setChecked(backends.wasm);
  await form.getByRole('checkbox', { name: 'WebGPU', exact: true }).setChecked(backends.webgpu);
  await form.getByRole('button', { name: 'Profile', exact: true }).click();
  await expect(page.getByTestId('speed-status')).toHaveText('Profile finished.', { timeout: 150_000 });
}

/** requestAnimationFrame deltas (ms) in the page while `work` runs. */
async function frameTimes(page: Page, work: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__frames = [];
    w.__framing = true;
    let last = performance.now();
    const tick = (now: number): void => {
      w.__frames.push(now - last);
      last = now;
      if (w.__framing) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await work();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __framing: boolean };
    w.__framing = false;
    return w.__frames.slice(1);
  });
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

test.describe.configure({ timeout: 240_000 });

// Each example a step, opened beside the ones before it, so that the runtime starts once.
test('the graph of every example opens: every node of the model, laid out and drawn', async ({ page }) => {
  test.setTimeout(EXAMPLES.length * 45_000);
  const app = new PlaygroundPage(page);
  const graph = new GraphPage(page);
  await app.goto();
  for (const [i, id] of EXAMPLES.entries()) {
    await test.step(id, async () => {
      await app.openExample(titleOf(id), i > 0);
      await page.getByRole('tab', { name: 'Inspect' }).click();
      const caption = await page.getByRole('table', { name: /^Operators: \d+ nodes/ }).locator('caption').textContent();
      const expected = Number(/Operators: (\d+) nodes/.exec(caption ?? '')![1]);
      const figures = await graph.open();
      expect(figures.nodes, id).toBe(expected);
      await expect(graph.box(/^input /).first()).toBeVisible();
      expect(await page.locator('.react-flow__node').count()).toBeGreaterThan(0);
    });
  }
});

test('search finds a node by operator type, name or tensor; the panel shows its shapes and work', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.example('digits-cnn');
  await page.getByRole('searchbox', { name: 'Search the graph' }).fill('maxpool');
  await expect(page.getByRole('status').filter({ hasText: /^\d+ match/ })).toContainText('2 matches');
  await page.getByTestId('graph-hits').getByRole('button', { name: 'MaxPool “/features/features.4/MaxPool”' }).click();
  await expect(graph.panel().getByRole('heading')).toHaveText('MaxPool “/features/features.4/MaxPool”');
  await expect(graph.box('/features/features.4/MaxPool').locator('.graph-box')).toHaveClass(/selected/);
  // Its input and output shapes, inferred where the model declares none; the batch bound to 1 as in the Run tab.
  await expect(graph.panel().getByRole('table', { name: 'Outputs' })).toContainText('float32[batch, 16, 4, 4]');
  await expect(page.getByTestId('graph-node-work')).toHaveText('1.02 k elements (1.02 kFLOP): output elements·window = 1·16·4·4·2·2');
  // From the panel to the node that reads its output.
  await graph.panel().getByRole('button', { name: '→ /head/head.0/Flatten' }).click();
  await expect(graph.panel().getByRole('heading')).toHaveText('Flatten “/head/head.0/Flatten”');
});

test('after a profile, the time overlay colours the nodes; its hottest node is the profile table’s slowest; Show in graph selects it', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const graph = new GraphPage(page);
  await app.goto();
  await app.openExample(titleOf('digits-cnn'));
  await profile(page, { wasm: true, webgpu: false });
  const table = page.locator('[data-testid^="slowest-nodes-wasm"]');
  const slowest = ((await table.locator('tbody tr').first().locator('th').textContent()) ?? '').trim();
  expect(slowest).not.toBe('');
  await graph.open();
  await graph.overlay('Time per node');
  const legend = page.getByTestId('graph-legend');
  await expect(legend).toContainText('Time per node, WASM');
  // onnxruntime fuses Conv + Relu into FusedConv named after the Conv, and Gemm + Relu into “fused <Gemm>”.
  const plain = slowest.replace(/^fused /, '');
  await expect(legend).toContainText(`Hottest: ${plain} (`);
  const hottest = page.locator('.react-flow__node:has(.tone-heat-4)');
  await expect(hottest.first()).toBeVisible();
  await expect(hottest.filter({ hasText: plain })).toHaveCount(1);
  // The side panel: its time on the profiled backend.
  await page.getByRole('tab', { name: 'Speed' }).click();
  await table.getByRole('button', { name: `Show ${slowest} in the graph` }).click();
  await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
  await expect(graph.panel().getByRole('heading')).toContainText(plain);
  await expect(page.getByTestId('graph-node-times')).toContainText(/WASM · \d threads?/);
  await expect(page.getByTestId('graph-node-times').locator('tbody td').first()).toHaveText(/^\d/);
});

test('a CPU-fallback node (Hardmax) is marked on WebGPU, with the copies onnxruntime puts around it', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const graph = new GraphPage(page);
  await app.goto();
  await app.openFile('fallback.onnx', Buffer.from(cpuFallbackModel()));
  await app.waitForModel();
  await profile(page, { wasm: false, webgpu: true });
  await graph.open();
  await graph.overlay('GPU or CPU (WebGPU)');
  await expect(graph.box('odd_one').locator('.graph-box')).toHaveClass(/tone-cpu/);
  await expect(graph.box('odd_one')).toContainText('CPU fallback');
  await expect(graph.box('project').locator('.graph-box')).toHaveClass(/tone-gpu/);
  await expect(graph.box('relu').locator('.graph-box')).toHaveClass(/tone-gpu/);
  await expect(page.locator('.graph-route-copy-label')).toHaveText(['MemcpyToHost', 'MemcpyFromHost']);
  await expect(page.getByTestId('graph-legend')).toContainText('1 node fell back to the CPU');
  // From the Speed tab's placement table to the node.
  await page.getByRole('tab', { name: 'Speed' }).click();
  await page.getByTestId('placement-cpu-nodes').getByRole('button', { name: 'Show odd_one in the graph' }).click();
  await expect(graph.panel().getByRole('heading')).toHaveText('Hardmax “odd_one”');
  await expect(page.getByTestId('graph-node-times')).toContainText('Hardmax on the CPU (fallback)');
});

test('a generated 2,000-node model: laid out in a worker, only what is in view drawn, panning stays smooth (figures logged)', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const graph = new GraphPage(page);
  await app.goto();
  await app.openFile('deep-residual.onnx', Buffer.from(deepResidualModel(2000)));
  await app.waitForModel();
  // The page stays responsive while the worker lays the graph out.
  const duringLayout = await frameTimes(page, async () => {
    await page.getByRole('tab', { name: 'Graph' }).click();
    await expect(page.getByTestId('graph-status')).toHaveText(/ laid out in /, { timeout: 180_000 });
  });
  const figures = await graph.open(180_000);
  expect(figures.nodes).toBeGreaterThanOrEqual(2000);
  const drawn = await page.locator('.react-flow__node').count();
  expect(drawn).toBeGreaterThan(0);
  expect(drawn).toBeLessThan(figures.boxes / 4);

  const canvas = page.getByTestId('graph-canvas');
  const area = (await canvas.boundingBox())!;
  const pan = async (): Promise<number[]> =>
    frameTimes(page, async () => {
      const cx = area.x + area.width / 2;
      const cy = area.y + area.height / 2;
      for (let sweep = 0; sweep < 6; sweep++) {
        await page.mouse.move(cx, cy + (sweep % 2 ? -150 : 150));
        await page.mouse.down();
        await page.mouse.move(cx + (sweep % 2 ? 100 : -100), cy + (sweep % 2 ? 150 : -150), { steps: 30 });
        await page.mouse.up();
      }
    });
  const panning = await pan();
  // Fitted, the whole graph is in view: drawn as one overview picture instead of 2,000 boxes.
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(page.getByTestId('graph-overview')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const fitted = await pan();
  const stats = (values: number[]) => `${values.length} frames, median ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms`;
  console.log(`[graph] ${figures.nodes} nodes, ${figures.boxes} boxes: layout ${figures.seconds.toFixed(2)} s in the worker; frames while laying out: ${stats(duringLayout)}; panning at zoom 0.8 (${drawn} boxes in the page): ${stats(panning)}; panning fitted (the overview): ${stats(fitted)}`);
  expect(panning.length).toBeGreaterThan(10);
  // The keyboard pans and zooms too.
  await canvas.focus();
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('+');
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(before);
});

test('an Inspect finding about a model output links to that output in the graph', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const graph = new GraphPage(page);
  await app.goto();
  await app.openExample(titleOf('wine-mlflow'));
  await page.getByRole('tab', { name: 'Inspect' }).click();
  await page.getByRole('list', { name: 'Findings' }).getByRole('button', { name: 'Show probabilities in the graph' }).click();
  await expect(page.getByRole('tab', { name: 'Graph' })).toHaveAttribute('aria-selected', 'true');
  await expect(graph.panel().getByRole('heading')).toHaveText('Graph output “probabilities”', { timeout: 60_000 });
  await expect(graph.box('output probabilities').locator('.graph-box')).toHaveClass(/selected/);
});

test('exports the graph as SVG and PNG, and the measurements as a Netron attachment', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.example('digits-cnn');
  await graph.overlay('Work and GFLOP/s');
  const save = async (name: string): Promise<Buffer> => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return readFileSync((await download.path())!);
  };
  const svg = (await save('Download SVG')).toString('utf8');
  expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('/features/features.4/MaxPool');
  expect(svg).toContain('Estimated work per node (FLOPs)');
  const png = await save('Download PNG');
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const attachment = JSON.parse((await save('Netron attachment (JSON)')).toString('utf8')) as { signature: string; metrics: { kind: string; target: string; name: string; value: number }[] };
  expect(attachment.signature).toBe('netron:attachment');
  expect(attachment.metrics).toContainEqual({ kind: 'node', target: '/features/features.0/Conv', name: 'MACs', value: 4608 });
});

test('the Graph tab passes axe in light and dark themes and fits a phone', async ({ page }) => {
  const graph = new GraphPage(page);
  await graph.example('digits-cnn');
  await graph.overlay('Work and GFLOP/s');
  // By keyboard: from the canvas, Tab reaches the boxes in view and Enter selects one.
  await page.getByTestId('graph-canvas').focus();
  await page.keyboard.press('Tab');
  await expect(page.locator('.react-flow__node:focus')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(graph.panel()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the graph' }).fill('conv');
  await page.getByTestId('graph-hits').getByRole('button').first().click();
  for (const theme of ['Light', 'Dark'] as const) {
    await page.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    const axe = await new AxeBuilder({ page }).include('.tab-panel').analyze();
    expect(axe.violations.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('graph-canvas')).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  const axe = await new AxeBuilder({ page }).include('.tab-panel').analyze();
  expect(axe.violations.map((v) => `phone ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});
