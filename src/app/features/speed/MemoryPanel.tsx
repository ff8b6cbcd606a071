import { configLabel, type WebGpuAdapterInfo } from '../../../core/benchmark/run';
import type { ConfigProfile } from '../../../core/profile/config-profile';
import { useAppState, useSpeedActions } from '../../app-context';
import { IDLE_WORKER_MS } from '../../engine/engine-gateway';
import { formatBytes } from '../../ui/format';

/** Model bytes, each engine's WebAssembly heap, and the page's memory where the browser measures it. */
export function MemoryPanel({ modelBytes, profiles, adapter }: { modelBytes: number; profiles: readonly ConfigProfile[]; adapter: WebGpuAdapterInfo | null }) {
  const actions = useSpeedActions();
  const memory = useAppState((s) => s.pageMemory);
  const workers = useAppState((s) => s.engineWorkers);
  return (
    <section className="panel" aria-labelledby="memory-title" data-testid="memory">
      <h3 id="memory-title">Memory</h3>
      <dl className="facts">
        <div>
          <dt>Model file</dt>
          <dd>{formatBytes(modelBytes)}</dd>
        </div>
        {profiles.map((p) => (
          <div key={`${p.backend}-${p.threads}`}>
            <dt>WASM heap, {configLabel(p, adapter)}</dt>
            <dd>
              {p.wasmHeapBytes
                ? `${formatBytes(p.wasmHeapBytes.afterLoad)} after loading, ${formatBytes(p.wasmHeapBytes.afterRuns)} after the runs`
                : 'not visible to this engine'}
            </dd>
          </div>
        ))}
        <div>
          <dt>Engine workers alive now</dt>
          <dd data-testid="engine-workers">
            {workers.length === 0
              ? 'none'
              : workers.map((w) => `${w.key} (${w.state === 'busy' ? 'working' : w.sessions > 0 ? `${w.sessions} model${w.sessions === 1 ? '' : 's'} loaded` : 'idle, ends shortly'})`).join(', ')}
          </dd>
        </div>
        <div>
          <dt>This page</dt>
          <dd data-testid="page-memory">
            {memory.status === 'idle' && 'not measured yet'}
            {memory.status === 'measuring' && 'measuring… (the browser answers at its next garbage collection, which can take a while)'}
            {memory.status === 'unavailable' && `unavailable: ${memory.reason}`}
            {memory.status === 'done' &&
              `${formatBytes(memory.bytes)}: ${memory.byType.map((t) => `${t.label} ${formatBytes(t.bytes)}`).join(', ')}; by where: ${memory.byScope.map((t) => `${t.label} ${formatBytes(t.bytes)}`).join(', ')}`}
          </dd>
        </div>
      </dl>
      <p className="muted">
        The WASM heap is the size of onnxruntime’s WebAssembly memory in the engine that profiled each backend: it grows and never shrinks, so it is the
        high-water mark of weights, arena and scratch space. On WebGPU the weights live in GPU buffers, which no browser API reports. The page’s memory comes from{' '}
        <code>performance.measureUserAgentSpecificMemory()</code>, offered only to cross-origin isolated pages, and includes every engine worker alive. A worker
        that holds no model ends {IDLE_WORKER_MS / 1000} s after its last benchmark or profile, and its heap with it.
      </p>
      <div className="button-row">
        <button type="button" className="button" disabled={memory.status === 'measuring'} onClick={() => void actions.measurePageMemory()}>
          Measure the page’s memory
        </button>
      </div>
    </section>
  );
}
