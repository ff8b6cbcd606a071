import { copyMsOf, type ConfigProfile } from '../../../core/profile/config-profile';
import { placementConsequence } from '../../../core/profile/placement';
import { JumpToNode } from '../graph/JumpToNode';

/** WebGPU: how many nodes run on the CPU instead, which, and what that costs. */
export function PlacementView({ profile }: { profile: ConfigProfile }) {
  const placement = profile.placement;
  if (!placement) {
    return <p className="muted">onnxruntime did not say where the nodes run (its verbose log and its profiler were both silent).</p>;
  }
  const fellBack = placement.cpuNodeCount > 0;
  return (
    <div data-testid="placement">
      <p className={`finding ${fellBack ? 'finding-warning' : 'finding-ok'}`} data-testid="placement-summary">
        {placementConsequence(placement, copyMsOf(profile))}
      </p>
      {placement.cpuNodes.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="placement-cpu-nodes">
            <caption>Nodes onnxruntime placed on the CPU (CPUExecutionProvider) instead of the GPU</caption>
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Operator</th>
              </tr>
            </thead>
            <tbody>
              {placement.cpuNodes.map((n) => (
                <tr key={n.name}>
                  <th scope="row" className="wrap">
                    <JumpToNode name={n.name}>{n.name}</JumpToNode>
                  </th>
                  <td>{n.opType}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {placement.copies.length > 0 && (
        <p>
          Copies inserted: {placement.copies.map((c) => `${c.opType} (${c.name})`).join(', ')}.
        </p>
      )}
      <p className="muted">
        {placement.source === 'verbose-log'
          ? 'From onnxruntime’s verbose session log (“Node placements”), for the graph after optimisation.'
          : 'From the execution provider the profiler names for each node (the verbose log said nothing).'}
      </p>
    </div>
  );
}
