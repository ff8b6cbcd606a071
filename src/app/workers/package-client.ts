import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { LibraryContents } from '../../core/library/archive';
import type { Finding } from '../../core/package/findings';
import { isTarPackage, isZip } from '../../core/package/file-kinds';
import { openSingleFile, type ModelPackage, type PackageFile } from '../../core/package/model-package';
import type { UnzipProgress } from '../../core/package/zip';
import { describeThrown, engineError, fail, type Result } from '../../core/protocol/engine-error';
import type { AppStore } from '../store/app-store';
import type { TensorSpec } from '../../core/protocol/tensor';
import type { ReadTensorOptions, TensorFile, TensorReading } from '../../core/tensors/read-tensor-files';
import type { PackageWorkerApi } from './package-worker-api';

/** Reading archives and package text, each job in a worker of its own, with progress and Cancel on the page. */
export interface PackageClient {
  /** A dropped, picked or downloaded file: a bare model is read here, a zip in the worker. */
  openFile(name: string, data: Blob | Uint8Array): Promise<Result<ModelPackage>>;
  /** Files already read (a folder, loose files, a library version). Their buffers are moved to the worker and back. */
  assemble(name: string, files: readonly PackageFile[], notes?: readonly Finding[]): Promise<Result<ModelPackage>>;
  importLibrary(file: File): Promise<Result<LibraryContents>>;
  exportLibrary(contents: LibraryContents): Promise<Result<{ bytes: Uint8Array; skipped: string[] }>>;
  /** Model inputs from tensor files, read and checked off the page; the files are copied to the worker (the caller keeps them). */
  readTensors(files: readonly TensorFile[], inputs: readonly TensorSpec[], options?: ReadTensorOptions): Promise<Result<TensorReading>>;
}

export type PackageWorkerFactory = () => Worker;

/** The `new URL(…, import.meta.url)` literal lets Vite bundle the worker. */
export const browserPackageWorker: PackageWorkerFactory = () => new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module', name: 'package-reader' });

const buffersOf = (files: readonly PackageFile[]): ArrayBuffer[] => [...new Set(files.map((f) => f.bytes.buffer as ArrayBuffer))];

export function createPackageClient(store: AppStore, createWorker: PackageWorkerFactory = browserPackageWorker): PackageClient {
  const { getState } = store;

  /**
   * Runs one job in a fresh worker, shown as a task with a Cancel button. Cancel (or the worker
   * dying, e.g. out of memory) terminates it: memory it held goes with it, and the page never waits.
   */
  async function inWorker<T>(label: string, job: (api: Remote<PackageWorkerApi>, onProgress: (p: UnzipProgress) => void) => Promise<Result<T>>): Promise<Result<T>> {
    const worker = createWorker();
    let stop: (result: Result<never>) => void = () => undefined;
    const stopped = new Promise<Result<never>>((resolve) => (stop = resolve));
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      stop(fail(engineError('worker-died', `${label} failed: the reader stopped (${event.message || 'probably out of memory'}).`, 'Nothing was opened. The file may be too large for this tab: close other tabs, or open a smaller package.')));
    });
    const task = getState().startTask(label, () => stop(fail(engineError('cancelled', `${label} was cancelled.`, 'Nothing was opened or changed; start again when you are ready.'))));
    const onProgress = (p: UnzipProgress): void => getState().updateTask(task, { done: p.read, total: p.total, written: p.written });
    try {
      const done = job(wrap<PackageWorkerApi>(worker), proxy(onProgress)).catch((thrown: unknown) =>
        fail(engineError('worker-died', `${label} failed: ${describeThrown(thrown)}.`, 'Nothing was opened. If the file is very large, close other tabs and try again.')),
      );
      return await Promise.race([done, stopped]);
    } finally {
      worker.terminate();
      getState().endTask(task);
    }
  }

  return {
    async openFile(name, data) {
      const head = data instanceof Uint8Array ? data.subarray(0, 512) : new Uint8Array(await data.slice(0, 512).arrayBuffer());
      // Archives (zip, tar.gz) are unpacked in the worker; a bare model is read here.
      if (!isZip(head) && !isTarPackage(head)) return openSingleFile(name, data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer()));
      const moved = data instanceof Uint8Array ? transfer(data, [data.buffer as ArrayBuffer]) : data;
      return inWorker(`Unpacking “${name}”`, (api, onProgress) => api.openFile(name, moved, onProgress));
    },
    assemble(name, files, notes = []) {
      return inWorker(`Reading “${name}”`, (api) => api.assemble(name, transfer(files, buffersOf(files)), notes));
    },
    importLibrary(file) {
      return inWorker(`Importing “${file.name}”`, (api, onProgress) => api.importLibrary(file.name, file, onProgress));
    },
    exportLibrary(contents) {
      return inWorker('Writing the library export', (api) => api.exportLibrary(transfer(contents, buffersOf([...contents.packages.values()].flat()))));
    },
    readTensors(files, inputs, options = {}) {
      const label = files.length === 1 ? `Reading “${files[0]!.path}”` : `Reading ${files.length} input files`;
      return inWorker(label, (api) => api.readTensors(files, inputs, options));
    },
  };
}
