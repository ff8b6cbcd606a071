import { useMemo } from 'react';
import { describeMetadata, type ModelMetadata } from '../../../core/package/metadata';
import { Fact } from './Fact';

export function MetadataSection({ metadata }: { metadata: ModelMetadata }) {
  const view = useMemo(() => describeMetadata(metadata), [metadata]);
  return (
    <section className="panel" aria-labelledby="metadata-title">
      <h3 id="metadata-title">metadata.json</h3>
      <dl className="facts">
        {view.fields.map((f) => (
          <Fact key={f.key} label={f.label}>
            {f.value}
          </Fact>
        ))}
      </dl>
      {view.metrics.length > 0 && (
        <div className="metrics" aria-label="Recorded metrics" role="group">
          {view.metrics.map((m) => (
            <div key={m.name} className="metric">
              <span className="metric-value">{m.value}</span>
              <span className="metric-name">{m.name}</span>
            </div>
          ))}
        </div>
      )}
      {view.features.length > 0 && (
        <div className="table-scroll">
          <table className="data-table">
            <caption>
              Features ({view.featureCount.toLocaleString('en-US')}
              {view.featureCount > view.features.length && `; first ${view.features.length.toLocaleString('en-US')} shown`})
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Range</th>
                <th scope="col">Required</th>
                <th scope="col">Description</th>
              </tr>
            </thead>
            <tbody>
              {view.features.map((f) => (
                <tr key={f.name}>
                  <td>
                    <code>{f.name}</code>
                  </td>
                  <td>{f.type ?? '—'}</td>
                  <td>{f.allowed ? f.allowed.map(String).join(' | ') : f.minimum !== null || f.maximum !== null ? `${f.minimum ?? '−∞'} … ${f.maximum ?? '∞'}` : '—'}</td>
                  <td>{f.required ? 'yes' : 'no'}</td>
                  <td className="wrap">{f.description ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.unknown.length > 0 && (
        <table className="data-table">
          <caption>Other fields{view.unknownCount > view.unknown.length && ` (${view.unknownCount.toLocaleString('en-US')}; first ${view.unknown.length.toLocaleString('en-US')} shown)`}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {view.unknown.map((u) => (
              <tr key={u.key}>
                <td>
                  <code>{u.key}</code>
                </td>
                <td className="wrap pre">{u.json}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
