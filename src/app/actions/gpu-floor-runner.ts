import { FLOOR_INPUT, FLOOR_NODE_COUNTS, gpuFloor } from '../../core/benchmark/gpu-floor';
import { summarizeLatency } from '../../core/stats/summary';
import { toPayload } from '../../core/schema/host-tensor';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';

/** Warm-up and timed runs of each probe: enough for a stable p50 of a sub-millisecond run. */
const WARMUP_RUNS = 10;
const TIMED_RUNS = 60;

/**
 * Times the dispatch probe at two chain lengths in the WebGPU worker (each a benchmark of its
 * own: same engine, same clock, outputs read back as in every benchmark) and keeps the
 * per-dispatch overhead for the Speed tab. Nothing of the user's model is involved.
 */
export async function measureGpuFloor(store: AppStore, client: EngineGateway): Promise<void> {
  const { getState } = store;
  const caps = getState().capabilities;
  if (!caps?.webgpu.available || getState().gpuFloor.status === 'measuring') return;
  getState().setGpuFloor({ status: 'measuring' });
  const { dispatchProbeModel } = await import('../../core/benchmark/gpu-floor-probe');
  const p50: number[] = [];
  for (const nodes of FLOOR_NODE_COUNTS) {
    const x = toPayload({ dtype: 'float32', dims: [...FLOOR_INPUT.dims], data: Float32Array.from({ length: 16 }, (_, i) => i - 8) });
    const outcome = await client.benchmark(
      { backend: 'webgpu', threads: 1 },
      {
        runId: `gpu-floor-${nodes}-${Date.now().toString(36)}`,
        model: { fileName: `dispatch-probe-${nodes}.onnx`, format: 'onnx', modelBytes: dispatchProbeModel(nodes).slice().buffer },
        warmupRuns: WARMUP_RUNS,
        stop: { kind: 'runs', runs: TIMED_RUNS },
        points: [{ batchSize: 1, feeds: { [FLOOR_INPUT.name]: x } }],
      },
      () => undefined,
    );
    if (!outcome.ok) {
      getState().setGpuFloor({ status: 'failed', message: outcome.error.message });
      return;
    }
    const samples = outcome.value.measurement.points[0]?.samplesMs ?? [];
    if (samples.length === 0) {
      getState().setGpuFloor({ status: 'failed', message: 'the probe was not measured' });
      return;
    }
    p50.push(summarizeLatency(samples).p50Ms);
  }
  getState().setGpuFloor({ status: 'measured', floor: gpuFloor([FLOOR_NODE_COUNTS[0], FLOOR_NODE_COUNTS[1]], [p50[0]!, p50[1]!], caps.webgpu.software) });
}
