import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin, ViteDevServer } from 'vite';

/**
 * The Content-Security-Policy the app runs under. It allows exactly what the app does:
 * - its own scripts and module workers, and WebAssembly compilation ('wasm-unsafe-eval',
 *   for onnxruntime), but no inline script and no eval;
 * - styles from its own stylesheets (React sets styles through the CSSOM, which CSP allows);
 * - images it draws itself (blob:, data:);
 * - connections to itself, and to the http(s) address a `?model=` link names (the page
 *   narrows this to that one origin at start, see src/app/connect-policy.ts);
 * - nothing else: no plugins, no <base>, no form posts, not framed by other sites.
 *
 * One exception, for the engine workers' scripts only (a worker has no DOM, and its policy is
 * the one its own script is served with): 'unsafe-eval', because protobufjs, which decodes
 * the ONNX model there, builds its decoders with `new Function` from our fixed schema. The
 * page itself never evaluates strings.
 */
const DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'https:', 'http:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'self'"],
};

/** Directives a <meta> cannot carry (browsers ignore them there, with a console warning). */
const HEADER_ONLY = new Set(['frame-ancestors']);

/** The engine workers' scripts: `/src/engine/wasm.worker.ts?worker_file…` in dev, `/assets/wasm.worker-<hash>.js` built. */
export const ENGINE_WORKER_SCRIPT = /\/(?:wasm|webgpu)\.worker[.-]/;

export interface PolicyOptions {
  /** `<meta>` form: without header-only directives. */
  readonly meta?: boolean;
  /** The policy an engine worker's script is served with (see above). */
  readonly engineWorker?: boolean;
  /** Vite's dev server: its HMR socket, the inline React-refresh preamble (by hash) and injected <style> tags. */
  readonly dev?: { readonly scriptHashes: readonly string[] };
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const directives: Record<string, string[]> = Object.fromEntries(Object.entries(DIRECTIVES).map(([k, v]) => [k, [...v]]));
  if (options.engineWorker) directives['script-src']!.push("'unsafe-eval'");
  if (options.dev) {
    directives['script-src']!.push(...options.dev.scriptHashes.map((h) => `'sha256-${h}'`));
    directives['style-src']!.push("'unsafe-inline'");
    directives['connect-src']!.push('ws:', 'wss:');
  }
  return Object.entries(directives)
    .filter(([name]) => !(options.meta && HEADER_ONLY.has(name)))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** SHA-256 (base64) of every inline script of a page, for a policy that allows exactly those. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (match[1]!.trim()) hashes.push(createHash('sha256').update(match[1]!).digest('base64'));
  }
  return hashes;
}

async function devPolicies(server: ViteDevServer, indexHtml: string): Promise<{ page: string; engine: string }> {
  const html = await server.transformIndexHtml('/', readFileSync(indexHtml, 'utf8'));
  const dev = { scriptHashes: inlineScriptHashes(html) };
  return { page: contentSecurityPolicy({ dev }), engine: contentSecurityPolicy({ dev, engineWorker: true }) };
}

/**
 * Serves the policy as a header from `npm start` and `npm run preview`, and writes it into the
 * built page as a <meta> for hosts that send no headers (the service worker adds the header there).
 */
export function contentSecurityPolicyPlugin(indexHtml: string): Plugin {
  return {
    name: 'onnx-playground:content-security-policy',
    configureServer(server) {
      let policies: Promise<{ page: string; engine: string }> | null = null;
      server.middlewares.use((req, res, next) => {
        policies ??= devPolicies(server, indexHtml);
        policies.then(
          (p) => {
            res.setHeader('Content-Security-Policy', ENGINE_WORKER_SCRIPT.test(req.url ?? '') ? p.engine : p.page);
            next();
          },
          (error: unknown) => next(error),
        );
      });
    },
    configurePreviewServer(server) {
      const page = contentSecurityPolicy();
      const engine = contentSecurityPolicy({ engineWorker: true });
      server.middlewares.use((req, res, next) => {
        res.setHeader('Content-Security-Policy', ENGINE_WORKER_SCRIPT.test(req.url ?? '') ? engine : page);
        next();
      });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (ctx.server) return [];
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ meta: true }) }, injectTo: 'head-prepend' }];
      },
    },
  };
}
