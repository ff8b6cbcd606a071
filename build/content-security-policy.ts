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
 * Workers (engine, graph layout, unpacking) are served with the same policy: nothing in the
 * app evaluates strings (the ONNX decoders are generated ahead of time, see
 * src/core/package/onnx-schema.ts).
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

export interface PolicyOptions {
  /** `<meta>` form: without header-only directives. */
  readonly meta?: boolean;
  /** Vite's dev server: its HMR socket, the inline React-refresh preamble (by hash) and injected <style> tags. */
  readonly dev?: { readonly scriptHashes: readonly string[] };
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const directives: Record<string, string[]> = Object.fromEntries(Object.entries(DIRECTIVES).map(([k, v]) => [k, [...v]]));
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

async function devPolicy(server: ViteDevServer, indexHtml: string): Promise<string> {
  const html = await server.transformIndexHtml('/', readFileSync(indexHtml, 'utf8'));
  return contentSecurityPolicy({ dev: { scriptHashes: inlineScriptHashes(html) } });
}

/**
 * Serves the policy as a header from `npm start` and `npm run preview`, and writes it into the
 * built page as a <meta> for hosts that send no headers (the service worker adds the header there).
 */
export function contentSecurityPolicyPlugin(indexHtml: string): Plugin {
  return {
    name: 'onnx-playground:content-security-policy',
    configureServer(server) {
      let policy: Promise<string> | null = null;
      server.middlewares.use((_req, res, next) => {
        policy ??= devPolicy(server, indexHtml);
        policy.then(
          (p) => {
            res.setHeader('Content-Security-Policy', p);
            next();
          },
          (error: unknown) => next(error),
        );
      });
    },
    configurePreviewServer(server) {
      const policy = contentSecurityPolicy();
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', policy);
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
