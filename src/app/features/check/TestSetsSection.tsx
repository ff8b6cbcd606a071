import { useMemo } from 'react';
import { findTestDataSets } from '../../../core/tensors/test-data-layout';
import type { OpenModel } from '../../store/models-slice';

const fileName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The Inspect tab's list of the package's own tests (test_data_set_N beside the model). */
export function TestSetsSection({ model }: { model: OpenModel }) {
  const found = useMemo(() => findTestDataSets(model.pkg.files), [model.pkg.files]);
  if (!found || found.sets.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="test-sets-title">
      <h3 id="test-sets-title">Test data sets ({found.sets.length})</h3>
      <p className="muted">Inputs with the outputs the model should give for them, in ONNX’s layout. The Check outputs tab runs them and compares.</p>
      <table className="data-table" data-testid="test-sets">
        <thead>
          <tr>
            <th scope="col">Data set</th>
            <th scope="col">Inputs</th>
            <th scope="col">Expected outputs</th>
          </tr>
        </thead>
        <tbody>
          {found.sets.map((s) => (
            <tr key={s.name}>
              <th scope="row">{s.name}</th>
              <td>{s.inputs.map((f) => fileName(f.path)).join(', ') || 'none'}</td>
              <td>{s.outputs.map((f) => fileName(f.path)).join(', ') || 'none'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
