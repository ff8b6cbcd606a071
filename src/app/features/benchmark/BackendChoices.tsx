import { benchmarkBackendNotes } from '../../../core/benchmark/backend-notes';
import { threadChoices, type BenchmarkDraft } from '../../../core/benchmark/plan';
import { webnnOf, type Capabilities } from '../../../core/protocol/capabilities';

interface Props {
  readonly caps: Capabilities;
  readonly draft: BenchmarkDraft;
  onChange(patch: Partial<BenchmarkDraft>): void;
}

/** The Benchmark form's backends: WASM at each thread count, WebGPU, WebNN, and what this browser offers of each. */
export function BackendChoices({ caps, draft, onChange }: Props) {
  const gpu = caps.webgpu;
  const webnn = webnnOf(caps);
  const toggleThreads = (n: number, on: boolean): void => onChange({ wasmThreads: on ? [...draft.wasmThreads, n] : draft.wasmThreads.filter((t) => t !== n) });
  return (
    <fieldset>
      <legend>Backends</legend>
      <div className="choice-row">
        {threadChoices(caps).map((n) => (
          <label key={n} className="field-inline">
            <input type="checkbox" checked={draft.wasmThreads.includes(n)} onChange={(e) => toggleThreads(n, e.target.checked)} />
            WASM, {n} thread{n === 1 ? '' : 's'}
          </label>
        ))}
        <label className="field-inline">
          <input type="checkbox" checked={draft.webgpu && gpu.available} disabled={!gpu.available} onChange={(e) => onChange({ webgpu: e.target.checked })} />
          WebGPU
        </label>
        <label className="field-inline" title={webnn.available ? undefined : webnn.reason}>
          <input type="checkbox" checked={draft.webnn === true && webnn.available} disabled={!webnn.available} onChange={(e) => onChange({ webnn: e.target.checked })} />
          WebNN
        </label>
      </div>
      <p className="muted" data-testid="benchmark-backend-notes">
        {benchmarkBackendNotes(caps, webnn, draft.session)}
      </p>
    </fieldset>
  );
}
