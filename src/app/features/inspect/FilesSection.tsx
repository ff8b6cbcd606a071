import type { FileRole } from '../../../core/package/model-package';
import type { OpenModel } from '../../store/models-slice';
import { formatBytes } from '../../ui/format';

const MEANING: Record<FileRole, string> = {
  model: 'the model',
  metadata: 'training-side description',
  mlmodel: 'MLflow model descriptor',
  'input-example': 'example input',
  'serving-example': 'example /invocations request',
  'evaluation-csv': 'evaluation data',
  'production-sample': 'production sample, for the drift check',
  'test-data': 'test data: an input or expected output (see Check outputs)',
  environment: 'training environment',
  readme: 'model card / readme',
  'not-runnable': 'cannot run in a browser',
  other: 'other (external data, if the model names it)',
};

export function FilesSection({ model }: { model: OpenModel }) {
  return (
    <section className="panel" aria-labelledby="files-title">
      <h3 id="files-title">Files ({model.pkg.entries.length})</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">What it is</th>
          </tr>
        </thead>
        <tbody>
          {model.pkg.entries.map((e) => (
            <tr key={e.path}>
              <td>
                <code className="wrap">{e.path}</code>
              </td>
              <td>{formatBytes(e.bytes)}</td>
              <td>{e.path === model.pkg.model.path ? MEANING.model : e.role === 'model' ? 'another model (not opened)' : MEANING[e.role]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
