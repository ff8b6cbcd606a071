import { spawn, type ChildProcess } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, PlaygroundPage, reference, expectOutputsClose } from './support/fixtures';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const PAGES_ORIGIN = `http://localhost:${Number(process.env.E2E_PAGES_PORT ?? PORT + 1)}`;
const PAGES = `${PAGES_ORIGIN}/onnx-playground/`;
/** `npm start` (Vite's dev server) for the one test that needs it. */
const DEV_PORT = Number(process.env.E2E_DEV_PORT ?? PORT + 2);
// The policy the service worker adds is checked here: let it register (the other specs block it).
test.use({ serviceWorkers: 'allow' });

interface Watched {
  violations: string[];
}

/** Every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as Watched;
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as Watched).violations);

/** An inline script injected the way a rendering slip would: it must not run. */
async function expectInlineScriptBlocked(page: Page): Promise<void> {
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = 1';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { __injected?: number }).__injected ?? 0;
  });
  expect(ran, 'an injected inline script ran').toBe(0);
  await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src-elem inline/));
  // (eval cannot be probed from here: code run through the DevTools protocol is exempt from CSP; the policy text is checked instead.)
}

test.beforeEach(async ({ page }) => {
  await watchViolations(page);
});

test('npm run preview: a strict policy on every response; the app works under it, WASM (threads) and WebGPU alike', async ({ page, request }) => {
  test.setTimeout(180_000);
  const app = new PlaygroundPage(page);
  const response = await page.goto('/');
  const policy = response!.headers()['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'", "img-src 'self' blob: data:"]) expect(policy).toContain(directive);
  expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
  // The built page carries it too, for hosts that send no headers.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute('content')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  // The second policy, added at start, narrows connections to this site.
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').nth(1).getAttribute('content')).toBe("connect-src 'self'");
  await expectInlineScriptBlocked(page);

  await page.getByRole('combobox', { name: 'WASM threads' }).selectOption('2');
  await app.openExample('Iris pipeline');
  await app.run();
  await expect(page.getByTestId('outputs')).toContainText('2 threads');
  expectOutputsClose(await app.downloadOutputs(), reference('iris-pipeline'), 1e-4);
  await app.chooseBackend('WebGPU');
  await app.run();
  await expect(page.getByTestId('outputs')).toContainText('WebGPU');
  // recharts draws the Predict tab's probabilities.
  await page.getByRole('tab', { name: 'Predict' }).click();
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  // Workers run under the same policy as the page: nothing evaluates strings (the ONNX decoders are generated ahead of time).
  const engine = page.workers().find((w) => /wasm\.worker/.test(w.url()));
  expect(engine, 'the WASM engine worker').toBeTruthy();
  expect((await request.get(engine!.url())).headers()['content-security-policy']).not.toContain("'unsafe-eval'");
  expect((await request.get('/ort/ort-wasm-simd-threaded.mjs')).headers()['content-security-policy']).not.toContain("'unsafe-eval'");
  // Nothing but the injected script was refused (each policy, header and <meta>, reports it).
  expect((await violations(page)).filter((v) => !/^script-src-elem inline/.test(v))).toEqual([]);
});

test.describe('on a sub-path host without headers', () => {
  test.use({ appOrigins: [PAGES_ORIGIN] });

  test('the <meta> policy holds from the first load, and the service worker adds the header', async ({ page }) => {
    const response = await page.goto(PAGES);
    expect(response!.headers()['content-security-policy']).toBeUndefined();
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').first().getAttribute('content')).toContain("object-src 'none'");
    await expect.poll(() => page.evaluate(() => self.crossOriginIsolated).catch(() => false), { timeout: 30_000 }).toBe(true);
    await page.waitForLoadState('load');
    const served = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(served).toContain("frame-ancestors 'self'");
    expect(served).not.toContain("'unsafe-eval'");
    await expectInlineScriptBlocked(page);
    const app = new PlaygroundPage(page);
    await app.openExample('Iris pipeline');
    await app.run();
  });
});

test('?model= opens http(s) addresses and paths only, says so, and fetches nothing else', async ({ page }) => {
  const app = new PlaygroundPage(page);
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  for (const [link, scheme] of [
    ['javascript:alert(document.domain)', 'javascript:'],
    ['file:///etc/passwd', 'file:'],
    ['data:application/octet-stream;base64,CAgSBG9ubng=', 'data:'],
  ] as const) {
    await app.goto(`?model=${encodeURIComponent(link)}`);
    const alert = app.alert(`a ?model= link must be an http(s) address or a path on this site, not a ${scheme} URL. Nothing was fetched.`);
    await expect(alert).toBeVisible();
    await expect(alert).not.toContainText('CORS');
  }
  expect(fetched.filter((u) => !u.startsWith('http'))).toEqual([]);
});

test.describe('connections', () => {
  test.use({ appOrigins: [PAGES_ORIGIN] });

  test('the page may connect only to itself and to the origin a ?model= link names', async ({ page }) => {
    const app = new PlaygroundPage(page);
    await app.goto();
    const other = `${PAGES_ORIGIN}/onnx-playground/examples/index.json`;
    expect(await page.evaluate((url) => fetch(url).then(() => 'fetched', () => 'blocked'), other)).toBe('blocked');
    await expect.poll(() => violations(page)).toContainEqual(`connect-src ${other}`);
    // Named by the link, that origin is asked (it sends no CORS header, so the browser then refuses the answer).
    await app.goto(`?model=${encodeURIComponent(`${PAGES_ORIGIN}/onnx-playground/examples/iris-pipeline.zip`)}`);
    const alert = app.alert(`Could not download ${PAGES_ORIGIN}/onnx-playground/examples/iris-pipeline.zip: the request failed.`);
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('CORS');
    expect(await violations(page)).toEqual([]);
  });
});

test.describe('npm start', () => {
  let server: ChildProcess | null = null;
  test.beforeAll(async () => {
    server = spawn('npx', ['vite', '--port', String(DEV_PORT), '--strictPort'], { stdio: 'ignore', detached: true });
    const deadline = Date.now() + 60_000;
    for (;;) {
      const up = await fetch(`http://localhost:${DEV_PORT}/`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error('the dev server did not start');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
  test.afterAll(() => {
    if (server?.pid) process.kill(-server.pid);
  });
  test.use({ appOrigins: [`http://localhost:${DEV_PORT}`] });

  test('the dev server sends the policy; React, hot reload and the engine work under it', async ({ page }) => {
    test.setTimeout(240_000);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    const response = await page.goto(`http://localhost:${DEV_PORT}/`);
    const policy = response!.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[\w+/=]+'; /);
    expect(policy).not.toContain("'unsafe-eval'");
    await expect(page.getByRole('heading', { name: 'Your library' })).toBeVisible({ timeout: 60_000 });
    await expect.poll(() => sockets.length).toBeGreaterThan(0);
    await expectInlineScriptBlocked(page);
    const app = new PlaygroundPage(page);
    await app.openExample('Iris pipeline');
    await app.run();
    expect((await violations(page)).filter((v) => !/^script-src-elem inline/.test(v))).toEqual([]);
  });
});
