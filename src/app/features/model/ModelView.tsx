import type { OpenModel } from '../../store/models-slice';
import { ModelFacts } from './ModelFacts';
import { RunPanel } from './RunPanel';
import { TensorTable } from './TensorTable';

export function ModelView({ model }: { model: OpenModel }) {
  return (
    <article className="model-view" aria-labelledby="model-title">
      <h2 id="model-title">{model.pkg.name}</h2>
      {model.status === 'loading' || !model.description ? (
        <p role="status">Loading the model (the runtime is fetched the first time)…</p>
      ) : (
        <div className="model-grid">
          <section className="panel" aria-label="Inputs and outputs">
            <TensorTable caption="Inputs" specs={model.description.inputs} />
            <TensorTable caption="Outputs" specs={model.description.outputs} />
          </section>
          <RunPanel model={model} />
          <ModelFacts model={model} />
        </div>
      )}
    </article>
  );
}
