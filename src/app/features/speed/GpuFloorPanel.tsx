import { gpuFloorVerdict } from '../../../core/benchmark/gpu-floor';
import { formatMsPlain } from '../../../core/benchmark/report';
import { useAppState, useSpeedActions } from '../../app-context';
import type { OpenModel } from '../../store/models-slice';
import { wasmBatchOneP50 } from '../../store/speed-selectors';

/** The WebGPU floor: this machine's cost per kernel launch, times the model's kernels, next to WASM's p50 at batch 1. */
export function GpuFloorPanel({ model }: { model: OpenModel }) {
  const actions = useSpeedActions();
  const gpu = useAppState((s) => s.capabilities?.webgpu);
  const floor = useAppState((s) => s.gpuFloor);
  const runs = useAppState((s) => s.benchmarkRuns);
  const profiles = useAppState((s) => s.speedProfiles[model.id]);
  const wasm = wasmBatchOneP50(runs, profiles, model.sha256);
  const kernels = model.description?.summary?.nodeCount ?? null;
  if (!gpu?.available) return null;
  const verdict = floor.status === 'measured' && kernels !== null ? gpuFloorVerdict(floor.floor, kernels, wasm?.p50Ms ?? null) : null;
  return (
    <section className="panel gpu-floor" aria-labelledby="gpu-floor-title" data-testid="gpu-floor">
      <h3 id="gpu-floor-title">The WebGPU floor</h3>
      <p className="muted">
        Every GPU kernel costs a launch, whatever it computes. A probe of chained Relu nodes is timed at two lengths on WebGPU; the extra time per extra node is this
        machine’s cost per launch, and the model’s nodes times that cost is the least a run can take there.
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={floor.status === 'measuring'} onClick={() => void actions.measureGpuFloor()}>
          {floor.status === 'measured' ? 'Measure the floor again' : 'Measure the WebGPU floor'}
        </button>
      </div>
      <p role="status" className="muted">
        {floor.status === 'measuring' ? 'Timing the probe on WebGPU…' : null}
      </p>
      {floor.status === 'failed' && <p role="alert">The probe could not run on WebGPU: {floor.message}</p>}
      {floor.status === 'measured' && (
        <dl className="facts" data-testid="gpu-floor-figures">
          <dt>Per kernel launch</dt>
          <dd>
            {formatMsPlain(floor.floor.perDispatchMs)} ms (p50 {formatMsPlain(floor.floor.p50Ms[0])} ms with {floor.floor.nodeCounts[0]} nodes, {formatMsPlain(floor.floor.p50Ms[1])} ms with{' '}
            {floor.floor.nodeCounts[1]})
          </dd>
          <dt>This model</dt>
          <dd>
            {kernels === null
              ? 'An .ort file: its node count is not read here.'
              : `${kernels} nodes × ${formatMsPlain(floor.floor.perDispatchMs)} ms = ${formatMsPlain(verdict!.floorMs)} ms (onnxruntime’s fusions may launch fewer kernels; nodes left on the CPU launch none)`}
          </dd>
          <dt>WASM p50 at batch 1</dt>
          <dd>{wasm ? `${formatMsPlain(wasm.p50Ms)} ms (${wasm.from})` : 'not measured yet: benchmark or profile WASM at batch 1'}</dd>
        </dl>
      )}
      {verdict && <p data-testid="gpu-floor-verdict">{verdict.sentence}</p>}
    </section>
  );
}
