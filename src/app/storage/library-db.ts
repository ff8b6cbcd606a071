import { clear, createStore, type UseStore } from 'idb-keyval';
import { engineError, fail, ok, type Result } from '../../core/protocol/engine-error';
import type { PackageFile } from '../../core/package/model-package';
import type { LibraryContents } from '../../core/library/archive';
import { EMPTY_REGISTRY, packageKey, readStoredRegistry, type Registry } from '../../core/library/registry';

const REGISTRY = 'registry';

export interface StorageEstimate {
  readonly usage: number;
  readonly quota: number;
}

export interface StoredLibrary {
  readonly registry: Registry;
  /** Why entries were left out, one line each. */
  readonly dropped: readonly string[];
}

/** A registry change and the package writes and deletes that go with it. */
export interface LibraryChange {
  readonly registry: Registry;
  readonly writes?: ReadonlyMap<string, readonly PackageFile[]>;
  readonly deletes?: readonly string[];
}

/** The local model library: one IndexedDB store holding the registry and each version's files. */
export interface LibraryStorage {
  /** The registry, each entry checked as Save makes it: entries it could not have made are left out and listed. */
  load(): Promise<Result<StoredLibrary>>;
  /**
   * Changes the registry and writes or deletes packages in ONE transaction: a full quota or a
   * crash leaves the library exactly as it was, never half-written.
   */
  commit(change: (registry: Registry) => Result<LibraryChange>): Promise<Result<Registry>>;
  files(name: string, version: string): Promise<PackageFile[] | null>;
  contents(): Promise<LibraryContents>;
  estimate(): Promise<StorageEstimate | null>;
  /** Deletes every saved version (the way out of a library that cannot be read). */
  clear(): Promise<void>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Package files handed to IndexedDB per step, at most (each put copies its files on the page). */
const WRITE_STEP_BYTES = 16 * 1024 ** 2;
const WRITE_STEP_PUTS = 100;

/**
 * Puts the packages a few at a time, each step started from the previous step's last success,
 * so that an import of a thousand versions is many short tasks, not one long one; all in the
 * same transaction, which stays open while requests are pending.
 */
function writeInSteps(store: IDBObjectStore, writes: [string, readonly PackageFile[]][], from = 0): void {
  let bytes = 0;
  let i = from;
  let last: IDBRequest | null = null;
  for (; i < writes.length && (i === from || (bytes < WRITE_STEP_BYTES && i - from < WRITE_STEP_PUTS)); i++) {
    const [key, files] = writes[i]!;
    bytes += files.reduce((n, f) => n + f.bytes.length, 0);
    last = store.put(files, key);
  }
  if (last && i < writes.length) last.addEventListener('success', () => writeInSteps(store, writes, i));
}

function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
}

export function indexedDbLibrary(): LibraryStorage {
  let store: UseStore | null = null;
  const db = (): UseStore => (store ??= createStore('onnx-playground-library', 'library'));

  return {
    load: () => db()('readonly', (s) => request(s.get(REGISTRY)).then((r) => readStoredRegistry(r ?? EMPTY_REGISTRY))),
    async commit(change) {
      let outcome: Result<LibraryChange> = ok({ registry: EMPTY_REGISTRY });
      try {
        await db()('readwrite', (s) => {
          const tx = s.transaction;
          const done = new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
            tx.onerror = () => reject(tx.error);
          });
          const read = s.get(REGISTRY);
          read.onsuccess = () => {
            const current = readStoredRegistry(read.result ?? EMPTY_REGISTRY);
            outcome = current.ok ? change(current.value.registry) : current;
            if (!outcome.ok) {
              tx.abort();
              return;
            }
            s.put(outcome.value.registry, REGISTRY);
            for (const key of outcome.value.deletes ?? []) s.delete(key);
            writeInSteps(s, [...(outcome.value.writes ?? [])]);
          };
          return done.catch((error: unknown) => {
            if (!outcome.ok) return; // our own abort: nothing was written
            throw error;
          });
        });
      } catch (error) {
        if (isQuotaError(error)) {
          const bytes = outcome.ok ? [...(outcome.value.writes?.values() ?? [])].flat().reduce((n, f) => n + f.bytes.length, 0) : 0;
          const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
          const used = estimate?.usage !== undefined && estimate.quota !== undefined ? ` (${mb(estimate.usage)} of ${mb(estimate.quota)} in use)` : '';
          return fail(engineError('library-full', `The library is full: saving ${mb(bytes)} would exceed this browser's storage quota${used}. Nothing was saved.`, 'Delete versions you no longer need (or export the library as a zip first), then save again.'));
        }
        return fail(engineError('library-full', `The library could not be written (${error instanceof Error ? error.message : String(error)}). Nothing was saved.`, 'Private windows may not allow storage; try a normal window.'));
      }
      return outcome.ok ? ok(outcome.value.registry) : outcome;
    },
    files: (name, version) => db()('readonly', (s) => request(s.get(packageKey(name, version))).then((f) => (f as PackageFile[] | undefined) ?? null)),
    async contents() {
      const loaded = await this.load();
      const registry = loaded.ok ? loaded.value.registry : EMPTY_REGISTRY;
      const packages = new Map<string, PackageFile[]>();
      for (const m of registry.models) {
        for (const v of m.versions) {
          const files = await this.files(m.name, v.version);
          if (files) packages.set(packageKey(m.name, v.version), files);
        }
      }
      return { registry, packages };
    },
    clear: () => clear(db()),
    async estimate() {
      const e = await navigator.storage?.estimate?.().catch(() => undefined);
      return e?.usage !== undefined && e.quota !== undefined ? { usage: e.usage, quota: e.quota } : null;
    },
  };
}

const mb = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(1)} MB`;
