import { defaultDraft, type BatchDimension, type BenchmarkDraft } from '../../core/benchmark/plan';
import type { BenchmarkRun } from '../../core/benchmark/run';
import { formDimensions, type FormDimension } from '../../core/benchmark/session-draft';
import { dimensionDefaults } from '../../core/model/dimension-defaults';
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

/** The model's symbolic dimensions as the Benchmark and Speed forms show them: the sizes the inputs get, and where each came from. */
export function modelFormDimensions(model: OpenModel): FormDimension[] {
  const inputs = model.description?.inputs ?? [];
  const example = model.facts?.example;
  const shipped = example?.ok ? [{ label: 'input_example.json', shapes: Object.fromEntries(Object.entries(example.value).map(([name, t]) => [name, t.dims])) }] : [];
  const defaults = dimensionDefaults({ inputs, metadata: model.pkg.metadata?.raw ?? null, metadataProps: model.description?.summary?.metadataProps, shipped });
  return formDimensions(defaults, model.dims);
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
