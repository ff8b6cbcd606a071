import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export interface OutputsFile {
  outputs: Record<string, { dims: number[]; dtype: string; data: number[] }>;
}

/** Every request a page made; each test fails if any left the app's origin. */
export const test = base.extend<{ requests: string[]; appOrigins: string[] }>({
  /** Where the app under test is served from, besides baseURL (a test of another host adds its origin). */
  appOrigins: [[], { option: true }],
  requests: [
    async ({ page, baseURL, appOrigins }, use) => {
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await use(requests);
      const origins = [new URL(baseURL!).origin, ...appOrigins];
      const foreign = requests.filter((u) => !origins.some((o) => u.startsWith(`${o}/`)) && !u.startsWith('data:') && !u.startsWith('blob:'));
      expect(foreign, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export const EXAMPLES = ['iris-pipeline', 'iris-trees', 'digits-cnn', 'wine-mlflow', 'mlp-large', 'iris-mlp', 'mlp-large-fp16', 'mlp-large-int8'] as const;

export function reference(id: string): OutputsFile {
  return JSON.parse(readFileSync(new URL(`../reference/${id}.json`, import.meta.url), 'utf8')) as OutputsFile;
}

/** The app, as a user sees it. */
export class PlaygroundPage {
  constructor(readonly page: Page) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  /** Opens an example; `beside`: next to the models already open ('+ Open another'), as a user showing several would. */
  async openExample(title: string, beside = false): Promise<void> {
    if (beside) await this.page.getByRole('button', { name: '+ Open another' }).click();
    await this.page.getByRole('button', { name: `Open example ${title}`, exact: true }).click();
    await this.waitForModel();
  }

  async waitForModel(): Promise<void> {
    await expect(this.page.getByRole('button', { name: /^Run on/ })).toBeVisible({ timeout: 60_000 });
  }

  async openFile(name: string, buffer: Buffer, mimeType = 'application/octet-stream'): Promise<void> {
    await this.page.getByTestId('open-model-input').setInputFiles({ name, mimeType, buffer });
  }

  async chooseBackend(name: 'WASM' | 'WebGPU'): Promise<void> {
    await this.page.getByRole('radio', { name, exact: true }).check();
  }

  async run(): Promise<void> {
    await this.page.getByRole('button', { name: /^Run on/ }).click();
    await expect(this.page.getByTestId('outputs')).toBeVisible({ timeout: 60_000 });
  }

  async downloadOutputs(): Promise<OutputsFile> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Download outputs' }).click()]);
    const path = await download.path();
    return JSON.parse(readFileSync(path, 'utf8')) as OutputsFile;
  }

  alert(text: string | RegExp) {
    return this.page.getByRole('alert').filter({ hasText: text });
  }
}

/** Asserts two outputs files agree: same names, dims and dtypes, values within `tolerance`. */
export function expectOutputsClose(actual: OutputsFile, expected: OutputsFile, tolerance: number): void {
  expect(Object.keys(actual.outputs).sort()).toEqual(Object.keys(expected.outputs).sort());
  for (const [name, want] of Object.entries(expected.outputs)) {
    const got = actual.outputs[name]!;
    expect(got.dims, `${name} dims`).toEqual(want.dims);
    expect(got.dtype, `${name} dtype`).toBe(want.dtype);
    expect(got.data.length).toBe(want.data.length);
    const worst = Math.max(0, ...got.data.map((v, i) => Math.abs(v - want.data[i]!)));
    expect(worst, `${name}: largest difference`).toBeLessThanOrEqual(tolerance);
  }
}
