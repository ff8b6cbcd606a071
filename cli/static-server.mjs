// A small static server for the built app: cross-origin isolated (multi-threaded WASM
// needs it), loopback only, no directory listings, nothing outside the root.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
/** @import { Served } from './command-types' */

/** @type {Readonly<Record<string, string>>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.zip': 'application/zip',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

/** The same headers as `vite preview` (build/isolation-headers.ts). */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** The file a URL path names inside `root`, or null. */
/**
 * @param {string} root
 * @param {string} urlPath
 * @returns {string | null}
 */
export function resolveInside(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0] ?? '');
  } catch {
    return null;
  }
  const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  return file.startsWith(base) ? file : null;
}

/**
 * Serves `root` on 127.0.0.1 at a free port (or `port`); `extra` maps URL paths to
 * other files (e.g. a bare benchmark page). Resolves to { url, close }.
 */
/**
 * @param {string} root
 * @param {{ port?: number, extra?: Readonly<Record<string, string>> }} [options]
 * @returns {Promise<Served>}
 */
export function serveStatic(root, { port = 0, extra = {} } = {}) {
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) res.setHeader(name, value);
    const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
    const file = extra[urlPath] ?? resolveInside(root, urlPath);
    let size = -1;
    try {
      const stat = file ? statSync(file) : null;
      if (stat?.isFile()) size = stat.size;
    } catch {
      size = -1;
    }
    if (!file || size < 0 || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.statusCode = size < 0 ? 404 : 405;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(size < 0 ? 'Not found' : 'Method not allowed');
      return;
    }
    res.setHeader('Content-Type', TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
    res.setHeader('Content-Length', String(size));
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve({
        url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/`,
        close: () => new Promise((done) => server.close(() => done(undefined))),
      });
    });
  });
}
