import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './content-security-policy.ts';

/**
 * Emits sw.js into the build: the app shell is precached and every file the app fetches later (ORT,
 * examples) is cached as it arrives, so the app
 * works offline after a first visit, and every response it serves carries COOP/COEP, which
 * gives cross-origin isolation (multi-threaded WASM) on hosts that cannot set headers, and the
 * Content-Security-Policy as a header (the page's <meta> cannot carry frame-ancestors).
 */
export function serviceWorker(template: string): Plugin {
  let base = '/';
  return {
    name: 'onnx-playground:service-worker',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const shell = Object.keys(bundle).filter((file) => !file.endsWith('.map') && !file.startsWith('examples/'));
      // ORT's runtime is cached when the first model loads, not here: the first visit must stay light.
      const precache = ['', 'index.html', ...shell, 'examples/index.json'];
      const version = shell.filter((f) => f.startsWith('assets/')).sort().join(',');
      const source = readFileSync(template, 'utf8')
        .replace('__BASE__', JSON.stringify(base))
        .replace('__PRECACHE__', JSON.stringify([...new Set(precache)]))
        .replace('__VERSION__', JSON.stringify(hash(version)))
        .replace('__CSP__', JSON.stringify(contentSecurityPolicy()));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source });
    },
  };
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
}
