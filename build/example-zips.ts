import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import type { Plugin } from 'vite';

// Fixed timestamp so that the zips are byte-identical from build to build.
const MTIME = new Date('2026-01-01T00:00:00Z');

/** Zips public/examples/<id>/ into a package with one top-level folder, as users usually zip a folder. */
export function zipExample(examplesDir: string, id: string): Uint8Array {
  const dir = join(examplesDir, id);
  const files: Zippable = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    // Models barely compress; store them so the zip opens fast.
    files[`${id}/${name}`] = [readFileSync(path), { level: name.endsWith('.onnx') ? 0 : 6, mtime: MTIME }];
  }
  return zipSync(files, { mtime: MTIME });
}

function exampleIds(examplesDir: string): string[] {
  if (!existsSync(examplesDir)) return [];
  return readdirSync(examplesDir).filter((name) => statSync(join(examplesDir, name)).isDirectory());
}

/** Serves `/examples/<id>.zip` in dev and writes it into the build, so the gallery opens examples exactly as a user's zip. */
export function exampleZips(examplesDir: string): Plugin {
  let base = '/';
  return {
    name: 'onnx-playground:example-zips',
    configResolved(config) {
      base = config.base;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/examples\/([\w-]+)\.zip$/.exec((req.url ?? '').replace(base, '/').split('?')[0] ?? '');
        const id = match?.[1];
        if (!id || !exampleIds(examplesDir).includes(id)) return next();
        res.setHeader('Content-Type', 'application/zip');
        res.end(Buffer.from(zipExample(examplesDir, id)));
      });
    },
    generateBundle() {
      for (const id of exampleIds(examplesDir)) {
        this.emitFile({ type: 'asset', fileName: `examples/${id}.zip`, source: zipExample(examplesDir, id) });
      }
    },
  };
}
