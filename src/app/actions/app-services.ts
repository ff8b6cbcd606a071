import type { EngineGateway } from '../engine/engine-gateway';
import type { BenchmarkRunStorage } from '../storage/benchmark-runs';
import type { LibraryStorage } from '../storage/library-db';
import type { AppStore } from '../store/app-store';
import { createBenchmarkActions, type BenchmarkActions } from './benchmark-actions';
import { createCheckActions, type CheckActions } from './check-actions';
import { createCompareActions, type CompareActions } from './compare-actions';
import { createActions, type Actions } from './create-actions';
import { createDriftActions, type DriftActions } from './drift-actions';
import { createLibraryActions, type LibraryActions } from './library-actions';
import { createModelLifecycle, type ModelLifecycle } from './model-lifecycle';
import { createPredictActions, type PredictActions } from './predict-actions';
import { createSpeedActions, type SpeedActions } from './speed-actions';
import { createValidatorCache } from './validator-cache';
import { createInputFileActions, type InputFileActions } from './input-file-actions';
import { createPackageClient, type PackageClient } from '../workers/package-client';

/** Everything the page's components dispatch to, over one store and one engine client. */
export interface AppServices {
  readonly store: AppStore;
  readonly actions: Actions;
  readonly benchmark: BenchmarkActions;
  readonly predict: PredictActions;
  readonly library: LibraryActions;
  readonly drift: DriftActions;
  readonly compare: CompareActions;
  readonly speed: SpeedActions;
  readonly inputFiles: InputFileActions;
  readonly lifecycle: ModelLifecycle;
  readonly check: CheckActions;
}

export interface ServiceOptions {
  /** Where the app is served from (`import.meta.env.BASE_URL`): examples are fetched below it. */
  readonly baseUrl: string;
  readonly runStorage: BenchmarkRunStorage;
  readonly libraryStorage: LibraryStorage;
  /** Reads archives and package text; the page's runs each job in a worker (tests read in-process). */
  readonly packages?: PackageClient;
}

/** Wires the actions together: the page builds one set, each test its own over a fresh store and a fake engine. */
export function createAppServices(store: AppStore, client: EngineGateway, options: ServiceOptions): AppServices {
  const lifecycle = createModelLifecycle();
  const validators = createValidatorCache(lifecycle);
  const packages = options.packages ?? createPackageClient(store);
  const actions = createActions(store, client, options.baseUrl, lifecycle, packages);
  const { getState } = store;
  client.onWorkerDied((_key, error) => {
    getState().notify(error);
    for (const m of getState().models) if (m.run.status === 'running') getState().updateModel(m.id, { run: { status: 'idle' } });
  });
  client.onWorkersChanged((workers) => getState().setEngineWorkers(workers));
  const predict = createPredictActions({ store, client, lifecycle, validators });
  return {
    store,
    actions,
    lifecycle,
    benchmark: createBenchmarkActions(store, client, options.runStorage, lifecycle),
    predict,
    inputFiles: createInputFileActions(store, packages, (id, place, reading) => place === 'predict' && predict.takeTensorReading(id, reading)),
    drift: createDriftActions({ store, client, lifecycle }),
    library: createLibraryActions(store, options.libraryStorage, actions, packages),
    compare: createCompareActions({ store, client, actions }),
    speed: createSpeedActions(store, client, lifecycle),
    check: createCheckActions({ store, client, lifecycle }),
  };
}
