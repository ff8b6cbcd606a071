// The reference runner (onnxruntime-node, the app's HostTensor form in and out) lives beside the
// checker's tests in core; scripts use it from there.
export { createNodeRunner, fromOrtTensor, toOrtTensor } from '../src/core/check/node-runner.fixture.mjs';

/** Loads TypeScript modules of the repository (src/core/…) through Vite, as vitest does. */
export async function loadTsModules(root, paths) {
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: false, root, server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true } });
  try {
    return await Promise.all(paths.map((p) => server.ssrLoadModule(p)));
  } finally {
    await server.close();
  }
}
