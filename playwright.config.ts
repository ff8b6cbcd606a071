import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './cli/chromium-path.mjs';

// E2E_PORT and E2E_DIST let several checkouts (or people) test side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';
// The same app built for a sub-path, on a host that sends no isolation headers (like GitHub Pages).
const PAGES_PORT = Number(process.env.E2E_PAGES_PORT ?? PORT + 1);
const PAGES_DIST = process.env.E2E_PAGES_DIST ?? (process.env.E2E_DIST ? process.env.E2E_DIST : 'dist-pages');

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: (findChromium() as string | null) ?? undefined,
      args: CHROMIUM_ARGS as string[],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
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
