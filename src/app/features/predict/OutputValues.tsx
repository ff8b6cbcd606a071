import { valueTexts } from '../../../core/tensors/tensor-summary';
import type { PredictionResult } from '../../store/predict-slice';

const SHOWN_VALUES = 24;

/** Every output of the run: name, type, shape and its first values (all of them are in the JSON download). */
export function OutputValues({ outputs, open }: { outputs: PredictionResult['outputs']; open: boolean }) {
  return (
    <details open={open}>
      <summary>Every output ({Object.keys(outputs).length})</summary>
      {Object.entries(outputs).map(([name, t]) => (
        <div key={name} className="output-values">
          <p>
            <code>{name}</code> {t.dtype} [{t.dims.join(', ')}] — {t.data.length.toLocaleString('en-US')} value{t.data.length === 1 ? '' : 's'}
          </p>
          <pre className="pre">
            {valueTexts(t, SHOWN_VALUES).join(', ')}
            {t.data.length > SHOWN_VALUES && ` … (${(t.data.length - SHOWN_VALUES).toLocaleString('en-US')} more; use “Download outputs (JSON)” above or the code below for all)`}
          </pre>
        </div>
      ))}
    </details>
  );
}
