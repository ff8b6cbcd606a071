import { useMemo } from 'react';
import { describeMlModel, type MlModel } from '../../../core/package/mlmodel';
import type { MlflowSignature, SignatureEntry } from '../../../core/package/mlflow-signature';
import { Fact } from './Fact';

function SignatureTable({ caption, entries }: { caption: string; entries: readonly SignatureEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Shape</th>
          <th scope="col">Required</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={`${e.name ?? ''}-${i}`}>
            <td>
              <code>{e.name ?? '(unnamed)'}</code>
            </td>
            <td>{e.type === 'tensor' ? `tensor ${e.dtype}` : e.type}</td>
            <td>{e.shape ? `[${e.shape.join(', ')}]` : '—'}</td>
            <td>{e.required ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MlModelSection({ mlmodel, signature }: { mlmodel: MlModel; signature: MlflowSignature | null }) {
  const view = useMemo(() => describeMlModel(mlmodel), [mlmodel]);
  return (
    <section className="panel" aria-labelledby="mlmodel-title">
      <h3 id="mlmodel-title">MLflow model (MLmodel)</h3>
      <dl className="facts">
        {view.fields.map((f) => (
          <Fact key={f.label} label={f.label}>
            {f.value}
          </Fact>
        ))}
        {view.inputExample && <Fact label="Input example">{view.inputExample}</Fact>}
      </dl>
      {view.flavors.map((flavor) => (
        <table key={flavor.name} className="data-table">
          <caption>Flavor: {flavor.name}</caption>
          <tbody>
            {flavor.settings.map((s) => (
              <tr key={s.key}>
                <th scope="row">
                  <code>{s.key}</code>
                </th>
                <td className="wrap">{s.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      {signature && (
        <>
          <SignatureTable caption={`Signature inputs (${signature.kind === 'columns' ? 'column-based' : 'tensor-based'})`} entries={signature.inputs} />
          <SignatureTable caption="Signature outputs" entries={signature.outputs} />
          {signature.params.length > 0 && <p>Params: {signature.params.map((p) => `${p.name} (${p.type})`).join(', ')}</p>}
        </>
      )}
    </section>
  );
}
