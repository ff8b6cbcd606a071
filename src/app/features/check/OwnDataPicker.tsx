import { useState } from 'react';

const ACCEPT = '.json,.npy,.npz,.pb';

function FilesField({ label, testId, files, disabled, onFiles }: { label: string; testId: string; files: readonly File[]; disabled: boolean; onFiles: (files: File[]) => void }) {
  return (
    <div className="own-data-field">
      <label className="button">
        {label}
        <input
          type="file"
          multiple
          accept={ACCEPT}
          className="visually-hidden"
          data-testid={testId}
          disabled={disabled}
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </label>
      <span className="muted">{files.length > 0 ? files.map((f) => f.name).join(', ') : 'none chosen'}</span>
    </div>
  );
}

/** The user's own inputs and expected outputs, in any tensor file form, checked like a data set. */
export function OwnDataPicker({ disabled, onCheck }: { disabled: boolean; onCheck: (files: { inputs: File[]; expected: File[] }) => void }) {
  const [inputs, setInputs] = useState<File[]>([]);
  const [expected, setExpected] = useState<File[]>([]);
  return (
    <fieldset className="own-data" disabled={disabled}>
      <legend>Or check your own inputs against expected outputs</legend>
      <p className="muted">
        Inputs and expected outputs as <code>.json</code> (<code>{'{"inputs": {NAME: …}}'}</code>, <code>{'{"outputs": …}'}</code> or an MLflow body), <code>.npy</code> (named after the input or output), <code>.npz</code> or TensorProto <code>.pb</code> (<code>input_K.pb</code>, <code>output_K.pb</code>).
      </p>
      <FilesField label="Choose input files…" testId="check-own-inputs" files={inputs} disabled={disabled} onFiles={setInputs} />
      <FilesField label="Choose expected outputs…" testId="check-own-expected" files={expected} disabled={disabled} onFiles={setExpected} />
      <button type="button" className="button" disabled={disabled || inputs.length === 0 || expected.length === 0} onClick={() => onCheck({ inputs, expected })}>
        Check these files
      </button>
    </fieldset>
  );
}
