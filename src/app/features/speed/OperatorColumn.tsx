import { lazy, Suspense } from 'react';
import { formatMsPlain } from '../../../core/benchmark/report';
import { configKey, configLabel, type WebGpuAdapterInfo } from '../../../core/benchmark/run';
import { SLOWEST_NODES, type ConfigProfile } from '../../../core/profile/config-profile';
import { opTypeBars, runBreakdown } from '../../../core/profile/speed-series';
import { JumpToNode } from '../graph/JumpToNode';

const OpTypeChart = lazy(() => import('./SpeedCharts').then((m) => ({ default: m.OpTypeChart })));

const percent = (share: number): string => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
const where = (provider: string): string => provider.replace(/ExecutionProvider$/, '').replace(/^WebGpu$/, 'WebGPU');

/** One backend's warm run, from onnxruntime's profiler: by operator type and the slowest nodes. */
export function OperatorColumn({ profile, adapter }: { profile: ConfigProfile; adapter: WebGpuAdapterInfo | null }) {
  const label = configLabel(profile, adapter);
  const ops = profile.operators;
  const key = configKey(profile);
  const parts = ops ? runBreakdown(ops) : null;
  return (
    <section className="panel" aria-label={`Operators on ${label}`} data-testid={`operators-${key}`}>
      <h4>{label}</h4>
      {profile.profilerNote && <p className="finding finding-warning">{profile.profilerNote}</p>}
      {ops && parts && (
        <>
          <p>
            The median of {ops.runs} warm run{ops.runs === 1 ? '' : 's'} recorded at batch {profile.batchSize}
            {ops.runs > 1 && ` (they took ${formatMsPlain(ops.runRangeMs.min)}–${formatMsPlain(ops.runRangeMs.max)} ms)`}: onnxruntime spends {formatMsPlain(parts.runMs)} ms in it.
          </p>
          <table className="data-table numeric run-split" data-testid={`run-split-${key}`}>
            <caption>Where its {formatMsPlain(parts.runMs)} ms go{parts.gpuBusyMs !== null ? ': two views of the same run (the GPU works while the CPU dispatches, so add within a view, never across)' : ''}</caption>
            <tbody>
              <tr data-part="cpu-nodes">
                <th scope="row">{profile.backend === 'webgpu' ? 'CPU side: the nodes (dispatching them, and nodes left on the CPU)' : 'The nodes, computing'}</th>
                <td>{formatMsPlain(parts.nodesMs)}</td>
              </tr>
              <tr data-part="cpu-outside">
                <th scope="row">{profile.backend === 'webgpu' ? 'CPU side: outside the nodes (inputs, waiting for the GPU, reading the outputs back)' : 'Outside the nodes (inputs and outputs)'}</th>
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
          {profile.backend === 'webgpu' && (
            <p className="muted">
              Each node is timed where it runs: its GPU programs for a node on the GPU, the CPU otherwise (nodes on the CPU, copies between GPU and CPU memory —
              which include waiting for the GPU — and nodes that dispatch nothing).
            </p>
          )}
          <Suspense fallback={<p className="muted">Loading the chart…</p>}>
            <OpTypeChart bars={opTypeBars(ops)} label={label} />
          </Suspense>
          <div className="table-scroll">
            <table className="data-table numeric" data-testid={`op-types-${key}`}>
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
          <div className="table-scroll">
            <table className="data-table numeric" data-testid={`slowest-nodes-${key}`}>
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
        </>
      )}
    </section>
  );
}
