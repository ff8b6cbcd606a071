import { eligibility, signatureKey, type CompareCandidateInfo, type Eligibility } from '../../core/compare/compare';
import type { AppState } from './app-store';
import type { OpenModel } from './models-slice';

export function candidateInfo(model: OpenModel): CompareCandidateInfo {
  return {
    id: model.id,
    name: model.pkg.name,
    ready: model.status === 'ready' && model.description !== null,
    signature: model.description ? signatureKey(model.description.inputs) : null,
    evaluationCsv: model.facts?.evaluation?.bytes ?? null,
  };
}

/** The example a model was opened from (its id), if it was. */
export function exampleIdOf(model: OpenModel): string | null {
  const match = /(?:^|\/)examples\/([\w-]+)\.zip$/.exec(model.source);
  return match ? match[1]! : null;
}

/** Each open model's eligibility against the first selected model (the reference). */
export function compareEligibility(s: Pick<AppState, 'models' | 'compareSelection'>): Map<string, Eligibility> {
  const referenceModel = s.models.find((m) => m.id === s.compareSelection[0]) ?? null;
  const reference = referenceModel ? candidateInfo(referenceModel) : null;
  return new Map(s.models.map((m) => [m.id, eligibility(reference, candidateInfo(m))]));
}

/** Example families with two or more members: each gets an “Open the … family” shortcut (use with useShallow). */
export const selectCompareFamilies = (s: Pick<AppState, 'examples'>): string[] => {
  const counts = new Map<string, number>();
  for (const e of s.examples ?? []) if (e.family !== null) counts.set(e.family, (counts.get(e.family) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= 2).map(([f]) => f);
};
