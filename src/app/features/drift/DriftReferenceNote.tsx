import type { DriftState } from '../../store/drift-slice';

/** What the production file is compared with, and where that came from (or why there is nothing). */
export function DriftReferenceNote({ state, trainingRanges, hasEvaluation }: { state: DriftState; trainingRanges: boolean; hasEvaluation: boolean }) {
  return (
    <p data-testid="drift-reference">
      {state.reference?.kind === 'evaluation' && (
        <>
          Reference: the package’s evaluation set <code>{state.reference.name}</code>. Each feature of the production file is compared with the same feature there.
        </>
      )}
      {state.reference?.kind === 'picked' && (
        <>
          Reference: <code>{state.reference.name}</code>, which you picked{hasEvaluation ? ' instead of the package’s evaluation set' : ''}.
        </>
      )}
      {state.reference?.kind === 'training-statistics' && (
        <>
          Reference: the training statistics in <code>metadata.json</code> (histograms of {state.reference.features?.join(', ')}), since the package has no evaluation CSV. KS is approximate against a histogram; the predictions cannot be compared, as there are no reference rows to score.
        </>
      )}
      {!state.reference && (
        <>
          No reference: this package has no evaluation CSV{trainingRanges ? ', and its metadata.json records only training ranges (minimum and maximum), which are not distributions that KS or PSI can compare with' : ', and its metadata.json holds no training statistics'}. Pick a reference CSV (the data the model was trained or validated on).
        </>
      )}
    </p>
  );
}
