import { threadChoices } from '../../../core/benchmark/plan';
import { webnnOf } from '../../../core/protocol/capabilities';
import type { SpeedDraft } from '../../../core/profile/profile-plan';
import { useAppState, useSpeedActions } from '../../app-context';
import { DEFAULT_SESSION_DRAFT } from '../../../core/benchmark/session-draft';
import { hasInputExample, modelBatchDimension, modelFormDimensions } from '../../store/benchmark-selectors';
import { SessionOptionsFields } from '../benchmark/SessionOptionsFields';
import type { OpenModel } from '../../store/models-slice';
import { defaultSpeedDraft } from '../../store/speed-selectors';

const numberValue = (n: number): number | string => (Number.isNaN(n) ? '' : n);

/** Which configurations to take apart, at which batch size, with which inputs. */
export function ProfileForm({ model }: { model: OpenModel }) {
  const actions = useSpeedActions();
  const caps = useAppState((s) => s.capabilities);
  const stored = useAppState((s) => s.speedDrafts[model.id]);
  const busy = useAppState((s) => s.speedActivity !== null || s.benchmarkActivity !== null);
  const setDraft = useAppState((s) => s.setSpeedDraft);
  const setDim = useAppState((s) => s.setDim);
  const draft = stored ?? (caps ? defaultSpeedDraft(model, caps) : null);
  if (!caps || !draft) return <p className="muted">Checking this browser…</p>;
  const change = (patch: Partial<SpeedDraft>): void => setDraft(model.id, { ...draft, ...patch });
  const batch = modelBatchDimension(model);
  const gpu = caps.webgpu;
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
      <fieldset>
        <legend>Backends</legend>
        <div className="choice-row">
          <label className="field-inline">
            <input type="checkbox" checked={draft.wasm} onChange={(e) => change({ wasm: e.target.checked })} />
            WASM
          </label>
          <label className="field-inline">
            WASM threads
            <select value={draft.threads} disabled={!draft.wasm} onChange={(e) => change({ threads: Number(e.target.value) })}>
              {threadChoices(caps).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            <input type="checkbox" checked={draft.webgpu && gpu.available} disabled={!gpu.available} onChange={(e) => change({ webgpu: e.target.checked })} />
            WebGPU
          </label>
        </div>
        <p className="muted" data-testid="speed-backend-notes">
          {gpu.available ? `WebGPU adapter: ${gpu.vendor} / ${gpu.architecture}${gpu.software ? ' — software emulation, not a GPU' : ''}.` : `WebGPU unavailable: ${gpu.reason}.`}
        </p>
      </fieldset>
      {batch.kind === 'symbolic' ? (
        <div className="form-grid">
          <label>
            Batch size
            <input type="number" min={1} step={1} value={numberValue(draft.batchSize)} onChange={(e) => change({ batchSize: e.target.valueAsNumber })} />
          </label>
        </div>
      ) : (
        <p>{batch.kind === 'fixed' ? `The model fixes the batch size at ${batch.size}.` : 'The model declares no batch dimension: its inputs run as they are.'}</p>
      )}
      <fieldset>
        <legend>Inputs</legend>
        <div className="choice-row">
          <label className="field-inline">
            <input type="radio" name={`speed-inputs-${model.id}`} checked={draft.inputs === 'example'} disabled={!hasInputExample(model)} onChange={() => change({ inputs: 'example' })} />
            the package’s example
          </label>
          <label className="field-inline">
            <input type="radio" name={`speed-inputs-${model.id}`} checked={draft.inputs === 'random'} onChange={() => change({ inputs: 'random' })} />
            random values (seeded)
          </label>
        </div>
      </fieldset>
      <SessionOptionsFields
        draft={draft.session ?? DEFAULT_SESSION_DRAFT}
        onChange={(patch) => change({ session: { ...(draft.session ?? DEFAULT_SESSION_DRAFT), ...patch } })}
        dimensions={modelFormDimensions(model)}
        batchName={batch.kind === 'symbolic' ? batch.name : null}
        onDimension={(name, value) => setDim(model.id, name, value)}
        gpuUnavailable={gpu.available ? null : gpu.reason}
        webnn={webnnOf(caps)}
      />
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Profile
        </button>
      </div>
    </form>
  );
}
