import { threadChoices, type BenchmarkDraft } from '../../../core/benchmark/plan';
import { webnnOf } from '../../../core/protocol/capabilities';
import { useAppState, useBenchmarkActions } from '../../app-context';
import { DEFAULT_SESSION_DRAFT } from '../../../core/benchmark/session-draft';
import { defaultBenchmarkDraft, hasInputExample, modelBatchDimension, modelFormDimensions } from '../../store/benchmark-selectors';
import { SessionOptionsFields } from './SessionOptionsFields';
import type { OpenModel } from '../../store/models-slice';

const numberValue = (n: number): number | string => (Number.isNaN(n) ? '' : n);

/** What to measure: backends, batch sizes, warm-up, when to stop, which inputs. */
export function BenchmarkForm({ model }: { model: OpenModel }) {
  const actions = useBenchmarkActions();
  const caps = useAppState((s) => s.capabilities);
  const stored = useAppState((s) => s.benchmarkDrafts[model.id]);
  const draft = stored ?? (caps ? defaultBenchmarkDraft(model, caps) : null);
  const busy = useAppState((s) => s.benchmarkActivity !== null || s.speedActivity !== null);
  const setDraft = useAppState((s) => s.setBenchmarkDraft);
  const setDim = useAppState((s) => s.setDim);
  if (!caps || !draft) return <p className="muted">Checking this browser…</p>;
  const change = (patch: Partial<BenchmarkDraft>): void => setDraft(model.id, { ...draft, ...patch });
  const toggleThreads = (n: number, on: boolean): void => change({ wasmThreads: on ? [...draft.wasmThreads, n] : draft.wasmThreads.filter((t) => t !== n) });
  const batch = modelBatchDimension(model);
  const gpu = caps.webgpu;
  const webnn = webnnOf(caps);
  const example = hasInputExample(model);
  return (
    <form
      className="panel benchmark-form"
      aria-labelledby="benchmark-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void actions.startBenchmark(model.id);
      }}
    >
      <h3 id="benchmark-form-title">Benchmark setup</h3>
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
            <input type="checkbox" checked={draft.webgpu && gpu.available} disabled={!gpu.available} onChange={(e) => change({ webgpu: e.target.checked })} />
            WebGPU
          </label>
          <label className="field-inline" title={webnn.available ? undefined : webnn.reason}>
            <input type="checkbox" checked={draft.webnn === true && webnn.available} disabled={!webnn.available} onChange={(e) => change({ webnn: e.target.checked })} />
            WebNN
          </label>
        </div>
        <p className="muted" data-testid="benchmark-backend-notes">
          {caps.crossOriginIsolated ? `Up to ${caps.hardwareConcurrency} WASM threads (this device’s logical cores).` : 'WASM runs on 1 thread: the page is not cross-origin isolated.'}{' '}
          {gpu.available
            ? `WebGPU adapter: ${gpu.vendor} / ${gpu.architecture}${gpu.software ? ' — software emulation, not a GPU' : ''}. WebGPU times include copying the outputs back to the CPU${draft.session?.outputsOnGpu || draft.session?.graphCapture ? ' (with outputs kept on the GPU, the run without that copy is shown too)' : ''}.`
            : `WebGPU unavailable: ${gpu.reason}.`}{' '}
          {webnn.available ? `WebNN devices: ${webnn.deviceTypes.join(', ')}.` : `WebNN unavailable: ${webnn.reason}.`}
        </p>
      </fieldset>
      <div className="form-grid">
        {batch.kind === 'symbolic' ? (
          <label>
            Batch sizes
            <input type="text" inputMode="numeric" value={draft.batchSizes} onChange={(e) => change({ batchSizes: e.target.value })} aria-describedby="batch-hint" />
            <span id="batch-hint" className="muted">
              Comma-separated; each sets the first dimension <code>{batch.name}</code>.
            </span>
          </label>
        ) : (
          <p data-testid="fixed-batch">
            {batch.kind === 'fixed' ? `The model fixes the batch size at ${batch.size}.` : 'The model declares no batch dimension: its inputs run as they are.'}
          </p>
        )}
        <label>
          Warm-up runs per point
          <input type="number" min={0} step={1} value={numberValue(draft.warmupRuns)} onChange={(e) => change({ warmupRuns: e.target.valueAsNumber })} />
        </label>
      </div>
      <fieldset>
        <legend>Stop measuring a point after</legend>
        <div className="choice-row">
          <label className="field-inline">
            <input type="radio" name={`stop-${model.id}`} checked={draft.stopKind === 'runs'} onChange={() => change({ stopKind: 'runs' })} />
            a number of runs
          </label>
          <label className="field-inline">
            <input type="radio" name={`stop-${model.id}`} checked={draft.stopKind === 'time'} onChange={() => change({ stopKind: 'time' })} />a time budget
          </label>
          {draft.stopKind === 'runs' ? (
            <label className="field-inline">
              Runs per point
              <input type="number" min={1} step={1} value={numberValue(draft.runs)} onChange={(e) => change({ runs: e.target.valueAsNumber })} />
            </label>
          ) : (
            <label className="field-inline">
              Seconds per point
              <input type="number" min={0.1} step={0.1} value={numberValue(draft.seconds)} onChange={(e) => change({ seconds: e.target.valueAsNumber })} />
            </label>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>Inputs</legend>
        <div className="choice-row">
          <label className="field-inline">
            <input type="radio" name={`inputs-${model.id}`} checked={draft.inputs === 'example'} disabled={!example} onChange={() => change({ inputs: 'example' })} />
            the package’s example, repeated to the batch size
          </label>
          <label className="field-inline">
            <input type="radio" name={`inputs-${model.id}`} checked={draft.inputs === 'random'} onChange={() => change({ inputs: 'random' })} />
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
      <label className="field-inline">
        <input type="checkbox" checked={draft.profile === true} onChange={(e) => change({ profile: e.target.checked })} />
        Also profile each configuration (cold start, time per operator, where the nodes run: as in the Speed tab)
      </label>
      <p className="muted">
        Each configuration runs in its own engine, one after the other: a fresh session is created and timed, then one cold run, then for each batch size the
        warm-up runs and the timed runs. Each timed run is one <code>session.run</code> with its outputs in JavaScript memory; the statistics come from every raw
        sample.
      </p>
      <div className="button-row">
        <button type="submit" className="button primary" disabled={busy}>
          Start benchmark
        </button>
      </div>
    </form>
  );
}
