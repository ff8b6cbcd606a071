import type { TensorSpec } from '../../../core/protocol/tensor';
import { useAppState, useInputFileActions } from '../../app-context';
import type { GivenFile } from '../../actions/input-file-actions';
import type { InputFilesPlace } from '../../store/input-files-slice';
import type { ReadyModel } from '../../store/models-slice';
import type { Dropped } from '../../ui/dropped-files';
import { formatShape } from '../../ui/format';
import { TensorFileDrop } from './TensorFileDrop';
import { TensorFilesError } from './TensorFilesError';

const givenFiles = (dropped: Dropped): GivenFile[] => (dropped.kind === 'folder' ? dropped.files : dropped.files.map((file) => ({ path: file.name, file })));

/**
 * Input values from files: one drop for the whole set (an .npz, a JSON body, .pb files, a
 * test_data_set folder) and one per input; then what was read, per input, before anything runs.
 */
export function InputFilesPanel({ model, place }: { model: ReadyModel; place: InputFilesPlace }) {
  const actions = useInputFileActions();
  const state = useAppState((s) => s.inputFiles[model.id]?.[place]);
  const inputs: readonly TensorSpec[] = model.facts.inputs;
  const reading = state?.reading ?? null;
  const give = (dropped: Dropped, input?: string): void => void actions.giveInputFiles(model.id, place, givenFiles(dropped), { input, folder: dropped.kind === 'folder' });
  return (
    <div className="input-files" data-testid={`input-files-${place}`} data-status={state?.status ?? 'empty'}>
      <TensorFileDrop label={inputs.length > 1 ? 'Choose files for all inputs…' : 'Choose a file…'} testId={`input-set-${place}`} folder onDropped={(d) => give(d)}>
        <p className="muted">
          Drop {inputs.length > 1 ? 'one file for every input' : 'a file'} here: JSON (MLflow <code>{'{"inputs": …}'}</code>, <code>{'{"instances": …}'}</code> or this app’s outputs), NumPy{' '}
          <code>.npy</code>/<code>.npz</code>, ONNX <code>.pb</code> tensors, or a <code>test_data_set_N</code> folder. Files are read on this computer.
        </p>
      </TensorFileDrop>
      {state?.status === 'reading' && <p role="status">Reading {state.files.length === 1 ? state.files[0]!.path : `${state.files.length} files`}…</p>}
      {state?.error && <TensorFilesError error={state.error} />}
      <table className="data-table input-files-table">
        <caption>What the files hold{reading ? '' : ' (nothing read yet)'}</caption>
        <thead>
          <tr>
            <th scope="col">Input</th>
            <th scope="col">Expects</th>
            <th scope="col">Read</th>
            <th scope="col">First values</th>
            <th scope="col">File for this input</th>
          </tr>
        </thead>
        <tbody>
          {inputs.map((input) => {
            const read = reading?.summary.find((r) => r.name === input.name);
            return (
              <tr key={input.name} data-testid={`read-${input.name}`}>
                <td>
                  <code>{input.name}</code>
                </td>
                <td>
                  {input.dtype} {formatShape(input.shape)}
                </td>
                <td>{read ? `${read.dtype} [${read.dims.join(', ')}] from ${read.source}` : '—'}</td>
                <td className="wrap">{read ? `${read.first.join(', ')}${read.count > read.first.length ? ` … (${read.count.toLocaleString('en-US')} values)` : ''}` : ''}</td>
                <td>
                  <TensorFileDrop label={`File for ${input.name}…`} testId={`input-file-${place}-${input.name}`} onDropped={(d) => give(d, input.name)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {reading && reading.notes.length > 0 && (
        <ul className="muted" data-testid={`input-notes-${place}`}>
          {reading.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      {state && (
        <div className="button-row">
          <button type="button" className="button" onClick={() => actions.clearInputFiles(model.id, place)}>
            Clear the files
          </button>
        </div>
      )}
    </div>
  );
}
