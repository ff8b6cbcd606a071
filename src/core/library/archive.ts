import { strFromU8, strToU8, zipSync, type Zippable } from 'fflate';
import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { PackageFile } from '../package/model-package';
import { normaliseEntryPath } from '../package/entry-path';
import { roleOf } from '../package/model-package';
import { count, MAX_PACKAGE_BYTES, MAX_PACKAGE_FILES, type ArchiveLimits } from '../package/limits';
import { readZip, type UnzipOptions } from '../package/zip';
import type { ByteSource } from '../package/zip-directory';
import { packageKey, parseRegistry, type ModelVersion, type Registry } from './registry';
import { parseJsonText } from '../package/json-text';

/** What a library holds: the index, and each version's files. */
export interface LibraryContents {
  readonly registry: Registry;
  readonly packages: ReadonlyMap<string, readonly PackageFile[]>;
}

/** What one library import may expand to: files of at most MAX_LIBRARY_VERSIONS packages, in the bytes of one. */
export const LIBRARY_LIMITS: ArchiveLimits = { maxBytes: MAX_PACKAGE_BYTES, maxFiles: 20_000 };

const folderOf = (name: string, version: string): string => `packages/${encodeURIComponent(name)}/${encodeURIComponent(version)}/`;

/** Files whose path Save would never write (`../x`, absolute): left out of an export, and named. */
function safeFiles(files: readonly PackageFile[], skipped: string[], where: string): PackageFile[] {
  return files.filter((f) => {
    const path = normaliseEntryPath(f.path);
    if (path.ok && path.path === f.path) return true;
    skipped.push(`${where}/${f.path}`);
    return false;
  });
}

/** One zip: library.json plus packages/<name>/<version>/<files>. Unsafe paths are never written back. */
export function exportLibrary(contents: LibraryContents): { bytes: Uint8Array; skipped: string[] } {
  const files: Zippable = { 'library.json': strToU8(JSON.stringify(contents.registry, null, 2)) };
  const skipped: string[] = [];
  for (const model of contents.registry.models) {
    for (const v of model.versions) {
      for (const file of safeFiles(contents.packages.get(packageKey(model.name, v.version)) ?? [], skipped, `${model.name} v${v.version}`)) {
        files[`${folderOf(model.name, v.version)}${file.path}`] = [file.bytes, { level: file.path.endsWith('.onnx') ? 0 : 6 }];
      }
    }
  }
  return { bytes: zipSync(files), skipped };
}

const invalid = (message: string, hint = 'Export the library again.'): Result<never> => fail(engineError('library-invalid', message, hint));

/** Splits `packages/<name>/<version>/<path>` in one pass over the entries (never per version: a crafted library has thousands). */
function groupByVersion(files: readonly PackageFile[]): Map<string, PackageFile[]> {
  const groups = new Map<string, PackageFile[]>();
  for (const file of files) {
    const match = /^packages\/([^/]+)\/([^/]+)\/(.+)$/.exec(file.path);
    if (!match) continue;
    let name: string;
    let version: string;
    try {
      name = decodeURIComponent(match[1]!);
      version = decodeURIComponent(match[2]!);
    } catch {
      continue;
    }
    const key = packageKey(name, version);
    const group = groups.get(key) ?? [];
    group.push({ path: match[3]!, bytes: file.bytes });
    groups.set(key, group);
  }
  return groups;
}

/** Checks each listed version's files as Save made them, and recounts their sizes from the files themselves. */
function checkPackages(registry: Registry, groups: Map<string, PackageFile[]>): Result<Registry> {
  const models = [];
  for (const model of registry.models) {
    const versions: ModelVersion[] = [];
    for (const v of model.versions) {
      const files = groups.get(packageKey(model.name, v.version));
      if (!files || files.length === 0) return invalid(`The export lists ${model.name} version ${v.version}, but its files are missing.`);
      if (files.length > MAX_PACKAGE_FILES) return invalid(`${model.name} version ${v.version} holds ${count(files.length)} files, more than the ${MAX_PACKAGE_FILES} a package can have.`);
      if (!files.some((f) => roleOf(f.path) === 'model')) return invalid(`${model.name} version ${v.version} holds no model file (.onnx or .ort), so Save cannot have made it.`);
      versions.push({ ...v, files: files.length, bytes: files.reduce((n, f) => n + f.bytes.length, 0) });
    }
    models.push({ ...model, versions });
  }
  return ok({ ...registry, models });
}

/**
 * Reads an exported library: unzipped streaming within LIBRARY_LIMITS (entries, bytes, and
 * nothing written past what each entry declares), every name checked before anything is
 * inflated, then every version checked as Save would have made it.
 */
export async function importLibrary(fileName: string, source: ByteSource, options: Pick<UnzipOptions, 'onProgress'> = {}): Promise<Result<LibraryContents>> {
  const unzipped = await readZip(fileName, source, { ...options, limits: LIBRARY_LIMITS, strictNames: true });
  if (!unzipped.ok) return unzipped;
  const entries = unzipped.value.files;
  const index = entries.find((f) => f.path === 'library.json');
  if (!index) {
    return invalid(`“${fileName}” has no library.json: it is not an exported library.`, 'To open a model package, drop it on the page instead; to import a library, use a zip made with “Export library”.');
  }
  const parsed = parseJsonText(strFromU8(index.bytes));
  if (!parsed.ok) return invalid(`library.json is not valid JSON (${parsed.reason}).`);
  const registry = parseRegistry(parsed.value);
  if (!registry.ok) return registry;
  const groups = groupByVersion(entries);
  const checked = checkPackages(registry.value, groups);
  if (!checked.ok) return checked;
  const packages = new Map<string, PackageFile[]>();
  for (const model of checked.value.models) for (const v of model.versions) packages.set(packageKey(model.name, v.version), groups.get(packageKey(model.name, v.version))!);
  return ok({ registry: checked.value, packages });
}
