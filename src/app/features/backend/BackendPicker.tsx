import { useShallow } from 'zustand/react/shallow';
import { maxThreads, webnnOf } from '../../../core/protocol/capabilities';
import { useAppState } from '../../app-context';
import { selectBackendConfig } from '../../store/selectors';

export function BackendPicker() {
  const caps = useAppState((s) => s.capabilities);
  const config = useAppState(useShallow(selectBackendConfig));
  const setBackend = useAppState((s) => s.setBackend);
  const setThreads = useAppState((s) => s.setThreads);
  if (!caps) return <p className="muted">Checking this browser…</p>;
  const limit = maxThreads(caps);
  const gpu = caps.webgpu;
  const webnn = webnnOf(caps);
  return (
    <fieldset className="backend-picker">
      <legend>Backend</legend>
      <label className="field-inline">
        <input type="radio" name="backend" value="wasm" checked={config.backend === 'wasm'} onChange={() => setBackend('wasm')} />
        WASM
      </label>
      <label className="field-inline">
        threads
        <select
          aria-label="WASM threads"
          value={config.backend === 'wasm' ? config.threads : 1}
          disabled={config.backend !== 'wasm' || limit === 1}
          onChange={(e) => setThreads(Number(e.target.value))}
        >
          {Array.from({ length: limit }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <span className="muted" data-testid="threading-mode">
        {caps.crossOriginIsolated ? `multi-threading on (up to ${limit})` : 'multi-threading off: the page is not cross-origin isolated, so WASM runs on 1 thread'}
      </span>
      <label className="field-inline" title={gpu.available ? undefined : gpu.reason}>
        <input
          type="radio"
          name="backend"
          value="webgpu"
          checked={config.backend === 'webgpu'}
          disabled={!gpu.available}
          onChange={() => setBackend('webgpu')}
        />
        WebGPU
      </label>
      <span className="muted" data-testid="webgpu-adapter">
        {gpu.available
          ? `${gpu.vendor} / ${gpu.architecture}${gpu.software ? ' (software, not a GPU)' : ''}`
          : `unavailable: ${gpu.reason}`}
      </span>
      <label className="field-inline" title={webnn.available ? undefined : webnn.reason}>
        <input type="radio" name="backend" value="webnn" checked={config.backend === 'webnn'} disabled={!webnn.available} onChange={() => setBackend('webnn')} />
        WebNN
      </label>
      <span className="muted" data-testid="webnn-status">
        {webnn.available ? `devices: ${webnn.deviceTypes.join(', ')}` : `unavailable: ${webnn.reason}`}
      </span>
    </fieldset>
  );
}
