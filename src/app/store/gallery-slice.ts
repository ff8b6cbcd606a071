import type { StateCreator } from 'zustand';
import type { ExampleInfo } from '../../core/package/example-index';
import type { AppState } from './app-store';

export interface GallerySlice {
  readonly examples: readonly ExampleInfo[] | null;
  setExamples(examples: readonly ExampleInfo[]): void;
}

export const createGallerySlice: StateCreator<AppState, [], [], GallerySlice> = (set) => ({
  examples: null,
  setExamples: (examples) => set({ examples }),
});
