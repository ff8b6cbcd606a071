import { describeProgress, progressFraction } from '../../../core/benchmark/progress';
import { useAppState, useBenchmarkActions } from '../../app-context';

/** The running benchmark, wherever it was started: how far it is, and a Cancel that always works. */
export function BenchmarkProgress({ modelId }: { modelId: string }) {
  const actions = useBenchmarkActions();
  const activity = useAppState((s) => s.benchmarkActivity);
  const otherModel = useAppState((s) => (activity && activity.modelId !== modelId ? (s.models.find((m) => m.id === activity.modelId)?.pkg.name ?? 'another model') : null));
  if (!activity) return null;
  const fraction = progressFraction(activity);
  return (
    <section className="panel benchmark-progress" aria-labelledby="benchmark-progress-title">
      <h3 id="benchmark-progress-title">{otherModel ? `Benchmarking ${otherModel}` : 'Benchmark running'}</h3>
      <progress max={1} value={fraction} aria-labelledby="benchmark-progress-title" aria-valuetext={`${Math.round(fraction * 100)} %`} />
      <p data-testid="benchmark-progress" aria-live="off">
        {activity.cancelling ? 'Cancelling…' : activity.profiling ? `${describeProgress({ ...activity, progress: null }).replace(/ · starting the engine$/, '')} · profile: ${activity.profiling}` : describeProgress(activity)}
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={activity.cancelling} onClick={() => void actions.cancelBenchmark()}>
          {activity.cancelling ? 'Cancelling…' : 'Cancel benchmark'}
        </button>
      </div>
    </section>
  );
}
