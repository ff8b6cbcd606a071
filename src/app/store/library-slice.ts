import type { StateCreator } from 'zustand';
import type { Registry } from '../../core/library/registry';
import type { EngineError } from '../../core/protocol/engine-error';
import type { StorageEstimate } from '../storage/library-db';
import type { AppState } from './app-store';

/** Why the library is not shown: a safe start left it unread, or what is saved cannot be read. */
export type LibraryProblem = { readonly kind: 'safe'; readonly reason: string } | { readonly kind: 'unreadable'; readonly error: EngineError };

export interface LibrarySlice {
  /** `null` until read from IndexedDB. */
  readonly library: Registry | null;
  readonly storage: StorageEstimate | null;
  readonly libraryProblem: LibraryProblem | null;
  setLibrary(library: Registry, storage: StorageEstimate | null): void;
  setLibraryProblem(problem: LibraryProblem): void;
}

export const createLibrarySlice: StateCreator<AppState, [], [], LibrarySlice> = (set) => ({
  library: null,
  storage: null,
  libraryProblem: null,
  setLibrary: (library, storage) => set({ library, storage, libraryProblem: null }),
  setLibraryProblem: (libraryProblem) => set({ library: null, libraryProblem }),
});
