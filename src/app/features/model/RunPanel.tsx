import { symbolicDims } from '../../../core/schema/host-tensor';
import { useActions, useAppState } from '../../app-context';
import type { OpenModel } from '../../store/models-slice';
import { selectBackendLabel } from '../../store/selectors';
import { OutputsView } from './OutputsView';

export function RunPanel({ model }: { model: OpenModel }) {
  const actions = useActions();
  const setDim = useAppState((s) => s.setDim);
  const backendLabel = useAppState(selectBackendLabel);
  const inputs = model.description?.inputs ?? [];
  const hasExample = model.pkg.inputExample !== null && model.pkg.inputExample !== undefined;
  const dims = symbolicDims(inputs);
  const running = model.run.status === 'running';
  return (
    <section className="panel" aria-labelledby="run-title">
      <h3 id="run-title">Run</h3>
      <p className="muted">
        {hasExample
          ? 'Inputs come from the package’s input example.'
          : 'Inputs are random values of each input’s type and shape (seeded, so every run uses the same ones).'}
      </p>
      {!hasExample && dims.length > 0 && (
        <fieldset className="dims">
          <legend>Symbolic dimensions</legend>
          {dims.map((name) => (
            <label key={name} className="field-inline">
              <code>{name}</code>
              <input
                type="number"
                min={1}
                max={4096}
                value={model.dims[name] ?? 1}
                onChange={(e) => setDim(model.id, name, Math.max(1, Math.floor(Number(e.target.value)) || 1))}
              />
            </label>
          ))}
        </fieldset>
      )}
      <div className="button-row">
        <button type="button" className="button primary" disabled={running} onClick={() => void actions.runModel(model.id)}>
          {running ? 'Running…' : `Run on ${backendLabel}`}
        </button>
        {model.run.status === 'done' && (
          <button type="button" className="button" onClick={() => actions.downloadOutputs(model.id)}>
            Download outputs
          </button>
        )}
      </div>
      {model.run.status === 'done' && <OutputsView model={model} run={model.run} />}
    </section>
  );
}
