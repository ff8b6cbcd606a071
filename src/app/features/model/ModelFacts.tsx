import type { OpenModel } from '../../store/models-slice';
import { formatBytes, formatMs } from '../../ui/format';
import { KeyValueTable } from '../../ui/KeyValueTable';

/** Where the model comes from and what it is, as a definition list. Package text is rendered as text only. */
export function ModelFacts({ model }: { model: OpenModel }) {
  const summary = model.description?.summary ?? null;
  const meta = model.pkg.metadata;
  const rows: [string, string][] = [
    ['Source', model.source],
    ['Model file', `${model.pkg.model.path} (${model.pkg.model.format.toUpperCase()})`],
    ['File size', formatBytes(model.pkg.model.bytes.length)],
  ];
  if (model.loadMs !== null) rows.push(['Load time', formatMs(model.loadMs)]);
  if (model.description) rows.push(['Session creation', formatMs(model.description.sessionCreateMs)]);
  if (summary) {
    rows.push(
      ['Producer', [summary.producerName, summary.producerVersion].filter(Boolean).join(' ') || '—'],
      ['IR version', String(summary.irVersion)],
      ['Opset imports', summary.opsetImports.map((o) => `${o.domain} ${o.version}`).join(', ') || '—'],
      ['Nodes', `${summary.nodeCount} (${summary.operatorCounts.slice(0, 6).map((o) => `${o.opType} ×${o.count}`).join(', ')})`],
      ['Parameters', `${summary.parameterCount.toLocaleString('en-US')} in ${summary.initializerCount} initializers`],
    );
    if (summary.modelVersion) rows.push(['Model version', String(summary.modelVersion)]);
    if (summary.docString) rows.push(['Description', summary.docString]);
  }
  if (meta?.modelClass) rows.push(['Model class', meta.modelClass]);
  if (meta?.modelVersion) rows.push(['Package version', meta.modelVersion]);
  if (meta?.targetClasses) rows.push(['Classes', meta.targetClasses.join(', ')]);
  if (meta?.performanceMetrics) {
    rows.push(['Recorded metrics', Object.entries(meta.performanceMetrics).map(([k, v]) => `${k} ${v}`).join(', ')]);
  }
  if (model.pkg.mlmodel) rows.push(['MLflow', `run ${model.pkg.mlmodel.runId ?? '—'}, mlflow ${model.pkg.mlmodel.mlflowVersion ?? '—'}`]);
  const props = Object.entries(summary?.metadataProps ?? {});
  return (
    <section aria-labelledby="facts-title" className="panel">
      <h3 id="facts-title">About this model</h3>
      <dl className="facts">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {props.length > 0 && <KeyValueTable caption="metadata_props" entries={props} />}
      <details>
        <summary>Files in the package ({model.pkg.entries.length})</summary>
        <ul className="file-list">
          {model.pkg.entries.map((e) => (
            <li key={e.path}>
              <code>{e.path}</code> · {formatBytes(e.bytes)} · {e.role}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
