// Loads a TypeScript module of this repository from a plain Node script, through Vite's
// module runner (the CLI itself is plain JavaScript; benchmark scripts reuse src/ as is).
import { runnerImport } from 'vite';
import { REPO_ROOT } from '../cli/bench.mjs';

/** The module's exports, and a close() for symmetry with other runners. */
export async function runner(path) {
  const { module } = await runnerImport(`${REPO_ROOT}${path}`, { configFile: false, root: REPO_ROOT, logLevel: 'error' });
  return { ...module, close: async () => undefined };
}
