import { useShallow } from 'zustand/react/shallow';
import { useAppState, useCompareActions } from '../../app-context';
import { selectCompareFamilies } from '../../store/compare-selectors';

/** What the app does beyond one model, said before any model is open: Compare and Drift, and how to reach them. */
export function MoreTools() {
  const compare = useCompareActions();
  const families = useAppState(useShallow(selectCompareFamilies));
  const opening = useAppState((s) => s.models.some((m) => m.status === 'loading'));
  return (
    <section className="panel more-tools" aria-labelledby="more-tools-title" data-testid="more-tools">
      <h2 id="more-tools-title">Beyond one model</h2>
      <dl>
        <div>
          <dt>Compare models</dt>
          <dd>
            <p>
              Score several models on the same evaluation set and time each at batch 1: accuracy against latency, the Pareto frontier, and the best model
              under a latency budget, with differences inside the measured noise called ties. Open two or more models, then press <strong>Compare</strong> in
              the bar of open models{families.length > 0 ? ', or start from a family of examples:' : '.'}
            </p>
            {families.length > 0 && (
              <div className="button-row">
                {families.map((f) => (
                  <button key={f} type="button" className="button" disabled={opening} onClick={() => void compare.openFamily(f)}>
                    Compare the {f} examples
                  </button>
                ))}
              </div>
            )}
          </dd>
        </div>
        <div>
          <dt>Check for drift</dt>
          <dd>
            Compare a production CSV with the data a model was evaluated on: each feature’s distribution (Kolmogorov–Smirnov and PSI) and how the predictions
            shift. Open a model, choose its <strong>Drift</strong> tab and drop a CSV; every example ships a production sample, shifted on purpose, that{' '}
            <strong>Try the package’s production sample</strong> checks in one click.
          </dd>
        </div>
      </dl>
    </section>
  );
}
