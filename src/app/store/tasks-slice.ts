import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** Work running off the page (unpacking, importing), with its progress and how to stop it. */
export interface BackgroundTask {
  readonly id: number;
  readonly label: string;
  /** Progress as `done` of `total` bytes; `total` 0 while unknown. */
  readonly done: number;
  readonly total: number;
  /** Real bytes written so far (an archive's unpacked size). */
  readonly written: number;
  readonly cancel: () => void;
}

export interface TasksSlice {
  readonly tasks: readonly BackgroundTask[];
  startTask(label: string, cancel: () => void): number;
  updateTask(id: number, progress: Pick<BackgroundTask, 'done' | 'total' | 'written'>): void;
  endTask(id: number): void;
}

export const createTasksSlice: StateCreator<AppState, [], [], TasksSlice> = (set) => {
  let next = 1;
  return {
    tasks: [],
    startTask: (label, cancel) => {
      const id = next++;
      set((s) => ({ tasks: [...s.tasks, { id, label, done: 0, total: 0, written: 0, cancel }] }));
      return id;
    },
    updateTask: (id, progress) => set((s) => ({ tasks: s.tasks.map((t) => (t.id === id ? { ...t, ...progress } : t)) })),
    endTask: (id) => set((s) => ({ tasks: s.tasks.filter((t) => t.id !== id) })),
  };
};
