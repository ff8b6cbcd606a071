import type { StateCreator } from 'zustand';
import type { Registry } from '../../core/library/registry';
import type { StorageEstimate } from '../storage/library-db';
import type { AppState } from './app-store';

export interface LibrarySlice {
  /** `null` until read from IndexedDB. */
  readonly library: Registry | null;
  readonly storage: StorageEstimate | null;
  setLibrary(library: Registry, storage: StorageEstimate | null): void;
}

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set) => ({
  library: null,
  storage: null,
  setLibrary: (library, storage) => set({ library, storage }),
});
