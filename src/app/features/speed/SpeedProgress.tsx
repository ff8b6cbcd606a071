import { useAppState, useSpeedActions } from '../../app-context';
import type { SpeedActivity } from '../../store/speed-slice';

/** The profile or the search in progress, shown beside the button that started it (`kind`), with a Cancel that always works. */
export function SpeedProgress({ modelId, kind }: { modelId: string; kind: SpeedActivity['kind'] }) {
  const actions = useSpeedActions();
  const activity = useAppState((s) => s.speedActivity);
  const otherModel = useAppState((s) => (activity && activity.modelId !== modelId ? (s.models.find((m) => m.id === activity.modelId)?.pkg.name ?? 'another model') : null));
  if (!activity || activity.kind !== kind) return null;
  const what = activity.kind === 'profile' ? 'Profiling' : 'Searching for the fastest setup';
  return (
    <section className="panel benchmark-progress" aria-labelledby={`speed-progress-title-${kind}`}>
      <h3 id={`speed-progress-title-${kind}`}>{otherModel ? `${what}: ${otherModel}` : what}</h3>
      <progress max={1} value={activity.fraction} aria-labelledby={`speed-progress-title-${kind}`} aria-valuetext={`${Math.round(activity.fraction * 100)} %`} />
      <p data-testid="speed-progress" data-kind={kind} aria-live="off">
        {activity.cancelling ? 'Cancelling…' : activity.text}
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={activity.cancelling} onClick={() => void actions.cancelSpeed()}>
          {activity.cancelling ? 'Cancelling…' : activity.kind === 'profile' ? 'Cancel profile' : 'Cancel search'}
        </button>
      </div>
    </section>
  );
}
