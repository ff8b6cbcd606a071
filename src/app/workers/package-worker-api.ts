import { transfer } from 'comlink';
import { exportLibrary, importLibrary, type LibraryContents } from '../../core/library/archive';
import type { Finding } from '../../core/package/findings';
import { assemblePackage, openSingleFile, type ModelPackage, type PackageFile } from '../../core/package/model-package';
import type { UnzipProgress } from '../../core/package/zip';
import { bytesSource } from '../../core/package/zip-directory';
import { ok, type Result } from '../../core/protocol/engine-error';
import type { TensorSpec } from '../../core/protocol/tensor';
import { readTensorFiles, type ReadTensorOptions, type TensorFile, type TensorReading } from '../../core/tensors/read-tensor-files';
import { tensorBuffers } from '../../core/tensors/tensor-buffers';
import { blobSource } from './blob-source';

/** Progress reaches the page at most this often: a message per 1 MB slice would flood it. */
const PROGRESS_EVERY_MS = 100;

function throttled(report: ((p: UnzipProgress) => void) | undefined): ((p: UnzipProgress) => void) | undefined {
  if (!report) return undefined;
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && p.read < p.total) return;
    last = now;
    report(p);
  };
}

const buffersOf = (files: readonly PackageFile[]): ArrayBuffer[] => [...new Set(files.map((f) => f.bytes.buffer as ArrayBuffer))];

/** Hands a result back with its file bytes moved, not copied (a package can be gigabytes). */
function moved<T>(result: Result<T>, files: (value: T) => readonly PackageFile[]): Result<T> {
  return result.ok ? transfer(result, buffersOf(files(result.value))) : result;
}

const packageFiles = (pkg: ModelPackage): readonly PackageFile[] => pkg.files;
const libraryFiles = (contents: LibraryContents): readonly PackageFile[] => [...contents.packages.values()].flat();

/** What the package worker does: everything that reads archives and package text, off the page. */
export const packageWorkerApi = {
  async openFile(name: string, data: Blob | Uint8Array, onProgress?: (p: UnzipProgress) => void): Promise<Result<ModelPackage>> {
    const source = data instanceof Uint8Array ? bytesSource(data) : blobSource(data);
    return moved(await openSingleFile(name, source, { onProgress: throttled(onProgress) }), packageFiles);
  },
  assemble(name: string, files: readonly PackageFile[], notes: readonly Finding[]): Result<ModelPackage> {
    return moved(assemblePackage(name, files, notes), packageFiles);
  },
  async importLibrary(name: string, file: Blob, onProgress?: (p: UnzipProgress) => void): Promise<Result<LibraryContents>> {
    return moved(await importLibrary(name, blobSource(file), { onProgress: throttled(onProgress) }), libraryFiles);
  },
  /** Input values from files (JSON, .npy, .npz, .pb, a test_data_set folder), checked against the model's inputs. */
  async readTensors(files: readonly TensorFile[], inputs: readonly TensorSpec[], options: ReadTensorOptions): Promise<Result<TensorReading>> {
    const read = await readTensorFiles(files, inputs, options);
    return read.ok ? transfer(read, tensorBuffers(Object.values(read.value.tensors))) : read;
  },
  exportLibrary(contents: LibraryContents): Result<{ bytes: Uint8Array; skipped: string[] }> {
    const exported = exportLibrary(contents);
    return transfer(ok(exported), [exported.bytes.buffer as ArrayBuffer]);
  },
};

export type PackageWorkerApi = typeof packageWorkerApi;
