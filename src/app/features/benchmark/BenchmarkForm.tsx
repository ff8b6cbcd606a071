import { fixedBatchText } from '../../../core/benchmark/backend-notes';
import type { BenchmarkDraft } from '../../../core/benchmark/plan';
import { useAppState, useBenchmarkActions } from '../../app-context';
import { defaultBenchmarkDraft, hasInputExample, modelBatchDimension } from '../../store/benchmark-selectors';
import type { OpenModel } from '../../store/models-slice';
import { numberInputValue as numberValue } from '../../ui/number-input';
import { BackendChoices } from './BackendChoices';
import { InputSourceChoice } from './InputSourceChoice';
import { ModelSessionOptions } from './ModelSessionOptions';
import { StopRuleFields } from './StopRuleFields';

/** Batch sizes (when the batch dimension is symbolic) and warm-up runs. */
function BatchFields({ model, draft, onChange }: { model: OpenModel; draft: BenchmarkDraft; onChange(patch: Partial<BenchmarkDraft>): void }) {
  const batch = modelBatchDimension(model);
  return (
    <div className="form-grid">
      {batch.kind === 'symbolic' ? (
        <label>
          Batch sizes
          <input type="text" inputMode="numeric" value={draft.batchSizes} onChange={(e) => onChange({ batchSizes: e.target.value })} aria-describedby="batch-hint" />
          <span id="batch-hint" className="muted">
            Comma-separated; each sets the first dimension <code>{batch.name}</code>.
          </span>
        </label>
      ) : (
        <p data-testid="fixed-batch">{fixedBatchText(batch)}</p>
      )}
      <label>
        Warm-up runs per point
        <input type="number" min={0} step={1} value={numberValue(draft.warmupRuns)} onChange={(e) => onChange({ warmupRuns: e.target.valueAsNumber })} />
      </label>
    </div>
  );
}

/** What to measure: backends, batch sizes, warm-up, when to stop, which inputs. */
export function BenchmarkForm({ model }: { model: OpenModel }) {
  const actions = useBenchmarkActions();
  const caps = useAppState((s) => s.capabilities);
  const stored = useAppState((s) => s.benchmarkDrafts[model.id]);
  const draft = stored ?? (caps ? defaultBenchmarkDraft(model, caps) : null);
  const busy = useAppState((s) => s.benchmarkActivity !== null || s.speedActivity !== null);
  const setDraft = useAppState((s) => s.setBenchmarkDraft);
  if (!caps || !draft) return <p className="muted">Checking this browser…</p>;
  const change = (patch: Partial<BenchmarkDraft>): void => setDraft(model.id, { ...draft, ...patch });
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
      <BackendChoices caps={caps} draft={draft} onChange={change} />
      <BatchFields model={model} draft={draft} onChange={change} />
      <StopRuleFields modelId={model.id} draft={draft} onChange={change} />
      <InputSourceChoice
        name={`inputs-${model.id}`}
        value={draft.inputs}
        hasExample={hasInputExample(model)}
        exampleLabel="the package’s example, repeated to the batch size"
        onChange={(inputs) => change({ inputs })}
      />
      <ModelSessionOptions model={model} caps={caps} session={draft.session} onChange={(session) => change({ session })} />
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
