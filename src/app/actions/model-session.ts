import type { BackendConfig } from '../../core/protocol/engine-api';
import { ok, type Result } from '../../core/protocol/engine-error';
import type { ModelPackage } from '../../core/package/model-package';
import type { EngineClient, LoadOptions } from '../engine/engine-client';
import type { OpenModel } from '../store/models-slice';

/** A copy of the model's files for a worker: the page keeps its own, to load it on another backend or after a crash. */
export function modelForWorker(model: { readonly pkg: ModelPackage }): LoadOptions {
  const { pkg } = model;
  return {
    fileName: pkg.model.path,
    format: pkg.model.format,
    modelBytes: pkg.model.bytes.slice().buffer,
    externalData: pkg.otherFiles.map((f) => ({ path: f.path, data: f.bytes.slice().buffer })),
  };
}

/** Makes sure the model has a session on that backend's worker, loading it there if needed. */
export async function ensureSession(client: EngineClient, model: OpenModel, config: BackendConfig): Promise<Result<null>> {
  if (client.hasSession(config, model.id)) return ok(null);
  const loaded = await client.load(config, model.id, modelForWorker(model));
  return loaded.ok ? ok(null) : loaded;
}
