import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The tool version written into benchmark files (vite.config.ts defines it for the app).
  define: { __APP_VERSION__: JSON.stringify('test'), __ORT_VERSION__: JSON.stringify('test') },
  test: {
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts', 'tools/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    // Worker threads, not child processes: the same isolation per file, and on two cores the suite
    // takes about 70 s instead of 115 (measured 2026-12-02). Turning isolation off (26 s) made the
    // download tests depend on which file ran before them in the same thread.
    pool: 'threads',
  },
});
