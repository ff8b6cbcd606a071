import { lazy, Suspense } from 'react';
import { formatMsPlain } from '../../../core/benchmark/report';
import { configKey, configLabel, type WebGpuAdapterInfo } from '../../../core/benchmark/run';
import type { ConfigProfile } from '../../../core/profile/config-profile';
import { opTypeBars, runBreakdown } from '../../../core/profile/speed-series';
import { OpTypeTable, RunSplitTable, SlowestNodesTable } from './OperatorTables';

const OpTypeChart = lazy(() => import('./SpeedCharts').then((m) => ({ default: m.OpTypeChart })));

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
          <RunSplitTable parts={parts} webgpu={profile.backend === 'webgpu'} testId={`run-split-${key}`} />
          {profile.backend === 'webgpu' && (
            <p className="muted">
              Each node is timed where it runs: its GPU programs for a node on the GPU, the CPU otherwise (nodes on the CPU, copies between GPU and CPU memory —
              which include waiting for the GPU — and nodes that dispatch nothing).
            </p>
          )}
          <Suspense fallback={<p className="muted">Loading the chart…</p>}>
            <OpTypeChart bars={opTypeBars(ops)} label={label} />
          </Suspense>
          <OpTypeTable ops={ops} testId={`op-types-${key}`} />
          <SlowestNodesTable ops={ops} testId={`slowest-nodes-${key}`} />
        </>
      )}
    </section>
  );
}
