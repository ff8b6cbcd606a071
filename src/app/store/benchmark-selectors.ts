import { defaultDraft, type BatchDimension, type BenchmarkDraft } from '../../core/benchmark/plan';
import type { BenchmarkRun } from '../../core/benchmark/run';
import { defaultThreads, type Capabilities } from '../../core/protocol/capabilities';
import type { AppState } from './app-store';
import type { OpenModel } from './models-slice';

/** Whether the package has an input example (one that does not fit its inputs says why when used). */
export function hasInputExample(model: OpenModel): boolean {
  return (model.facts?.example ?? null) !== null;
}

export function modelBatchDimension(model: OpenModel): BatchDimension {
  return model.facts?.batch ?? { kind: 'none' };
}

export function defaultBenchmarkDraft(model: OpenModel, caps: Capabilities): BenchmarkDraft {
  return defaultDraft(modelBatchDimension(model), hasInputExample(model), defaultThreads(caps));
}

/** The form as the user left it, or the defaults for this model and browser (a new object: not for `useAppState`). */
export function benchmarkDraftOf(s: AppState, model: OpenModel, caps: Capabilities): BenchmarkDraft {
  return s.benchmarkDrafts[model.id] ?? defaultBenchmarkDraft(model, caps);
}

/** Runs of the same model file (same SHA-256), newest first: use with `useShallow`. */
export const selectRunsOfModel =
  (sha256: string | null) =>
  (s: AppState): readonly BenchmarkRun[] =>
    sha256 === null ? [] : s.benchmarkRuns.filter((r) => r.model.sha256 === sha256);

export const selectShownRun =
  (modelId: string) =>
  (s: AppState): BenchmarkRun | null =>
    s.benchmarkRuns.find((r) => r.id === s.benchmarkShown[modelId]) ?? null;

export const selectComparedRuns = (s: AppState): BenchmarkRun[] =>
  s.benchmarkCompare.map((id) => s.benchmarkRuns.find((r) => r.id === id)).filter((r): r is BenchmarkRun => r !== undefined);

/**
 * Whether the run on display is older than the model's latest benchmark: one is
 * measuring now ('running'), or the latest measured nothing ('superseded', e.g.
 * cancelled before its first point). Null when the run shown is the latest.
 */
export const selectShownRunIsPrevious =
  (modelId: string) =>
  (s: AppState): 'running' | 'superseded' | null => {
    const shown = s.benchmarkShown[modelId];
    const attempt = s.benchmarkAttempts[modelId];
    if (!shown || !attempt || shown === attempt) return null;
    if (s.benchmarkActivity?.runId === attempt) return 'running';
    return s.benchmarkRuns.some((r) => r.id === attempt) ? null : 'superseded';
  };
