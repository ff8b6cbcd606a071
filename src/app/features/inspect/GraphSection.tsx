import type { OpenModel } from '../../store/models-slice';
import { formatBytes } from '../../ui/format';
import { KeyValueTable } from '../../ui/KeyValueTable';
import { TensorTable } from '../model/TensorTable';
import { Fact } from './Fact';
import { ExternalDataTable, OperatorTable, OpsetTable, ParameterTable } from './SummaryTables';

export function GraphSection({ model }: { model: OpenModel }) {
  const description = model.description;
  const summary = description?.summary ?? null;
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
          <OpsetTable summary={summary} />
          {description && <TensorTable caption="Inputs" specs={description.inputs} />}
          {description && <TensorTable caption="Outputs" specs={description.outputs} />}
          <OperatorTable summary={summary} />
          <ParameterTable summary={summary} />
          <ExternalDataTable summary={summary} present={present} />
          {Object.keys(summary.metadataProps).length > 0 && (
            <KeyValueTable caption={`metadata_props (${Object.keys(summary.metadataProps).length})`} entries={Object.entries(summary.metadataProps)} />
          )}
        </>
      )}
    </section>
  );
}
