import { exportLibrary, importLibrary } from '../../core/library/archive';
import { addVersion, mergeRegistries, nextVersion, packageKey, removeAlias, removeVersion, setAlias, setStage, type Registry, type Stage } from '../../core/library/registry';
import { engineError, ok, type Result } from '../../core/protocol/engine-error';
import type { LibraryChange, LibraryStorage } from '../storage/library-db';
import type { AppStore } from '../store/app-store';
import { saveBlob } from '../ui/save-file';
import type { Actions } from './create-actions';

export interface LibraryActions {
  load(): Promise<void>;
  save(modelId: string, name?: string): Promise<void>;
  open(name: string, version: string): Promise<void>;
  setAlias(name: string, alias: string, version: string): Promise<void>;
  removeAlias(name: string, alias: string): Promise<void>;
  setStage(name: string, version: string, stage: Stage): Promise<void>;
  remove(name: string, version: string): Promise<void>;
  exportAll(): Promise<void>;
  importFile(file: File): Promise<void>;
}

/** The local model registry: versions, aliases and stages, kept in IndexedDB across visits. */
export function createLibraryActions(store: AppStore, storage: LibraryStorage, open: Actions): LibraryActions {
  const { getState } = store;

  async function refresh(registry?: Registry): Promise<void> {
    getState().setLibrary(registry ?? (await storage.load()), await storage.estimate());
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
  const registryOnly = (change: (r: Registry) => Result<Registry>) => (r: Registry): Result<LibraryChange> => {
    const next = change(r);
    return next.ok ? ok({ registry: next.value }) : next;
  };

  return {
    load: () => refresh().catch(() => getState().setLibrary({ format: 1, models: [] }, null)),
    async save(modelId, name) {
      const model = getState().models.find((m) => m.id === modelId);
      if (!model) return;
      const title = (name ?? model.pkg.name).trim();
      const files = model.pkg.files;
      await commit((registry) => {
        // The version is decided inside the transaction, against the registry as it is now.
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
      });
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
      const bytes = exportLibrary(await storage.contents());
      saveBlob('onnx-playground-library.zip', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    },
    async importFile(file) {
      const imported = importLibrary(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!imported.ok) {
        getState().notify(imported.error);
        return;
      }
      let added: { name: string; version: string }[] = [];
      await commit((r) => {
        const merged = mergeRegistries(r, imported.value.registry);
        added = merged.added;
        // Only the versions that are new here are written; ours are never overwritten.
        const writes = new Map(added.map((a) => [packageKey(a.name, a.version), imported.value.packages.get(packageKey(a.name, a.version)) ?? []]));
        return ok({ registry: merged.registry, writes });
      });
      if (added.length === 0) getState().notify(engineError('library-conflict', `Nothing new in “${file.name}”: every version it holds is already in the library.`, 'Versions never change once saved; delete one first to replace it.'));
    },
  };
}
