import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { isolationHeaders, ISOLATION_HEADERS } from './build/isolation-headers.ts';
import { exampleZips } from './build/example-zips.ts';
import { serviceWorker } from './build/service-worker.ts';
import { contentSecurityPolicyPlugin } from './build/content-security-policy.ts';

const ortDist = 'node_modules/onnxruntime-web/dist';
const local = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  // A sub-path host (e.g. GitHub Pages) sets BASE_PATH=/repo-name/.
  base: process.env.BASE_PATH ?? '/',
  // No SPA fallback: a missing file must be a 404, not index.html (a ?model= link to nowhere says so).
  appType: 'mpa',
  plugins: [
    react(),
    isolationHeaders(),
    contentSecurityPolicyPlugin(local('./index.html')),
    exampleZips(local('./public/examples')),
    serviceWorker(local('./build/sw-template.js')),
    // ORT's runtime files, served from our own origin and fetched only when a model loads.
    viteStaticCopy({
      targets: [
        { src: `${ortDist}/ort-wasm-simd-threaded.{wasm,mjs}`, dest: 'ort' },
        { src: `${ortDist}/ort-wasm-simd-threaded.asyncify.{wasm,mjs}`, dest: 'ort' },
      ],
    }),
  ],
  resolve: {
    alias: [
      // The "extern" builds load their WASM glue from env.wasm.wasmPaths instead of inlining it,
      // so ORT's own thread workers start from /ort/ rather than from our worker bundle.
      { find: /^onnxruntime-web\/wasm$/, replacement: local(`./${ortDist}/ort.wasm.min.mjs`) },
      { find: /^onnxruntime-web\/webgpu$/, replacement: local(`./${ortDist}/ort.webgpu.min.mjs`) },
    ],
  },
  worker: { format: 'es' },
  // The tool version written into benchmark files.
  define: {
    __APP_VERSION__: JSON.stringify((JSON.parse(readFileSync(local('./package.json'), 'utf8')) as { version: string }).version),
    // The onnxruntime-web a check report names (issue 11, A2).
    __ORT_VERSION__: JSON.stringify((JSON.parse(readFileSync(local('./node_modules/onnxruntime-web/package.json'), 'utf8')) as { version: string }).version),
  },
  // The worker's dependencies are listed so that the dev server never reloads the page to optimise them mid-session.
  optimizeDeps: { exclude: ['onnxruntime-web'], include: ['comlink', 'protobufjs/minimal.js', 'fflate', 'yaml'] },
  server: { headers: ISOLATION_HEADERS },
  preview: { headers: ISOLATION_HEADERS },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
});
