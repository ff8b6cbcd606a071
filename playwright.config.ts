import { defineConfig } from '@playwright/test';
import { APP_CONTEXT, CHROMIUM_ARGS, findChromium } from './cli/chromium-path.mjs';

// E2E_PORT and E2E_DIST let several checkouts (or people) test side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';
// The same app built for a sub-path, on a host that sends no isolation headers (like GitHub Pages).
const PAGES_PORT = Number(process.env.E2E_PAGES_PORT ?? PORT + 1);
const PAGES_DIST = process.env.E2E_PAGES_DIST ?? (process.env.E2E_DIST ? process.env.E2E_DIST : 'dist-pages');

// Specs that measure time (benchmarks, profiles, cancel latency, main-thread long tasks) run on their
// own, one at a time, after the rest: a second test sharing the 2 cores would be part of what they measure.
const MEASURING = [
  'benchmark.spec.ts',
  'benchmark-verdict.spec.ts',
  'url-benchmark.spec.ts',
  'run-memory.spec.ts',
  'compare.spec.ts',
  'speed.spec.ts',
  'predict-responsiveness.spec.ts',
  'hostile-archives.spec.ts',
  'hostile-batch.spec.ts',
  'hostile-library.spec.ts',
  'hostile-metadata.spec.ts',
].map((f) => `**/${f}`);

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  // Two at a time for the functional specs; E2E_WORKERS=1 runs everything in sequence.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    acceptDownloads: true,
    // No service worker, except in hosting.spec.ts and content-security-policy.spec.ts (see APP_CONTEXT).
    ...APP_CONTEXT,
    // CI prints each failure's page snapshot (error-context.md); a trace is for people debugging locally.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    launchOptions: {
      executablePath: (findChromium() as string | null) ?? undefined,
      args: CHROMIUM_ARGS as string[],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: MEASURING },
    // scripts/e2e.mjs runs this project after the other one; a single spec file runs alone either way.
    { name: 'measuring', use: { browserName: 'chromium' }, testMatch: MEASURING, workers: 1 },
  ],
  // The production build, served with the same COOP/COEP headers as `npm run preview`.
  webServer: [
    {
      command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
      url: `http://localhost:${PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `node e2e/support/static-server.mjs ${PAGES_DIST} ${PAGES_PORT} /onnx-playground/`,
      url: `http://localhost:${PAGES_PORT}/onnx-playground/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
