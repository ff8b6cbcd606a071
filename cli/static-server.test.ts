import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveInside, serveStatic } from './static-server.mjs';

describe('static server', () => {
  const root = mkdtempSync(join(tmpdir(), 'op-static-'));
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    mkdirSync(join(root, 'ort'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'ort', 'a.wasm'), Uint8Array.of(0, 97, 115, 109));
    writeFileSync(join(tmpdir(), 'op-secret.txt'), 'secret');
    server = await serveStatic(root);
  });
  afterAll(() => server.close());

  it('serves files with their type and the cross-origin isolation headers', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(page.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    const wasm = await fetch(new URL('ort/a.wasm?v=1', server.url));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(Uint8Array.of(0, 97, 115, 109));
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('answers 404 for what is missing or outside the root', async () => {
    expect((await fetch(new URL('missing.js', server.url))).status).toBe(404);
    expect((await fetch(new URL('ort/', server.url))).status).toBe(404);
    expect((await fetch(`${server.url}..%2Fop-secret.txt`)).status).toBe(404);
    expect(resolveInside(root, '/../op-secret.txt')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
    expect(resolveInside(root, '/ort/a.wasm')).toBe(join(root, 'ort', 'a.wasm'));
  });
});
