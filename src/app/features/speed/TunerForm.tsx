import type { TunerDraft } from '../../../core/profile/tuner';
import { defaultTunerDraft, tunerThreads } from '../../../core/profile/tuner';
import { useAppState, useSpeedActions } from '../../app-context';
import { modelBatchDimension } from '../../store/benchmark-selectors';
import type { OpenModel } from '../../store/models-slice';
import { numberInputValue as numberValue } from '../../ui/number-input';

/** The budget, the minimum batch and the time cap of the search. */
export function TunerForm({ model }: { model: OpenModel }) {
  const actions = useSpeedActions();
  const caps = useAppState((s) => s.capabilities);
  const stored = useAppState((s) => s.tunerDrafts[model.id]);
  const busy = useAppState((s) => s.speedActivity !== null || s.benchmarkActivity !== null);
  const setDraft = useAppState((s) => s.setTunerDraft);
  const draft = stored ?? (caps ? defaultTunerDraft(caps) : null);
  if (!caps || !draft) return null;
  const change = (patch: Partial<TunerDraft>): void => setDraft(model.id, { ...draft, ...patch });
  const batch = modelBatchDimension(model);
  const threads = tunerThreads(caps);
  return (
    <form
      className="panel"
      aria-labelledby="tuner-title"
      // The plan checks every field and says what is wrong (an alert), rather than a browser bubble.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void actions.startTuner(model.id);
      }}
    >
      <h3 id="tuner-title">Find the fastest setup</h3>
      <p className="muted">
        A short search, one configuration at a time: WASM with {threads.join(', ')} thread{threads.length === 1 && threads[0] === 1 ? '' : 's'}
        {draft.webgpu && caps.webgpu.available ? ' and WebGPU' : ''}, at{' '}
        {batch.kind === 'symbolic' ? 'the minimum batch and a few larger ones' : batch.kind === 'fixed' ? `the model’s fixed batch of ${batch.size}` : 'the inputs as they are'}; then,
        on the best candidates, a lower graph optimisation level{batch.kind === 'symbolic' ? ` and the batch dimension “${batch.name}” fixed (freeDimensionOverrides)` : ''}
        {draft.webgpu && caps.webgpu.available ? ', and on WebGPU each layout (NHWC, NCHW) and graph capture' : ''}. Each
        point gets an equal share of the time; the cap ends the search wherever it is.
      </p>
      <div className="form-grid">
        <label>
          Latency budget: p99 per request (ms)
          <input type="number" min={0} step="any" value={numberValue(draft.budgetP99Ms)} onChange={(e) => change({ budgetP99Ms: e.target.valueAsNumber })} />
        </label>
        <label>
          Minimum batch
          <input type="number" min={1} step={1} value={numberValue(draft.minBatch)} onChange={(e) => change({ minBatch: e.target.valueAsNumber })} />
        </label>
        <label>
          Time cap (seconds)
          <input type="number" min={1} max={600} step={1} value={numberValue(draft.capSeconds)} onChange={(e) => change({ capSeconds: e.target.valueAsNumber })} />
        </label>
      </div>
      <div className="choice-row">
        <label className="field-inline">
          <input type="checkbox" checked={draft.webgpu && caps.webgpu.available} disabled={!caps.webgpu.available} onChange={(e) => change({ webgpu: e.target.checked })} />
          Include WebGPU
        </label>
      </div>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Find the fastest setup
        </button>
      </div>
    </form>
  );
}
