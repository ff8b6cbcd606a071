import type { OnnxSummary } from '../../../core/protocol/model-description';
import { formatBytes } from '../../ui/format';
import { JumpToNode } from '../graph/JumpToNode';

export function OpsetTable({ summary }: { summary: OnnxSummary }) {
  return (
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
  );
}

/** Nodes per operator type, each a link to its nodes on the graph, with a bar against the most common. */
export function OperatorTable({ summary }: { summary: OnnxSummary }) {
  const largest = summary.operatorCounts[0]?.count ?? 1;
  return (
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
  );
}

export function ParameterTable({ summary }: { summary: OnnxSummary }) {
  return (
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
  );
}

/** The external data files the model needs, against the bytes the package holds for each. */
export function ExternalDataTable({ summary, present }: { summary: OnnxSummary; present: ReadonlyMap<string, number> }) {
  if (summary.externalDataFiles.length === 0) return null;
  return (
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
  );
}
