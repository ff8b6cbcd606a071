// Finds a Chromium for Playwright: CHROME_PATH first, then known system paths,
// then Playwright's own download (on machines where that works).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags that keep a headless Chromium quiet on a closed network, plus WebGPU through SwiftShader. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-webgpu',
];

/**
 * Context options for pages of the app served with its headers (tests, the CLI, the benchmarks):
 * no service worker. Its precache makes Chromium compile every script it caches, about 1.5 s of
 * CPU per fresh context, beside the test or the measurement, in a context that is thrown away;
 * the headers it would supply are sent already. The specs about hosting and the policy the worker
 * serves allow it again.
 * @type {{ serviceWorkers: 'block' }}
 */
export const APP_CONTEXT = { serviceWorkers: 'block' };

export function findChromium() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  const system = SYSTEM_PATHS.find((p) => existsSync(p));
  if (system) return system;
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const own = chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null;
  }
}
