import { createStore, type StoreApi } from 'zustand/vanilla';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
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
import { createCheckSlice, type CheckSlice } from './check-slice';
import { createInputFilesSlice, type InputFilesSlice } from './input-files-slice';

export type AppState = ModelsSlice & NoticesSlice & SettingsSlice & GallerySlice & BenchmarkSlice & PredictSlice & LibrarySlice & DriftSlice & CompareSlice & SpeedSlice & GraphSlice & TasksSlice & CheckSlice & InputFilesSlice;
export type AppStore = StoreApi<AppState>;

/**
 * localStorage, written only when the settings change: persist hands over the settings after
 * every state change (every chunk of a long batch), and a synchronous write each time costs
 * the page more than the scoring itself.
 */
function settingsStorage(): StateStorage {
  // Read now: where storage is unavailable this throws, and persist runs without it.
  const storage = localStorage;
  let last: string | null = null;
  return {
    getItem: (name) => (last = storage.getItem(name)),
    setItem: (name, value) => {
      if (value === last) return;
      last = value;
      storage.setItem(name, value);
    },
    removeItem: (name) => {
      last = null;
      storage.removeItem(name);
    },
  };
}

/** A fresh store (one per page, one per test). Only settings persist. */
export function createAppStore(): AppStore {
  return createStore<AppState>()(
    persist(
      (...a) => ({ ...createModelsSlice(...a), ...createNoticesSlice(...a), ...createSettingsSlice(...a), ...createGallerySlice(...a), ...createBenchmarkSlice(...a), ...createPredictSlice(...a), ...createLibrarySlice(...a), ...createDriftSlice(...a), ...createCompareSlice(...a), ...createSpeedSlice(...a), ...createGraphSlice(...a), ...createTasksSlice(...a), ...createCheckSlice(...a), ...createInputFilesSlice(...a) }),
      {
        name: 'onnx-playground-settings',
        version: 1,
        partialize: (s) => ({ theme: s.theme, backend: s.backend, threads: s.threads }),
        storage: createJSONStorage(settingsStorage),
      },
    ),
  );
}
