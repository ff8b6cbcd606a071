import { fixedBatchText, webgpuNote } from '../../../core/benchmark/backend-notes';
import { threadChoices } from '../../../core/benchmark/plan';
import type { Capabilities } from '../../../core/protocol/capabilities';
import type { SpeedDraft } from '../../../core/profile/profile-plan';
import { useAppState, useSpeedActions } from '../../app-context';
import { hasInputExample, modelBatchDimension } from '../../store/benchmark-selectors';
import type { OpenModel } from '../../store/models-slice';
import { defaultSpeedDraft } from '../../store/speed-selectors';
import { numberInputValue as numberValue } from '../../ui/number-input';
import { InputSourceChoice } from '../benchmark/InputSourceChoice';
import { ModelSessionOptions } from '../benchmark/ModelSessionOptions';

/** The Speed tab's backends: WASM at one thread count, and WebGPU. */
function SpeedBackendChoices({ caps, draft, onChange }: { caps: Capabilities; draft: SpeedDraft; onChange(patch: Partial<SpeedDraft>): void }) {
  const gpu = caps.webgpu;
  return (
    <fieldset>
      <legend>Backends</legend>
      <div className="choice-row">
        <label className="field-inline">
          <input type="checkbox" checked={draft.wasm} onChange={(e) => onChange({ wasm: e.target.checked })} />
          WASM
        </label>
        <label className="field-inline">
          WASM threads
          <select value={draft.threads} disabled={!draft.wasm} onChange={(e) => onChange({ threads: Number(e.target.value) })}>
            {threadChoices(caps).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <input type="checkbox" checked={draft.webgpu && gpu.available} disabled={!gpu.available} onChange={(e) => onChange({ webgpu: e.target.checked })} />
          WebGPU
        </label>
      </div>
      <p className="muted" data-testid="speed-backend-notes">
        {webgpuNote(gpu)}
      </p>
    </fieldset>
  );
}

/** Which configurations to take apart, at which batch size, with which inputs. */
export function ProfileForm({ model }: { model: OpenModel }) {
  const actions = useSpeedActions();
  const caps = useAppState((s) => s.capabilities);
  const stored = useAppState((s) => s.speedDrafts[model.id]);
  const busy = useAppState((s) => s.speedActivity !== null || s.benchmarkActivity !== null);
  const setDraft = useAppState((s) => s.setSpeedDraft);
  const draft = stored ?? (caps ? defaultSpeedDraft(model, caps) : null);
  if (!caps || !draft) return <p className="muted">Checking this browser…</p>;
  const change = (patch: Partial<SpeedDraft>): void => setDraft(model.id, { ...draft, ...patch });
  const batch = modelBatchDimension(model);
  return (
    <form
      className="panel"
      aria-labelledby="profile-form-title"
      // The plan checks every field and says what is wrong (an alert), rather than a browser bubble.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void actions.profileModel(model.id);
      }}
    >
      <h3 id="profile-form-title">Take it apart</h3>
      <p className="muted">
        Each backend runs in an engine started for it alone, as a new page would: the runtime is fetched and compiled, the session created, then a first run
        and warm runs are timed. A second session is recorded by onnxruntime’s own profiler (its warm runs give the time of every node), and on WebGPU a third
        one asks onnxruntime’s verbose log where each node runs.
      </p>
      <SpeedBackendChoices caps={caps} draft={draft} onChange={change} />
      {batch.kind === 'symbolic' ? (
        <div className="form-grid">
          <label>
            Batch size
            <input type="number" min={1} step={1} value={numberValue(draft.batchSize)} onChange={(e) => change({ batchSize: e.target.valueAsNumber })} />
          </label>
        </div>
      ) : (
        <p>{fixedBatchText(batch)}</p>
      )}
      <InputSourceChoice name={`speed-inputs-${model.id}`} value={draft.inputs} hasExample={hasInputExample(model)} exampleLabel="the package’s example" onChange={(inputs) => change({ inputs })} />
      <ModelSessionOptions model={model} caps={caps} session={draft.session} onChange={(session) => change({ session })} />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Profile
        </button>
      </div>
    </form>
  );
}
