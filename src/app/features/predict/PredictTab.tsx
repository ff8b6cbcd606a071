import { lazy, Suspense } from 'react';
import type { OpenModel } from '../../store/models-slice';

// The Predict tab brings ajv, papaparse and the chart library: loaded when the tab first opens.
const PredictPanel = lazy(() => import('./PredictPanel').then((m) => ({ default: m.PredictPanel })));

export function PredictTab({ model }: { model: OpenModel }) {
  return (
    <Suspense fallback={<p role="status">Loading the prediction tools…</p>}>
      <PredictPanel model={model} />
    </Suspense>
  );
}
