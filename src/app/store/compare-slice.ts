import type { StateCreator } from 'zustand';
import type { CompareMeasurement } from '../../core/compare/compare';
import type { AppState } from './app-store';

export interface CompareProgress {
  readonly modelIndex: number;
  readonly modelCount: number;
  readonly modelName: string;
  readonly step: 'scoring' | 'benchmarking';
  /** 0–1 within the current step. */
  readonly fraction: number;
  /** 0–1 of the whole comparison: every model timed (twice over), then every model scored. Never goes back. */
  readonly overall: number;
}

export interface CompareRunState {
  readonly status: 'idle' | 'running' | 'done' | 'cancelled';
  readonly cancelling: boolean;
  readonly progress: CompareProgress | null;
  /** Name and path of the evaluation CSV every model is scored on. */
  readonly csvSource: string | null;
  readonly backendLabel: string | null;
  readonly runs: number;
  readonly measurements: readonly CompareMeasurement[];
}

export const IDLE_COMPARE: CompareRunState = { status: 'idle', cancelling: false, progress: null, csvSource: null, backendLabel: null, runs: 0, measurements: [] };

export interface CompareSlice {
  /** The Compare view is shown instead of a model. */
  readonly compareOpen: boolean;
  /** Selected model ids, in the order chosen (the first one's test.csv scores all). */
  readonly compareSelection: readonly string[];
  readonly compareBudgetMs: number;
  readonly compareRuns: number;
  readonly compareRun: CompareRunState;
  setCompareOpen(open: boolean): void;
  setCompareSelection(ids: readonly string[]): void;
  setCompareBudget(ms: number): void;
  setCompareRuns(runs: number): void;
  updateCompareRun(change: Partial<CompareRunState>): void;
}

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set) => ({
  compareOpen: false,
  compareSelection: [],
  compareBudgetMs: 1,
  compareRuns: 30,
  compareRun: IDLE_COMPARE,
  setCompareOpen: (compareOpen) => set({ compareOpen }),
  setCompareSelection: (compareSelection) => set({ compareSelection }),
  setCompareBudget: (compareBudgetMs) => set({ compareBudgetMs }),
  setCompareRuns: (compareRuns) => set({ compareRuns }),
  updateCompareRun: (change) => set((s) => ({ compareRun: { ...s.compareRun, ...change } })),
});
