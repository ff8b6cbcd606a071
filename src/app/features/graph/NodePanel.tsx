import type { AttentionChain } from '../../../core/graph/attention-chains';
import { tensorIn, type GraphModel, type GraphNode } from '../../../core/graph/graph-model';
import { shapeText } from '../../../core/graph/graph-view';
import { formatCount, formatMsShort, gflopsPerSecond } from '../../../core/graph/units';
import type { WorkEstimate } from '../../../core/graph/work-estimate';
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

const scoped = (node: { group: string | null }, tensor: string): string => `${node.group ?? ''}|${tensor}`;

function workText(w: WorkEstimate | undefined): string {
  if (!w) return 'unknown';
  if (w.kind === 'macs') return `${formatCount(w.macs!, 'MAC')} (${formatCount(w.flops!, 'FLOP')}): ${w.formula}`;
  if (w.kind === 'elements') return `${formatCount(w.elements!)} elements (${formatCount(w.flops!, 'FLOP')}): ${w.formula}`;
  if (w.kind === 'movement') return `no arithmetic: ${w.formula}`;
  if (w.kind === 'none') return `none: ${w.formula}`;
  return `unknown: ${w.formula}`;
}

function TensorRows({ model, node, names, direction, props }: { model: GraphModel; node: GraphNode; names: readonly string[]; direction: 'in' | 'out'; props: PanelProps }) {
  const nameOf = (id: string): string => model.nodes.find((n) => n.id === id)?.name ?? model.io.find((io) => io.id === id)?.name ?? id;
  return (
    <tbody>
      {names.map((name, slot) => {
        if (!name) {
          return (
            <tr key={slot}>
              <td>{slot}</td>
              <td colSpan={4} className="muted">
                (optional, omitted)
              </td>
            </tr>
          );
        }
        const t = tensorIn(model, node.group, name);
        const profiled = props.profiles.map((p) => p.profile.shapes[name]).find(Boolean);
        const links = direction === 'in' ? [props.producers.get(scoped(node, name))].filter((x): x is string => Boolean(x)) : (props.consumers.get(scoped(node, name)) ?? []);
        return (
          <tr key={slot}>
            <td>{slot}</td>
            <th scope="row" className="wrap">
              {name}
              {t?.kind === 'initializer' && <span className="muted cell-note">weight</span>}
            </th>
            <td>
              {t ? `${t.dtype}${shapeText(t.shape)}` : 'unknown'}
              {t && <span className="muted cell-note">{t.source === 'none' ? 'not declared' : t.source}</span>}
            </td>
            <td>{profiled ? `${profiled.dtype}[${profiled.dims.join(', ')}]` : '—'}</td>
            <td>
              {links.length === 0 && t?.kind !== 'initializer' && <span className="muted">{direction === 'in' ? 'from the enclosing graph or not produced' : 'not read'}</span>}
              {links.slice(0, 6).map((id) => (
                <button key={id} type="button" className="link-button" onClick={() => props.onSelect(id)}>
                  {direction === 'in' ? '← ' : '→ '}
                  {nameOf(id)}
                </button>
              ))}
              {links.length > 6 && <span className="muted"> +{links.length - 6}</span>}
            </td>
          </tr>
        );
      })}
    </tbody>
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
  const w = work[node.id];
  const chain = props.chains.find((c) => c.scores === node.id || c.values === node.id || c.between.includes(node.id));
  const chainMacs = chain ? (work[chain.scores]?.macs ?? null) !== null && (work[chain.values]?.macs ?? null) !== null ? work[chain.scores]!.macs! + work[chain.values]!.macs! : null : null;
  return (
    <section className="panel graph-panel" aria-labelledby="graph-panel-title" data-testid="graph-node-panel">
      <h3 id="graph-panel-title">
        {node.opType} “{node.name}”
      </h3>
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
          <dd data-testid="graph-node-work">{workText(w)}</dd>
        </div>
        {chain && (
          <div>
            <dt>Attention</dt>
            <dd>Part of an attention block (QKᵀ → softmax → ·V){chainMacs !== null ? `: ${formatCount(chainMacs, 'MAC')} in its two MatMuls` : ''}.</dd>
          </div>
        )}
        {node.docString && (
          <div>
            <dt>Doc string</dt>
            <dd>{node.docString}</dd>
          </div>
        )}
      </dl>
      {profiles.length > 0 && (
        <div className="table-scroll">
          <table className="data-table numeric" data-testid="graph-node-times">
            <caption>Time in the profiled warm run, per backend</caption>
            <thead>
              <tr>
                <th scope="col">Backend</th>
                <th scope="col">ms</th>
                <th scope="col">Ran as</th>
                <th scope="col">GFLOP/s</th>
              </tr>
            </thead>
            <tbody>
              {profiles.map((p) => {
                const m = p.profile.byNode[node.id];
                const fused = p.profile.fusedInto[node.id];
                const rate = m && w?.flops ? gflopsPerSecond(w.flops, m.ms) : null;
                return (
                  <tr key={p.key}>
                    <th scope="row">
                      {p.label}
                      <span className="muted cell-note">batch {p.profile.batchSize}</span>
                    </th>
                    <td>{m ? formatMsShort(m.ms) : '—'}</td>
                    <td>{m ? `${m.executedAs}${p.profile.placement[node.id] === 'cpu' ? ' on the CPU (fallback)' : m.clock === 'gpu' ? ' (GPU time)' : ''}` : fused ? `fused into ${model.nodes.find((n) => n.id === fused)?.name ?? fused}` : 'not timed'}</td>
                    <td>{rate !== null ? Number(rate.toPrecision(3)) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {node.attributes.length > 0 && (
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
      )}
      {(['in', 'out'] as const).map((direction) => (
        <div className="table-scroll" key={direction}>
          <table className="data-table">
            <caption>{direction === 'in' ? 'Inputs' : 'Outputs'}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Tensor</th>
                <th scope="col">Type and shape</th>
                <th scope="col">Profiled</th>
                <th scope="col">{direction === 'in' ? 'From' : 'To'}</th>
              </tr>
            </thead>
            <TensorRows model={model} node={node} names={direction === 'in' ? node.inputs : node.outputs} direction={direction} props={props} />
          </table>
        </div>
      ))}
      {node.subgraphs.length > 0 && (
        <ul className="plain-list">
          {node.subgraphs.map((g) => {
            const group = model.groups.find((x) => x.id === g);
            const open = props.expanded.includes(g);
            return (
              <li key={g}>
                <button type="button" onClick={() => props.onToggleGroup(g)} aria-expanded={open}>
                  {open ? 'Close' : 'Open'} subgraph {group?.attribute ?? g} ({group?.nodeCount ?? 0} nodes)
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
