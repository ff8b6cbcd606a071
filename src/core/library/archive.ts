import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { engineError, fail, ok, describeThrown, type Result } from '../protocol/engine-error';
import type { PackageFile } from '../package/model-package';
import { checkArchiveListing } from '../package/limits';
import { packageKey, parseRegistry, type Registry } from './registry';
import { parseJsonText } from '../package/json-text';

/** What a library holds: the index, and each version's files. */
export interface LibraryContents {
  readonly registry: Registry;
  readonly packages: ReadonlyMap<string, readonly PackageFile[]>;
}

const folderOf = (name: string, version: string): string => `packages/${encodeURIComponent(name)}/${encodeURIComponent(version)}/`;

/** One zip: library.json plus packages/<name>/<version>/<files>. */
export function exportLibrary(contents: LibraryContents): Uint8Array {
  const files: Zippable = { 'library.json': strToU8(JSON.stringify(contents.registry, null, 2)) };
  for (const model of contents.registry.models) {
    for (const v of model.versions) {
      for (const file of contents.packages.get(packageKey(model.name, v.version)) ?? []) {
        files[`${folderOf(model.name, v.version)}${file.path}`] = [file.bytes, { level: file.path.endsWith('.onnx') ? 0 : 6 }];
      }
    }
  }
  return zipSync(files);
}

export function importLibrary(fileName: string, bytes: Uint8Array): Result<LibraryContents> {
  let entries: Record<string, Uint8Array>;
  try {
    // The size limit holds before anything is inflated; the file-count limit of one package does not apply to a library.
    let total = 0;
    unzipSync(bytes, { filter: (f) => ((total += f.originalSize), false) });
    const checked = checkArchiveListing(fileName, [{ path: 'library', bytes: total }]);
    if (!checked.ok) return checked;
    entries = unzipSync(bytes);
  } catch (thrown) {
    return fail(engineError('bad-zip', `“${fileName}” could not be unzipped (${describeThrown(thrown)}).`, 'Import a zip made with “Export library”.'));
  }
  const index = entries['library.json'];
  if (!index) return fail(engineError('library-invalid', `“${fileName}” has no library.json: it is not an exported library.`, 'To open a model package, drop it on the page instead; to import a library, use a zip made with “Export library”.'));
  const parsed = parseJsonText(strFromU8(index));
  if (!parsed.ok) return fail(engineError('library-invalid', `library.json is not valid JSON (${parsed.reason}).`, 'Export the library again.'));
  const registry = parseRegistry(parsed.value);
  if (!registry.ok) return registry;
  const packages = new Map<string, PackageFile[]>();
  for (const model of registry.value.models) {
    for (const v of model.versions) {
      const prefix = folderOf(model.name, v.version);
      const files = Object.entries(entries)
        .filter(([path]) => path.startsWith(prefix) && !path.endsWith('/'))
        .map(([path, data]) => ({ path: path.slice(prefix.length), bytes: data }));
      if (files.length === 0) return fail(engineError('library-invalid', `The export lists ${model.name} version ${v.version}, but its files are missing.`, 'Export the library again.'));
      packages.set(packageKey(model.name, v.version), files);
    }
  }
  return ok({ registry: registry.value, packages });
}
