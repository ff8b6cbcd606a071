import { formatMsPlain } from '../../../core/benchmark/report';
import { SLOWEST_NODES } from '../../../core/profile/config-profile';
import type { OperatorProfile } from '../../../core/profile/operator-profile';
import { opTypeBars, type RunBreakdown } from '../../../core/profile/speed-series';
import { JumpToNode } from '../graph/JumpToNode';

const percent = (share: number): string => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
const where = (provider: string): string => provider.replace(/ExecutionProvider$/, '').replace(/^WebGpu$/, 'WebGPU');

/** Where the run's time goes: in the nodes and outside them, and on WebGPU the GPU's busy and idle time (a second view of the same run). */
export function RunSplitTable({ parts, webgpu, testId }: { parts: RunBreakdown; webgpu: boolean; testId: string }) {
  return (
    <table className="data-table numeric run-split" data-testid={testId}>
      <caption>Where its {formatMsPlain(parts.runMs)} ms go{parts.gpuBusyMs !== null ? ': two views of the same run (the GPU works while the CPU dispatches, so add within a view, never across)' : ''}</caption>
      <tbody>
        <tr data-part="cpu-nodes">
          <th scope="row">{webgpu ? 'CPU side: the nodes (dispatching them, and nodes left on the CPU)' : 'The nodes, computing'}</th>
          <td>{formatMsPlain(parts.nodesMs)}</td>
        </tr>
        <tr data-part="cpu-outside">
          <th scope="row">{webgpu ? 'CPU side: outside the nodes (inputs, waiting for the GPU, reading the outputs back)' : 'Outside the nodes (inputs and outputs)'}</th>
          <td>{formatMsPlain(parts.outsideMs)}</td>
        </tr>
        {parts.gpuBusyMs !== null && parts.gpuIdleMs !== null && (
          <>
            <tr data-part="gpu-busy">
              <th scope="row">GPU side: running the model’s programs (timestamp queries)</th>
              <td>{formatMsPlain(parts.gpuBusyMs)}</td>
            </tr>
            <tr data-part="gpu-idle">
              <th scope="row">GPU side: idle (dispatch, upload, readback)</th>
              <td>{formatMsPlain(parts.gpuIdleMs)}</td>
            </tr>
          </>
        )}
        <tr data-part="run">
          <th scope="row">The whole run{parts.gpuBusyMs !== null ? ' (each side adds up to it)' : ''}</th>
          <td>{formatMsPlain(parts.runMs)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function OpTypeTable({ ops, testId }: { ops: OperatorProfile; testId: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table numeric" data-testid={testId}>
        <caption>Time by operator type, in that run</caption>
        <thead>
          <tr>
            <th scope="col">Operator</th>
            <th scope="col">Nodes</th>
            <th scope="col">ms</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {opTypeBars(ops, ops.byOpType.length).map((t) => (
            <tr key={t.opType}>
              <th scope="row">{t.opType}</th>
              <td>{ops.byOpType.find((b) => b.opType === t.opType)?.count}</td>
              <td>{formatMsPlain(t.ms)}</td>
              <td>{percent(t.share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The slowest nodes, each a link to it on the graph, with where it ran and which clock timed it. */
export function SlowestNodesTable({ ops, testId }: { ops: OperatorProfile; testId: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table numeric" data-testid={testId}>
        <caption>The {Math.min(SLOWEST_NODES, ops.nodes.length)} slowest nodes, in that run</caption>
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Operator</th>
            <th scope="col">Runs on</th>
            <th scope="col">ms</th>
          </tr>
        </thead>
        <tbody>
          {ops.nodes.slice(0, SLOWEST_NODES).map((n) => (
            <tr key={n.name}>
              <th scope="row" className="wrap">
                <JumpToNode name={n.name}>{n.name}</JumpToNode>
              </th>
              <td>{n.opType}</td>
              <td>
                {where(n.provider)}
                <span className="muted cell-note">{n.clock === 'gpu' ? 'GPU time' : 'CPU time'}</span>
              </td>
              <td>{formatMsPlain(n.ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
