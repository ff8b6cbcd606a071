import type { BenchmarkPointRequest } from '../../core/protocol/benchmark';
import type { BackendConfig } from '../../core/protocol/engine-api';
import { ok, type Result } from '../../core/protocol/engine-error';
import type { ModelPackage } from '../../core/package/model-package';
import { modelInputs, type ModelInputSource } from '../../core/model/model-inputs';
import { toPayload } from '../../core/schema/host-tensor';
import type { EngineGateway, LoadOptions } from '../engine/engine-gateway';
import type { OpenModel, ReadyModel } from '../store/models-slice';

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
export async function ensureSession(client: EngineGateway, model: OpenModel, config: BackendConfig): Promise<Result<null>> {
  if (client.hasSession(config, model.id)) return ok(null);
  const loaded = await client.load(config, model.id, modelForWorker(model));
  return loaded.ok ? ok(null) : loaded;
}

/**
 * The model's inputs at each batch size (modelInputs), as payloads ready to transfer to a
 * worker: made afresh for every call, since their buffers leave the page.
 */
export function workerInputs(model: ReadyModel, source: ModelInputSource, batchSizes: readonly number[]): Result<BenchmarkPointRequest[]> {
  const sets = modelInputs(model, source, batchSizes);
  if (!sets.ok) return sets;
  return ok(sets.value.map((set) => ({ batchSize: set.batchSize!, feeds: Object.fromEntries(Object.entries(set.feeds).map(([name, t]) => [name, toPayload(t)])) })));
}

/** Hex SHA-256 of the model file: the identity benchmark runs and tuner searches are filed under. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
