import type { StateCreator } from 'zustand';
import type { BenchmarkDraft } from '../../core/benchmark/plan';
import type { BenchmarkRun } from '../../core/benchmark/run';
import type { BenchmarkProgress, StopRule } from '../../core/protocol/benchmark';
import type { BackendConfig } from '../../core/protocol/engine-api';
import type { AppState } from './app-store';

/** The benchmark being measured (one at a time in the whole page). */
export interface BenchmarkActivity {
  readonly runId: string;
  readonly modelId: string;
  readonly configs: readonly BackendConfig[];
  readonly configIndex: number;
  /** The id the engine knows the current configuration by (what Cancel names). */
  readonly configRunId: string | null;
  readonly progress: BenchmarkProgress | null;
  readonly cancelling: boolean;
  readonly stop: StopRule;
  readonly warmupRuns: number;
  /** With "Profile each configuration": what the profile of the current configuration is doing. */
  readonly profiling?: string | null;
}

export interface BenchmarkSlice {
  /** The form of each open model, by model id; absent until the user changes something. */
  readonly benchmarkDrafts: Readonly<Record<string, BenchmarkDraft>>;
  readonly benchmarkActivity: BenchmarkActivity | null;
  /** This page's runs and the saved ones, newest first. */
  readonly benchmarkRuns: readonly BenchmarkRun[];
  readonly benchmarkRunsLoaded: boolean;
  /** The run on display for each model id. */
  readonly benchmarkShown: Readonly<Record<string, string>>;
  /** Runs ticked for side-by-side comparison, in the order ticked. */
  readonly benchmarkCompare: readonly string[];
  /** A short confirmation ("Copied as Markdown."), shown in a status line. */
  readonly benchmarkMessage: string | null;
  /** The run id of each model's latest benchmark started (issue 12: a result shown from an earlier run is labelled as such). */
  readonly benchmarkAttempts: Readonly<Record<string, string>>;
  setBenchmarkDraft(modelId: string, draft: BenchmarkDraft): void;
  setBenchmarkActivity(activity: BenchmarkActivity | null): void;
  updateBenchmarkActivity(change: Partial<BenchmarkActivity>): void;
  setBenchmarkRuns(runs: readonly BenchmarkRun[]): void;
  addBenchmarkRun(run: BenchmarkRun): void;
  removeBenchmarkRun(id: string): void;
  showBenchmarkRun(modelId: string, runId: string): void;
  toggleBenchmarkCompare(runId: string): void;
  setBenchmarkMessage(message: string | null): void;
}

const newestFirst = (runs: readonly BenchmarkRun[]): BenchmarkRun[] => [...runs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

export const createBenchmarkSlice: StateCreator<AppState, [], [], BenchmarkSlice> = (set) => ({
  benchmarkDrafts: {},
  benchmarkActivity: null,
  benchmarkRuns: [],
  benchmarkRunsLoaded: false,
  benchmarkShown: {},
  benchmarkCompare: [],
  benchmarkMessage: null,
  benchmarkAttempts: {},
  setBenchmarkDraft: (modelId, draft) => set((s) => ({ benchmarkDrafts: { ...s.benchmarkDrafts, [modelId]: draft } })),
  setBenchmarkActivity: (benchmarkActivity) =>
    set((s) => (benchmarkActivity ? { benchmarkActivity, benchmarkAttempts: { ...s.benchmarkAttempts, [benchmarkActivity.modelId]: benchmarkActivity.runId } } : { benchmarkActivity })),
  updateBenchmarkActivity: (change) => set((s) => (s.benchmarkActivity ? { benchmarkActivity: { ...s.benchmarkActivity, ...change } } : {})),
  // Saved runs join the ones measured before they finished loading.
  setBenchmarkRuns: (runs) =>
    set((s) => ({ benchmarkRuns: newestFirst([...s.benchmarkRuns, ...runs.filter((r) => !s.benchmarkRuns.some((k) => k.id === r.id))]), benchmarkRunsLoaded: true })),
  addBenchmarkRun: (run) => set((s) => ({ benchmarkRuns: newestFirst([run, ...s.benchmarkRuns.filter((r) => r.id !== run.id)]) })),
  removeBenchmarkRun: (id) =>
    set((s) => ({
      benchmarkRuns: s.benchmarkRuns.filter((r) => r.id !== id),
      benchmarkCompare: s.benchmarkCompare.filter((r) => r !== id),
      benchmarkShown: Object.fromEntries(Object.entries(s.benchmarkShown).filter(([, runId]) => runId !== id)),
    })),
  showBenchmarkRun: (modelId, runId) => set((s) => ({ benchmarkShown: { ...s.benchmarkShown, [modelId]: runId } })),
  toggleBenchmarkCompare: (runId) =>
    set((s) => ({ benchmarkCompare: s.benchmarkCompare.includes(runId) ? s.benchmarkCompare.filter((r) => r !== runId) : [...s.benchmarkCompare, runId] })),
  setBenchmarkMessage: (benchmarkMessage) => set({ benchmarkMessage }),
});
