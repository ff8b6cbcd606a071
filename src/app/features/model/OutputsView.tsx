import { configLabel } from '../../../core/protocol/engine-api';
import { useMemo } from 'react';
import { predictClasses } from '../../../core/schema/outputs';
import { valueTexts } from '../../../core/tensors/tensor-summary';
import type { RunInputSource } from '../../store/input-files-slice';
import type { OpenModel, RunState } from '../../store/models-slice';
import { formatMs } from '../../ui/format';

const SHOWN_VALUES = 12;

const SOURCE_WORDS: Readonly<Record<RunInputSource, string>> = {
  example: 'the package’s example input',
  random: 'random inputs',
  zeros: 'zeros as inputs',
  file: 'the values read from your files',
};

export function OutputsView({ model, run }: { model: OpenModel; run: Extract<RunState, { status: 'done' }> }) {
  const plan = model.facts?.plan;
  // The plan's classes: metadata's names, or the model's own labels (in the order of its score columns).
  const classes = plan?.kind === 'classification' ? (plan.classes ?? undefined) : model.pkg.metadata?.targetClasses;
  const labels = plan?.kind === 'classification' ? plan.labels : null;
  const prediction = useMemo(() => predictClasses(run.outputs, classes, SHOWN_VALUES, labels), [run.outputs, classes, labels]);
  const where = configLabel(run.config);
  return (
    <div className="outputs" data-testid="outputs">
      <p role="status">
        Ran on {where} in {formatMs(run.runMs)} with {SOURCE_WORDS[run.inputSource]}.
      </p>
      {prediction && (
        <p className="prediction" data-testid="prediction">
          Predicted class: <strong>{prediction.rows.map((r) => r.className).join(', ')}</strong>
          {prediction.totalRows > prediction.rows.length && ` … (the first ${prediction.rows.length} of ${prediction.totalRows.toLocaleString('en-US')} rows)`}
          {prediction.rows.length === 1 && prediction.rows[0]!.score !== null && ` (probability ${prediction.rows[0]!.score.toFixed(3)})`}
        </p>
      )}
      <table className="data-table">
        <caption>Outputs</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Shape</th>
            <th scope="col">First values</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(run.outputs).map(([name, t]) => (
            <tr key={name}>
              <td>
                <code>{name}</code>
              </td>
              <td>{t.dtype}</td>
              <td>[{t.dims.join(', ')}]</td>
              <td className="wrap">
                {valueTexts(t, SHOWN_VALUES).join(', ')}
                {t.data.length > SHOWN_VALUES && ` … (${t.data.length.toLocaleString('en-US')} values)`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
