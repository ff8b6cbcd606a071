import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The tool version written into benchmark files (vite.config.ts defines it for the app).
  define: { __APP_VERSION__: JSON.stringify('test'), __ORT_VERSION__: JSON.stringify('test') },
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'tools/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
