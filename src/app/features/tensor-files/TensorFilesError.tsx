import type { TensorError } from '../../../core/tensors/tensor-error';

/** Why files cannot be used: the message, then the input, what it expects and what the file holds, then what to do. */
export function TensorFilesError({ error }: { error: TensorError }) {
  return (
    <div role="alert" className="finding finding-error" data-testid="input-files-error">
      <p>{error.message}</p>
      {(error.input || error.expected || error.found) && (
        <dl className="facts">
          {error.input && (
            <div>
              <dt>Input</dt>
              <dd>
                <code>{error.input}</code>
              </dd>
            </div>
          )}
          {error.expected && (
            <div>
              <dt>Expected</dt>
              <dd>{error.expected}</dd>
            </div>
          )}
          {error.found && (
            <div>
              <dt>The file holds</dt>
              <dd>{error.found}</dd>
            </div>
          )}
        </dl>
      )}
      <p className="muted">{error.hint} Nothing was run.</p>
    </div>
  );
}
