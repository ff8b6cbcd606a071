import type { GraphModel, GraphNode } from '../../../core/graph/graph-model';
import { formatMsShort, gflopsPerSecond } from '../../../core/graph/units';
import type { WorkEstimate } from '../../../core/graph/work-estimate';
import type { LabelledProfile } from './use-graph-overlays';

interface Props {
  readonly model: GraphModel;
  readonly node: GraphNode;
  readonly work: WorkEstimate | undefined;
  readonly profiles: readonly LabelledProfile[];
}

/** How one profiled backend ran the node: timed, placed on the CPU, or fused into another node. */
function ranAs(model: GraphModel, node: GraphNode, p: LabelledProfile): string {
  const m = p.profile.byNode[node.id];
  const fused = p.profile.fusedInto[node.id];
  if (m) return `${m.executedAs}${p.profile.placement[node.id] === 'cpu' ? ' on the CPU (fallback)' : m.clock === 'gpu' ? ' (GPU time)' : ''}`;
  return fused ? `fused into ${model.nodes.find((n) => n.id === fused)?.name ?? fused}` : 'not timed';
}

/** The node's time in the profiled warm run of each backend, and the arithmetic rate that gives. */
export function NodeTimes({ model, node, work, profiles }: Props) {
  if (profiles.length === 0) return null;
  return (
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
            const rate = m && work?.flops ? gflopsPerSecond(work.flops, m.ms) : null;
            return (
              <tr key={p.key}>
                <th scope="row">
                  {p.label}
                  <span className="muted cell-note">batch {p.profile.batchSize}</span>
                </th>
                <td>{m ? formatMsShort(m.ms) : '—'}</td>
                <td>{ranAs(model, node, p)}</td>
                <td>{rate !== null ? Number(rate.toPrecision(3)) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
