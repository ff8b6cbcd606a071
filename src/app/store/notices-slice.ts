import type { StateCreator } from 'zustand';
import type { EngineError } from '../../core/protocol/engine-error';
import type { AppState } from './app-store';

export interface Notice extends EngineError {
  readonly id: number;
}

export interface NoticesSlice {
  readonly notices: readonly Notice[];
  notify(error: EngineError): void;
  dismiss(id: number): void;
}

export const createNoticesSlice: StateCreator<AppState, [], [], NoticesSlice> = (set) => {
  let next = 1;
  return {
    notices: [],
    // The newest first; the same message twice is shown once.
    notify: (error) =>
      set((s) => ({ notices: [{ ...error, id: next++ }, ...s.notices.filter((n) => n.message !== error.message)].slice(0, 5) })),
    dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
};
