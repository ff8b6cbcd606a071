import { packageKey, removeAlias, removeVersion, setAlias, setStage, type Registry, type Stage } from '../../core/library/registry';
import { engineError, ok, type Result } from '../../core/protocol/engine-error';
import type { LibraryChange, LibraryStorage } from '../storage/library-db';
import type { AppStore } from '../store/app-store';
import { saveBlob } from '../ui/save-file';
import { createPackageClient, type PackageClient } from '../workers/package-client';
import type { Actions } from './create-actions';
import { importChange, registryWriter, saveChange } from './library-changes';
import { readLibrary } from './library-reading';

export interface LibraryActions {
  /** Reads the library; after a start that never finished reading it, starts safe instead. */
  load(): Promise<void>;
  /** A safe start (`?safe`): the library is left unread, with a way to read or clear it. */
  startSafe(reason: string): void;
  /** Deletes every saved version. */
  clear(): Promise<void>;
  /** Saves the open model as a new version; true once it is stored (a refusal is a notice). */
  save(modelId: string, name?: string): Promise<boolean>;
  open(name: string, version: string): Promise<void>;
  setAlias(name: string, alias: string, version: string): Promise<void>;
  removeAlias(name: string, alias: string): Promise<void>;
  setStage(name: string, version: string, stage: Stage): Promise<void>;
  remove(name: string, version: string): Promise<void>;
  exportAll(): Promise<void>;
  importFile(file: File): Promise<void>;
}

/** The local model registry: versions, aliases and stages, kept in IndexedDB across visits. */
export function createLibraryActions(store: AppStore, storage: LibraryStorage, open: Actions, packages: PackageClient = createPackageClient(store)): LibraryActions {
  const { getState } = store;

  const { refresh, commit } = registryWriter(store, storage);
  const registryOnly = (change: (r: Registry) => Result<Registry>) => (r: Registry): Result<LibraryChange> => {
    const next = change(r);
    return next.ok ? ok({ registry: next.value }) : next;
  };

  const actions: LibraryActions = {
    load: () => readLibrary(store, refresh, (reason) => actions.startSafe(reason)),
    startSafe(reason) {
      getState().setLibraryProblem({ kind: 'safe', reason });
    },
    async clear() {
      try {
        await storage.clear();
      } catch (thrown) {
        getState().notify(engineError('storage-failed', `The library could not be cleared (${thrown instanceof Error ? thrown.message : String(thrown)}).`, 'Clear this site’s data in the browser’s settings instead.'));
        return;
      }
      await refresh().catch(() => undefined);
    },
    async save(modelId, name) {
      const model = getState().models.find((m) => m.id === modelId);
      if (!model) return false;
      const title = (name ?? model.pkg.name).trim();
      return commit((registry) => saveChange(registry, title, model));
    },
    async open(name, version) {
      const files = await storage.files(name, version);
      if (!files) {
        getState().notify(engineError('library-invalid', `${name} version ${version} has no stored files.`, 'Delete this version and save the model again.'));
        return;
      }
      await open.openPackageFiles(name, files, `library: ${name} v${version}`);
    },
    setAlias: (name, alias, version) => commit(registryOnly((r) => setAlias(r, name, alias, version))).then(() => undefined),
    removeAlias: (name, alias) => commit(registryOnly((r) => ok(removeAlias(r, name, alias)))).then(() => undefined),
    setStage: (name, version, stage) => commit(registryOnly((r) => ok(setStage(r, name, version, stage)))).then(() => undefined),
    remove: (name, version) => commit((r) => ok({ registry: removeVersion(r, name, version), deletes: [packageKey(name, version)] })).then(() => undefined),
    async exportAll() {
      const exported = await packages.exportLibrary(await storage.contents());
      if (!exported.ok) {
        getState().notify(exported.error);
        return;
      }
      saveBlob('onnx-playground-library.zip', new Blob([exported.value.bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      const skipped = exported.value.skipped;
      if (skipped.length > 0) {
        getState().notify(engineError('library-invalid', `The export left out ${skipped.length} stored ${skipped.length === 1 ? 'file' : 'files'} whose path Save would refuse: ${skipped.slice(0, 5).map((s) => `“${s}”`).join(', ')}${skipped.length > 5 ? ' …' : ''}.`, 'Everything else was exported. Delete those versions and save the models again.'));
      }
    },
    async importFile(file) {
      const imported = await packages.importLibrary(file);
      if (!imported.ok) {
        getState().notify(imported.error);
        return;
      }
      let added: { name: string; version: string }[] = [];
      const committed = await commit((r) => {
        const change = importChange(r, imported.value, file.name);
        if (change.ok) added = change.value.added;
        return change;
      });
      if (committed && added.length === 0) getState().notify(engineError('library-conflict', `Nothing new in “${file.name}”: every version it holds is already in the library.`, 'Versions never change once saved; delete one first to replace it.'));
    },
  };
  return actions;
}
