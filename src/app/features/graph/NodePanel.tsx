import type { AttentionChain } from '../../../core/graph/attention-chains';
import { tensorIn, type GraphModel, type GraphNode } from '../../../core/graph/graph-model';
import { shapeText } from '../../../core/graph/graph-view';
import { formatCount } from '../../../core/graph/units';
import type { WorkEstimate } from '../../../core/graph/work-estimate';
import { attentionOf, workText } from '../../../core/graph/work-text';
import { NodeTensorTable } from './NodeTensorTable';
import { NodeTimes } from './NodeTimes';
import type { LabelledProfile } from './use-graph-overlays';

export interface PanelProps {
  readonly model: GraphModel;
  readonly id: string;
  readonly profiles: readonly LabelledProfile[];
  readonly work: Readonly<Record<string, WorkEstimate>>;
  readonly chains: readonly AttentionChain[];
  readonly expanded: readonly string[];
  readonly producers: ReadonlyMap<string, string>;
  readonly consumers: ReadonlyMap<string, readonly string[]>;
  onSelect(id: string): void;
  onToggleGroup(group: string): void;
}

/** What the node is: operator, estimated work, attention block, doc string. */
function NodeFacts({ node, work, chains }: { node: GraphNode; work: PanelProps['work']; chains: PanelProps['chains'] }) {
  const attention = attentionOf(chains, work, node.id);
  return (
    <dl className="facts">
      <div>
        <dt>Operator</dt>
        <dd>
          {node.opType}
          {node.domain ? ` (${node.domain})` : ''}
        </dd>
      </div>
      <div>
        <dt>Estimated work</dt>
        <dd data-testid="graph-node-work">{workText(work[node.id])}</dd>
      </div>
      {attention && (
        <div>
          <dt>Attention</dt>
          <dd>Part of an attention block (QKᵀ → softmax → ·V){attention.macs !== null ? `: ${formatCount(attention.macs, 'MAC')} in its two MatMuls` : ''}.</dd>
        </div>
      )}
      {node.docString && (
        <div>
          <dt>Doc string</dt>
          <dd>{node.docString}</dd>
        </div>
      )}
    </dl>
  );
}

function NodeAttributes({ node }: { node: GraphNode }) {
  if (node.attributes.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>Attributes</caption>
        <tbody>
          {node.attributes.map((a) => (
            <tr key={a.name}>
              <th scope="row">{a.name}</th>
              <td className="wrap">{a.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NodeSubgraphs({ model, node, expanded, onToggleGroup }: { model: GraphModel; node: GraphNode; expanded: PanelProps['expanded']; onToggleGroup(group: string): void }) {
  if (node.subgraphs.length === 0) return null;
  return (
    <ul className="plain-list">
      {node.subgraphs.map((g) => {
        const group = model.groups.find((x) => x.id === g);
        const open = expanded.includes(g);
        return (
          <li key={g}>
            <button type="button" onClick={() => onToggleGroup(g)} aria-expanded={open}>
              {open ? 'Close' : 'Open'} subgraph {group?.attribute ?? g} ({group?.nodeCount ?? 0} nodes)
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** The selected node: what it is, its tensors, its time on each profiled backend, its work. */
export function NodePanel(props: PanelProps) {
  const { model, id, profiles, work } = props;
  const io = model.io.find((x) => x.id === id);
  if (io) {
    const t = tensorIn(model, io.group, io.name);
    return (
      <section className="panel graph-panel" aria-labelledby="graph-panel-title" data-testid="graph-node-panel">
        <h3 id="graph-panel-title">
          Graph {io.kind} “{io.name}”
        </h3>
        <p>{t ? `${t.dtype}${shapeText(t.shape)}` : 'Type unknown.'}</p>
      </section>
    );
  }
  const node = model.nodes.find((n) => n.id === id);
  if (!node) return null;
  return (
    <section className="panel graph-panel" aria-labelledby="graph-panel-title" data-testid="graph-node-panel">
      <h3 id="graph-panel-title">
        {node.opType} “{node.name}”
      </h3>
      <NodeFacts node={node} work={work} chains={props.chains} />
      <NodeTimes model={model} node={node} work={work[node.id]} profiles={profiles} />
      <NodeAttributes node={node} />
      {(['in', 'out'] as const).map((direction) => (
        <NodeTensorTable key={direction} model={model} node={node} direction={direction} profiles={profiles} producers={props.producers} consumers={props.consumers} onSelect={props.onSelect} />
      ))}
      <NodeSubgraphs model={model} node={node} expanded={props.expanded} onToggleGroup={props.onToggleGroup} />
    </section>
  );
}
