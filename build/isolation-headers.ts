import type { Plugin } from 'vite';

/** Cross-origin isolation (for multi-threaded WASM) on every response: page, workers, ORT files, examples. */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

export function isolationHeaders(): Plugin {
  const apply = (res: { setHeader(name: string, value: string): unknown }): void => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
  };
  return {
    name: 'onnx-playground:isolation-headers',
    configureServer(server) {
      server.middlewares.use((_req, res, next) => {
        apply(res);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        apply(res);
        next();
      });
    },
  };
}
