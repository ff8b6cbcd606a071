import { useEffect } from 'react';
import { useAppState, useBenchmarkActions } from '../../app-context';
import { selectShownRun, selectShownRunIsPrevious } from '../../store/benchmark-selectors';
import type { OpenModel } from '../../store/models-slice';
import { BenchmarkForm } from './BenchmarkForm';
import { BenchmarkProgress } from './BenchmarkProgress';
import { BenchmarkResults } from './BenchmarkResults';
import { SavedRuns } from './SavedRuns';

/** The Benchmark tab: set up, watch, read, keep and compare. */
export function BenchmarkView({ model }: { model: OpenModel }) {
  const actions = useBenchmarkActions();
  const shown = useAppState(selectShownRun(model.id));
  const message = useAppState((s) => s.benchmarkMessage);
  const previous = useAppState(selectShownRunIsPrevious(model.id));
  useEffect(() => {
    void actions.loadSavedBenchmarks();
  }, [actions]);
  return (
    <div className="benchmark">
      <BenchmarkForm model={model} />
      <BenchmarkProgress modelId={model.id} />
      <p role="status" className="muted" data-testid="benchmark-status">
        {message}
      </p>
      {shown && <BenchmarkResults run={shown} previous={previous} />}
      <SavedRuns model={model} />
    </div>
  );
}
