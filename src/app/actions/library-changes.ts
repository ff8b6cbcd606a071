import { addVersion, MAX_LIBRARY_VERSIONS, mergeRegistries, nextVersion, packageKey, versionCount, type Registry } from '../../core/library/registry';
import type { LibraryContents } from '../../core/library/archive';
import { engineError, fail, ok, type Result } from '../../core/protocol/engine-error';
import type { LibraryChange, LibraryStorage } from '../storage/library-db';
import type { AppStore } from '../store/app-store';
import type { OpenModel } from '../store/models-slice';

/** Saving an open model as the next version of `title`: decided inside the transaction, against the registry as it is now. */
export function saveChange(registry: Registry, title: string, model: OpenModel): Result<LibraryChange> {
  if (versionCount(registry) >= MAX_LIBRARY_VERSIONS) return fail(engineError('library-full', `The library holds ${MAX_LIBRARY_VERSIONS.toLocaleString('en-US')} versions, as many as it may.`, 'Delete versions you no longer need, then save again.'));
  const files = model.pkg.files;
  const version = nextVersion(registry, title, model.pkg.metadata?.modelVersion);
  if (!version.ok) return version;
  const added = addVersion(registry, title, {
    version: version.value,
    savedAt: new Date().toISOString(),
    bytes: files.reduce((n, f) => n + f.bytes.length, 0),
    files: files.length,
    stage: 'None',
    metrics: { ...(model.pkg.metadata?.performanceMetrics ?? {}) },
    source: model.source,
  });
  return added.ok ? ok({ registry: added.value, writes: new Map([[packageKey(title, version.value), files]]) }) : added;
}

/** Importing an export: only the versions new here are written (ours are never overwritten); `added` names them. */
export function importChange(registry: Registry, imported: LibraryContents, fileName: string): Result<LibraryChange & { added: { name: string; version: string }[] }> {
  const merged = mergeRegistries(registry, imported.registry);
  const total = versionCount(merged.registry);
  if (total > MAX_LIBRARY_VERSIONS) {
    return fail(engineError('library-full', `Importing “${fileName}” would make ${total.toLocaleString('en-US')} versions, more than the ${MAX_LIBRARY_VERSIONS.toLocaleString('en-US')} a library may hold; nothing was imported.`, 'Delete versions you no longer need, or import a smaller export.'));
  }
  const writes = new Map(merged.added.map((a) => [packageKey(a.name, a.version), imported.packages.get(packageKey(a.name, a.version)) ?? []]));
  return ok({ registry: merged.registry, writes, added: merged.added });
}

/** Reading the registry into the store (with a note for entries Save could not have made), and committing a change then reading it back. */
export function registryWriter(store: AppStore, storage: LibraryStorage) {
  const { getState } = store;
  async function refresh(registry?: Registry): Promise<void> {
    const loaded = registry ? ok({ registry, dropped: [] }) : await storage.load();
    if (!loaded.ok) {
      getState().setLibraryProblem({ kind: 'unreadable', error: loaded.error });
      return;
    }
    getState().setLibrary(loaded.value.registry, await storage.estimate());
    const dropped = loaded.value.dropped;
    if (dropped.length > 0) {
      getState().notify(
        engineError(
          'library-invalid',
          `${dropped.length.toLocaleString('en-US')} saved ${dropped.length === 1 ? 'entry is' : 'entries are'} not shown, because Save could not have made ${dropped.length === 1 ? 'it' : 'them'}: ${dropped.slice(0, 3).join(' ')}${dropped.length > 3 ? ' …' : ''}`,
          'The rest of the library is shown and works. Export it and import it again to keep only what is sound, or clear the library.',
        ),
      );
    }
  }

  async function commit(change: (r: Registry) => Result<LibraryChange>): Promise<boolean> {
    const result = await storage.commit(change);
    if (!result.ok) {
      getState().notify(result.error);
      return false;
    }
    await refresh(result.value);
    return true;
  }
  return { refresh, commit };
}
