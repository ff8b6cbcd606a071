import { symbolicDims } from '../../../core/schema/host-tensor';
import { useActions, useAppState, useInputFileActions } from '../../app-context';
import { selectRunSource, type RunInputSource } from '../../store/input-files-slice';
import type { OpenModel } from '../../store/models-slice';
import { isReady } from '../../store/models-slice';
import { selectBackendLabel } from '../../store/selectors';
import { InputFilesPanel } from '../tensor-files/InputFilesPanel';
import { OutputsView } from './OutputsView';

const SOURCE_LABELS: Readonly<Record<RunInputSource, string>> = {
  example: 'the package’s input example',
  random: 'random',
  zeros: 'zeros',
  file: 'from file',
};

const SOURCE_NOTES: Readonly<Record<RunInputSource, string>> = {
  example: 'Inputs come from the package’s input example.',
  random: 'Random values of each input’s type and shape (seeded, so every run uses the same ones); inputs named as masks are ones, token type ids 0, position ids 0…T−1, and token ids stay within the package’s vocabulary.',
  zeros: 'Zeros of each input’s type and shape (empty strings for text inputs).',
  file: 'Values read from your files; sizes of symbolic dimensions come from the data.',
};

export function RunPanel({ model }: { model: OpenModel }) {
  const actions = useActions();
  const inputFiles = useInputFileActions();
  const setDim = useAppState((s) => s.setDim);
  const backendLabel = useAppState(selectBackendLabel);
  const source = useAppState((s) => selectRunSource(s, model));
  const inputs = model.description?.inputs ?? [];
  const hasExample = model.facts?.example !== null && model.facts?.example !== undefined;
  const offered: RunInputSource[] = hasExample ? ['example', 'random', 'zeros', 'file'] : ['random', 'zeros', 'file'];
  const dims = symbolicDims(inputs);
  const running = model.run.status === 'running';
  return (
    <section className="panel" aria-labelledby="run-title">
      <h3 id="run-title">Run</h3>
      <fieldset className="run-source">
        <legend>Inputs</legend>
        {offered.map((s) => (
          <label key={s} className="field-inline">
            <input type="radio" name={`run-source-${model.id}`} checked={source === s} onChange={() => inputFiles.setRunSource(model.id, s)} /> {SOURCE_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <p className="muted">{SOURCE_NOTES[source]}</p>
      {(source === 'random' || source === 'zeros') && dims.length > 0 && (
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
      {source === 'file' && isReady(model) && <InputFilesPanel model={model} place="run" />}
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
      {model.runRefusal && (
        <p role="alert" className={model.runRefusal.code === 'may-not-fit-memory' ? 'finding finding-warning' : 'finding finding-error'} data-testid="run-refusal">
          {model.runRefusal.message} {model.runRefusal.hint}
          {model.runRefusal.code === 'may-not-fit-memory' && (
            <>
              {' '}
              <button type="button" className="button" disabled={running} onClick={() => void actions.runModel(model.id, { anyway: true })}>
                Run anyway
              </button>
            </>
          )}
        </p>
      )}
      {model.run.status === 'done' && <OutputsView model={model} run={model.run} />}
    </section>
  );
}
