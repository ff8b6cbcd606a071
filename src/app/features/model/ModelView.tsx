import { lazy, Suspense, useCallback } from 'react';
import { useAppState } from '../../app-context';
import type { OpenModel } from '../../store/models-slice';
import { Tabs, type TabDefinition } from '../../ui/Tabs';
import { noteTab, tabFromUrl } from '../../url-sync';
import { InspectView } from '../inspect/InspectView';
import { SaveToLibrary } from '../library/SaveToLibrary';
import { BenchmarkView } from '../benchmark/BenchmarkView';
import { SpeedView } from '../speed/SpeedView';
import { PredictTab } from '../predict/PredictTab';
import { DriftTab } from '../drift/DriftTab';
import { CheckTab } from '../check/CheckTab';
import { ModelFacts } from './ModelFacts';
import { RunPanel } from './RunPanel';
import { TensorTable } from './TensorTable';

// The graph view (React Flow, its layout worker) loads only when its tab is opened.
const GraphTab = lazy(() => import('../graph/GraphTab').then((m) => ({ default: m.GraphTab })));

/** One tab per job the user brings a model for; each feature adds its tab here. */
function modelTabs(model: OpenModel): TabDefinition[] {
  const description = model.description!;
  return [
    {
      id: 'run',
      label: 'Run',
      render: () => (
        <div className="model-grid">
          <section className="panel" aria-label="Inputs and outputs">
            <TensorTable caption="Inputs" specs={description.inputs} />
            <TensorTable caption="Outputs" specs={description.outputs} />
          </section>
          <RunPanel model={model} />
          <ModelFacts model={model} />
        </div>
      ),
    },
    { id: 'predict', label: 'Predict', render: () => <PredictTab model={model} /> },
    { id: 'inspect', label: 'Inspect', render: () => <InspectView model={model} /> },
    {
      id: 'graph',
      label: 'Graph',
      render: () => (
        <Suspense fallback={<p role="status">Loading the graph view…</p>}>
          <GraphTab model={model} />
        </Suspense>
      ),
    },
    { id: 'benchmark', label: 'Benchmark', render: () => <BenchmarkView model={model} /> },
    { id: 'speed', label: 'Speed', render: () => <SpeedView model={model} /> },
    { id: 'drift', label: 'Drift', render: () => <DriftTab model={model} /> },
    { id: 'check', label: 'Check outputs', render: () => <CheckTab model={model} /> },
  ];
}

export function ModelView({ model }: { model: OpenModel }) {
  // "Show in graph" links elsewhere ask for the Graph tab.
  const focus = useAppState((s) => s.graphFocus[model.id]);
  // The address follows the tab (url-sync).
  const onSelect = useCallback((tab: string) => noteTab(model.id, tab), [model.id]);
  return (
    <article className="model-view" aria-labelledby="model-title">
      <div className="model-header">
        <h2 id="model-title" tabIndex={-1}>{model.pkg.name}</h2>
        {model.status === 'ready' && <SaveToLibrary model={model} />}
      </div>
      {model.status === 'loading' || !model.description ? (
        <p role="status">Loading the model (the runtime is fetched the first time)…</p>
      ) : (
        <Tabs label="Model views" tabs={modelTabs(model)} initial={tabFromUrl(model.id)} onSelect={onSelect} request={focus ? { id: 'graph', seq: focus.seq } : null} />
      )}
    </article>
  );
}
