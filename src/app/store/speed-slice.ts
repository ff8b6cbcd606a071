import type { StateCreator } from 'zustand';
import type { GpuFloorMeasurement } from '../../core/benchmark/gpu-floor';
import type { ConfigProfile } from '../../core/profile/config-profile';
import type { PageMemory } from '../../core/profile/memory';
import type { SpeedDraft } from '../../core/profile/profile-plan';
import type { TuneRun } from '../../core/profile/tune-report';
import type { TunerDraft } from '../../core/profile/tuner';
import type { EngineWorkerInfo } from '../engine/engine-gateway';
import type { AppState } from './app-store';

/** A profile or a tuner search in progress (one at a time in the page). */
export interface SpeedActivity {
  readonly kind: 'profile' | 'tune';
  readonly modelId: string;
  /** What Cancel names: the configuration being measured. */
  readonly runId: string;
  readonly text: string;
  /** 0–1, for the progress bar. */
  readonly fraction: number;
  readonly cancelling: boolean;
}

export interface SpeedSlice {
  readonly speedDrafts: Readonly<Record<string, SpeedDraft>>;
  readonly tunerDrafts: Readonly<Record<string, TunerDraft>>;
  readonly speedActivity: SpeedActivity | null;
  /** The latest profile of each model, one entry per configuration, by model id. */
  readonly speedProfiles: Readonly<Record<string, readonly ConfigProfile[]>>;
  /** The latest tuner search of each model, by model id. */
  readonly tuneRuns: Readonly<Record<string, TuneRun>>;
  readonly pageMemory: PageMemory;
  /** The engine workers alive now (each holds its own WebAssembly heap), as the engine client reports them. */
  readonly engineWorkers: readonly EngineWorkerInfo[];
  readonly speedMessage: string | null;
  /** Which of the tab's two actions ran last (issue 12: its progress and message show beside its own button). */
  readonly speedLastKind: SpeedActivity['kind'] | null;
  /** This machine's WebGPU dispatch overhead (the floor): measured once per page, for every model. */
  readonly gpuFloor: { readonly status: 'idle' | 'measuring' } | { readonly status: 'measured'; readonly floor: GpuFloorMeasurement } | { readonly status: 'failed'; readonly message: string };
  setGpuFloor(floor: SpeedSlice['gpuFloor']): void;
  setSpeedDraft(modelId: string, draft: SpeedDraft): void;
  setTunerDraft(modelId: string, draft: TunerDraft): void;
  setSpeedActivity(activity: SpeedActivity | null): void;
  updateSpeedActivity(change: Partial<SpeedActivity>): void;
  setSpeedProfiles(modelId: string, profiles: readonly ConfigProfile[]): void;
  setTuneRun(modelId: string, run: TuneRun): void;
  setPageMemory(memory: PageMemory): void;
  setEngineWorkers(workers: readonly EngineWorkerInfo[]): void;
  setSpeedMessage(message: string | null): void;
}

export const createSpeedSlice: StateCreator<AppState, [], [], SpeedSlice> = (set) => ({
  speedDrafts: {},
  tunerDrafts: {},
  speedActivity: null,
  speedProfiles: {},
  tuneRuns: {},
  pageMemory: { status: 'idle' },
  engineWorkers: [],
  speedMessage: null,
  speedLastKind: null,
  gpuFloor: { status: 'idle' },
  setGpuFloor: (gpuFloor) => set({ gpuFloor }),
  setSpeedDraft: (modelId, draft) => set((s) => ({ speedDrafts: { ...s.speedDrafts, [modelId]: draft } })),
  setTunerDraft: (modelId, draft) => set((s) => ({ tunerDrafts: { ...s.tunerDrafts, [modelId]: draft } })),
  setSpeedActivity: (speedActivity) => set(speedActivity ? { speedActivity, speedLastKind: speedActivity.kind } : { speedActivity }),
  updateSpeedActivity: (change) => set((s) => (s.speedActivity ? { speedActivity: { ...s.speedActivity, ...change } } : {})),
  setSpeedProfiles: (modelId, profiles) => set((s) => ({ speedProfiles: { ...s.speedProfiles, [modelId]: profiles } })),
  setTuneRun: (modelId, run) => set((s) => ({ tuneRuns: { ...s.tuneRuns, [modelId]: run } })),
  setPageMemory: (pageMemory) => set({ pageMemory }),
  setEngineWorkers: (engineWorkers) => set({ engineWorkers }),
  setSpeedMessage: (speedMessage) => set({ speedMessage }),
});
