/** A file name inside an archive or a library, made safe to use as a package path. */
export type EntryPath = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly reason: string };

// Control characters (NUL included) have no place in a file name and confuse every tool that prints one.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Normalises an entry name (`\` → `/`, `./` and `a/../` resolved, empty segments dropped) and
 * refuses names that are absolute or climb out of the package (`../../evil.onnx`), so that
 * nothing outside the package root is ever named, shown or written back.
 */
export function normaliseEntryPath(name: string): EntryPath {
  if (CONTROL.test(name)) return { ok: false, reason: 'its name holds control characters' };
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed)) return { ok: false, reason: 'it is an absolute path' };
  const parts: string[] = [];
  for (const part of slashed.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return { ok: false, reason: 'it climbs out of the package (“..”)' };
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  if (parts.length === 0) return { ok: false, reason: 'it has no file name' };
  return { ok: true, path: parts.join('/') };
}
