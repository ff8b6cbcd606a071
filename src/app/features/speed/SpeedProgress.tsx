import { useAppState, useSpeedActions } from '../../app-context';

/** The profile or search in progress, wherever it was started, with a Cancel that always works. */
export function SpeedProgress({ modelId }: { modelId: string }) {
  const actions = useSpeedActions();
  const activity = useAppState((s) => s.speedActivity);
  const otherModel = useAppState((s) => (activity && activity.modelId !== modelId ? (s.models.find((m) => m.id === activity.modelId)?.pkg.name ?? 'another model') : null));
  if (!activity) return null;
  const what = activity.kind === 'profile' ? 'Profiling' : 'Searching for the fastest setup';
  return (
    <section className="panel benchmark-progress" aria-labelledby="speed-progress-title">
      <h3 id="speed-progress-title">{otherModel ? `${what}: ${otherModel}` : what}</h3>
      <progress max={1} value={activity.fraction} aria-labelledby="speed-progress-title" aria-valuetext={`${Math.round(activity.fraction * 100)} %`} />
      <p data-testid="speed-progress" aria-live="off">
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
