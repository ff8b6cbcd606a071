import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import { createModelsSlice, type ModelsSlice } from './models-slice';
import { createNoticesSlice, type NoticesSlice } from './notices-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createGallerySlice, type GallerySlice } from './gallery-slice';
import { createBenchmarkSlice, type BenchmarkSlice } from './benchmark-slice';
import { createPredictSlice, type PredictSlice } from './predict-slice';
import { createLibrarySlice, type LibrarySlice } from './library-slice';
import { createDriftSlice, type DriftSlice } from './drift-slice';
import { createCompareSlice, type CompareSlice } from './compare-slice';
import { createSpeedSlice, type SpeedSlice } from './speed-slice';
import { createGraphSlice, type GraphSlice } from './graph-slice';
import { createTasksSlice, type TasksSlice } from './tasks-slice';

export type AppState = ModelsSlice & NoticesSlice & SettingsSlice & GallerySlice & BenchmarkSlice & PredictSlice & LibrarySlice & DriftSlice & CompareSlice & SpeedSlice & GraphSlice & TasksSlice;
export type AppStore = StoreApi<AppState>;

/** A fresh store (one per page, one per test). Only settings persist. */
export function createAppStore(): AppStore {
  return createStore<AppState>()(
    persist(
      (...a) => ({ ...createModelsSlice(...a), ...createNoticesSlice(...a), ...createSettingsSlice(...a), ...createGallerySlice(...a), ...createBenchmarkSlice(...a), ...createPredictSlice(...a), ...createLibrarySlice(...a), ...createDriftSlice(...a), ...createCompareSlice(...a), ...createSpeedSlice(...a), ...createGraphSlice(...a), ...createTasksSlice(...a) }),
      {
        name: 'onnx-playground-settings',
        version: 1,
        partialize: (s) => ({ theme: s.theme, backend: s.backend, threads: s.threads }),
      },
    ),
  );
}
