// Kept apart from package-client.ts so that the page's bundle does not carry the readers the worker runs.
import { exportLibrary, importLibrary } from '../../core/library/archive';
import { assemblePackage, openSingleFile } from '../../core/package/model-package';
import { bytesSource } from '../../core/package/zip-directory';
import { ok } from '../../core/protocol/engine-error';
import { readTensorFiles } from '../../core/tensors/read-tensor-files';
import type { PackageClient } from './package-client';

/** The same reading in this thread, for unit tests in Node (the page always uses workers). */
export function inProcessPackageClient(): PackageClient {
  return {
    async openFile(name, data) {
      return openSingleFile(name, data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer()));
    },
    async assemble(name, files, notes = []) {
      return assemblePackage(name, files, notes);
    },
    async importLibrary(file) {
      return importLibrary(file.name, bytesSource(new Uint8Array(await file.arrayBuffer())));
    },
    async exportLibrary(contents) {
      return ok(exportLibrary(contents));
    },
    readTensors: (files, inputs, options = {}) => readTensorFiles(files, inputs, options),
  };
}
