import { nameOfId, scopedTensor } from '../../../core/graph/graph-links';
import { tensorIn, type GraphModel, type GraphNode } from '../../../core/graph/graph-model';
import { shapeText } from '../../../core/graph/graph-view';
import type { LabelledProfile } from './use-graph-overlays';

interface Props {
  readonly model: GraphModel;
  readonly node: GraphNode;
  readonly direction: 'in' | 'out';
  readonly profiles: readonly LabelledProfile[];
  readonly producers: ReadonlyMap<string, string>;
  readonly consumers: ReadonlyMap<string, readonly string[]>;
  onSelect(id: string): void;
}

/** One tensor slot of a node: its type and shape, declared and profiled, and the nodes on its other end. */
function TensorRow({ model, node, name, slot, direction, profiles, producers, consumers, onSelect }: Omit<Props, 'node'> & { node: GraphNode; name: string; slot: number }) {
  if (!name) {
    return (
      <tr>
        <td>{slot}</td>
        <td colSpan={4} className="muted">
          (optional, omitted)
        </td>
      </tr>
    );
  }
  const t = tensorIn(model, node.group, name);
  const profiled = profiles.map((p) => p.profile.shapes[name]).find(Boolean);
  const key = scopedTensor(node.group, name);
  const links = direction === 'in' ? [producers.get(key)].filter((x): x is string => Boolean(x)) : (consumers.get(key) ?? []);
  return (
    <tr>
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
          <button key={id} type="button" className="link-button" onClick={() => onSelect(id)}>
            {direction === 'in' ? '← ' : '→ '}
            {nameOfId(model, id)}
          </button>
        ))}
        {links.length > 6 && <span className="muted"> +{links.length - 6}</span>}
      </td>
    </tr>
  );
}

/** A node's inputs or outputs: one row per slot, with links to the nodes that produce or read each tensor. */
export function NodeTensorTable(props: Props) {
  const { node, direction } = props;
  const names = direction === 'in' ? node.inputs : node.outputs;
  return (
    <div className="table-scroll">
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
        <tbody>
          {names.map((name, slot) => (
            <TensorRow key={slot} {...props} name={name} slot={slot} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
