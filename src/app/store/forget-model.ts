import type { AppState } from './app-store';

const without = <T>(record: Readonly<Record<string, T>>, id: string): Record<string, T> => Object.fromEntries(Object.entries(record).filter(([key]) => key !== id));

/**
 * The state change that closes a model: the model itself and everything any slice keeps
 * for it (forms, drafts, results on display, the comparison selection). The one place
 * that knows every per-model entry: a slice that adds one adds it here (app-store.test.ts
 * checks that nothing keyed by a closed model's id is left anywhere).
 */
export function forgetModel(s: AppState, id: string): Partial<AppState> {
  const models = s.models.filter((m) => m.id !== id);
  const compareSelection = s.compareSelection.filter((m) => m !== id);
  return {
    models,
    activeModelId: s.activeModelId === id ? (models.at(-1)?.id ?? null) : s.activeModelId,
    predict: without(s.predict, id),
    drift: without(s.drift, id),
    checks: without(s.checks, id),
    benchmarkDrafts: without(s.benchmarkDrafts, id),
    benchmarkShown: without(s.benchmarkShown, id),
    speedDrafts: without(s.speedDrafts, id),
    tunerDrafts: without(s.tunerDrafts, id),
    speedProfiles: without(s.speedProfiles, id),
    tuneRuns: without(s.tuneRuns, id),
    inputFiles: without(s.inputFiles, id),
    runSources: without(s.runSources, id),
    compareSelection: compareSelection.length === s.compareSelection.length ? s.compareSelection : compareSelection,
    compareOpen: s.compareOpen && models.length > 0,
  };
}
