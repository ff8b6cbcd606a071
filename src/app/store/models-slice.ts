import type { StateCreator } from 'zustand';
import type { BackendConfig, LoadResult } from '../../core/protocol/engine-api';
import type { EngineError } from '../../core/protocol/engine-error';
import type { ModelPackage } from '../../core/package/model-package';
import type { PackageInspection } from '../../core/package/inspection';
import type { HostTensor } from '../../core/schema/host-tensor';
import type { ModelFacts } from '../../core/model/model-facts';
import type { AppState } from './app-store';
import { forgetModel } from './forget-model';
import type { RunInputSource } from './input-files-slice';

export type RunState =
  | { readonly status: 'idle' }
  | { readonly status: 'running'; readonly config: BackendConfig }
  | {
      readonly status: 'done';
      readonly config: BackendConfig;
      readonly inputs: Readonly<Record<string, HostTensor>>;
      readonly inputSource: RunInputSource;
      readonly outputs: Readonly<Record<string, HostTensor>>;
      readonly runMs: number;
    };

export interface OpenModel {
  readonly id: string;
  /** Where it came from: a file name, a folder, an example or a URL. */
  readonly source: string;
  readonly pkg: ModelPackage;
  readonly status: 'loading' | 'ready';
  readonly description: LoadResult | null;
  /** Signature, prediction plan, example, evaluation set…: worked out once when the model has loaded (null until then). */
  readonly facts: ModelFacts | null;
  /** Reading + unpacking + session creation, as the user waited for it. */
  readonly loadMs: number | null;
  /** Reading (or downloading) and unpacking alone, before any session: the cold start's first step. */
  readonly readMs?: number;
  /** Cross-checks of the package against the model, made once the model has loaded. */
  readonly inspection: PackageInspection | null;
  /** Hex SHA-256 of the model file, once computed. */
  readonly sha256: string | null;
  /** Values chosen for symbolic dimensions (default 1). */
  readonly dims: Readonly<Record<string, number>>;
  readonly run: RunState;
  /** Why the last Run was refused before it started (it would not fit in memory); shown beside the Run button until the sizes change or a Run starts. */
  readonly runRefusal?: EngineError | null;
}

/** A model that has loaded: its facts are known. */
export type ReadyModel = OpenModel & { readonly status: 'ready'; readonly facts: ModelFacts; readonly description: LoadResult; readonly sha256: string };

export function isReady(model: OpenModel | undefined | null): model is ReadyModel {
  return model?.status === 'ready' && model.facts !== null && model.description !== null && model.sha256 !== null;
}

export interface ModelsSlice {
  readonly models: readonly OpenModel[];
  readonly activeModelId: string | null;
  addModel(model: OpenModel): void;
  updateModel(id: string, change: Partial<OpenModel>): void;
  /** Removes the model and everything every slice keeps for it (see forget-model.ts). */
  removeModel(id: string): void;
  setActiveModel(id: string | null): void;
  setDim(id: string, name: string, value: number): void;
}

export const createModelsSlice: StateCreator<AppState, [], [], ModelsSlice> = (set) => ({
  models: [],
  activeModelId: null,
  addModel: (model) => set((s) => ({ models: [...s.models, model], activeModelId: model.id })),
  updateModel: (id, change) => set((s) => ({ models: s.models.map((m) => (m.id === id ? { ...m, ...change } : m)) })),
  removeModel: (id) => set((s) => forgetModel(s, id)),
  setActiveModel: (id) => set({ activeModelId: id }),
  setDim: (id, name, value) =>
    set((s) => ({ models: s.models.map((m) => (m.id === id ? { ...m, dims: { ...m.dims, [name]: value }, runRefusal: null } : m)) })),
});
