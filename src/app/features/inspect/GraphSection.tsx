import type { OpenModel } from '../../store/models-slice';
import { formatBytes } from '../../ui/format';
import { KeyValueTable } from '../../ui/KeyValueTable';
import { TensorTable } from '../model/TensorTable';
import { JumpToNode } from '../graph/JumpToNode';

export function GraphSection({ model }: { model: OpenModel }) {
  const description = model.description;
  const summary = description?.summary ?? null;
  const largest = summary?.operatorCounts[0]?.count ?? 1;
  const present = new Map(model.pkg.otherFiles.map((f) => [f.path, f.bytes.length]));
  return (
    <section className="panel" aria-labelledby="graph-title">
      <h3 id="graph-title">Model</h3>
      <dl className="facts">
        <Fact label="File">{`${model.pkg.model.path}, ${formatBytes(model.pkg.model.bytes.length)} (${model.pkg.model.bytes.length.toLocaleString('en-US')} bytes)`}</Fact>
        <Fact label="SHA-256">
          <code className="wrap">{model.sha256 ?? 'computing…'}</code>
        </Fact>
        {summary ? (
          <>
            <Fact label="IR version">{String(summary.irVersion)}</Fact>
            <Fact label="Producer">{[summary.producerName, summary.producerVersion].filter(Boolean).join(' ') || '—'}</Fact>
            <Fact label="Domain">{summary.domain || '—'}</Fact>
            <Fact label="Model version">{String(summary.modelVersion)}</Fact>
            <Fact label="Graph name">{summary.graphName || '—'}</Fact>
            <Fact label="Doc string">{summary.docString || '—'}</Fact>
          </>
        ) : (
          <Fact label="Format">ORT format: its graph is not an ONNX protobuf, so only inputs and outputs are shown.</Fact>
        )}
      </dl>
      {summary && (
        <>
          <table className="data-table">
            <caption>Opset imports</caption>
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col">Version</th>
              </tr>
            </thead>
            <tbody>
              {summary.opsetImports.map((o) => (
                <tr key={o.domain}>
                  <td>{o.domain}</td>
                  <td>{o.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {description && <TensorTable caption="Inputs" specs={description.inputs} />}
          {description && <TensorTable caption="Outputs" specs={description.outputs} />}
          <table className="data-table">
            <caption>
              Operators: {summary.nodeCount} nodes of {summary.operatorCounts.length} types
            </caption>
            <thead>
              <tr>
                <th scope="col">Operator</th>
                <th scope="col">Nodes</th>
                <th scope="col" aria-hidden="true" className="bar-cell"></th>
              </tr>
            </thead>
            <tbody>
              {summary.operatorCounts.map((o) => (
                <tr key={o.opType}>
                  <td>
                    <JumpToNode name={o.opType.split('.').at(-1)!} search>
                      <code>{o.opType}</code>
                    </JumpToNode>
                  </td>
                  <td>{o.count}</td>
                  <td aria-hidden="true" className="bar-cell">
                    <span className="bar" style={{ width: `${(100 * o.count) / largest}%` }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table">
            <caption>
              Parameters: {summary.parameterCount.toLocaleString('en-US')} in {summary.initializerCount} initializers
            </caption>
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Values</th>
                <th scope="col">Bytes</th>
              </tr>
            </thead>
            <tbody>
              {summary.parametersByDtype.map((p) => (
                <tr key={p.dtype}>
                  <td>{p.dtype}</td>
                  <td>{p.count.toLocaleString('en-US')}</td>
                  <td>{formatBytes(p.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.externalDataFiles.length > 0 && (
            <table className="data-table">
              <caption>External data</caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Needed</th>
                  <th scope="col">In the package</th>
                </tr>
              </thead>
              <tbody>
                {summary.externalDataFiles.map((f) => (
                  <tr key={f}>
                    <td>
                      <code>{f}</code>
                    </td>
                    <td>{formatBytes(summary.externalDataBytes[f] ?? 0)}</td>
                    <td>{present.has(f) ? formatBytes(present.get(f)!) : 'missing'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {Object.keys(summary.metadataProps).length > 0 && (
            <KeyValueTable caption={`metadata_props (${Object.keys(summary.metadataProps).length})`} entries={Object.entries(summary.metadataProps)} />
          )}
        </>
      )}
    </section>
  );
}

export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
