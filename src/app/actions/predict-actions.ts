import { engineError } from '../../core/protocol/engine-error';
import { canPredictAnyway, outsideRanges } from '../../core/schema/range-override';
import { startingMode, startingTensor, startingValues, type StartingValues } from '../../core/model/starting-values';
import type { HostTensor } from '../../core/schema/host-tensor';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';
import { isReady, type ReadyModel } from '../store/models-slice';
import { IDLE_BATCH, type PredictState, type TensorDraft } from '../store/predict-slice';
import { selectBackendConfig } from '../store/selectors';
import { saveText } from '../ui/save-file';
import type { ModelLifecycle } from './model-lifecycle';
import { ensureSession } from './model-session';
import { createBatchActions, type BatchActions } from './predict-batch';
import { createPredictForm, EXAMPLE_NOTE } from './predict-form';
import { createTensorActions, type TensorActions } from './predict-tensor-actions';
import type { ValidatorCache } from './validator-cache';
import type * as PredictRuntimeModule from './predict-runtime';

export type PredictRuntime = typeof PredictRuntimeModule;

/** How a Predict click ended: a result, an error beside the button, or nothing to run. */
export type PredictOutcome = 'done' | 'failed' | 'skipped';

export interface PredictActions extends BatchActions, TensorActions {
  /** Sets up the model's form the first time its Predict tab opens. */
  openPredict(id: string): Promise<void>;
  setValue(id: string, feature: string, value: string | boolean): void;
  fillFromExample(id: string): void;
  fillFromEvaluationRow(id: string): Promise<void>;
  resetForm(id: string): void;
  setMode(id: string, mode: PredictState['mode']): void;
  setSoftmax(id: string, on: boolean): void;
  /** One prediction; `anyway`: past values outside a declared range (see canPredictAnyway). */
  predict(id: string, options?: { readonly anyway?: boolean }): Promise<PredictOutcome>;
  /** Saves the last prediction's outputs in the Run tab's "Download outputs" format. */
  downloadPredictionOutputs(id: string): Promise<void>;
}

export interface PredictDeps {
  readonly store: AppStore;
  readonly client: EngineGateway;
  readonly lifecycle: ModelLifecycle;
  readonly validators: ValidatorCache;
}

/** What the Predict actions share. */
interface PredictContext extends PredictDeps {
  readonly runtime: () => Promise<PredictRuntime>;
  /** The runtime once loaded (openPredict loads it before any form exists). */
  readonly loaded: () => PredictRuntime | null;
  readonly modelOf: (id: string) => ReadyModel | undefined;
  readonly stateOf: (id: string) => PredictState | undefined;
  readonly form: ReturnType<typeof createPredictForm>;
}

/** The starting tensors: the example's, else the form's starting row (one-input tables), else seeded values that fit each input. */
function startingTensors(ctx: PredictContext, model: ReadyModel, rt: PredictRuntime, pixelScales: PredictState['pixelScales'], start: StartingValues): Record<string, TensorDraft> {
  const { form } = ctx;
  const { signature } = model.facts;
  const example = form.exampleFeeds(model);
  const layout = signature.layout;
  const fromRow = !example && layout.kind === 'one-input' ? rt.rowsToFeeds(signature, [ctx.validators.of(model, rt.createRowValidator).check(signature.features.map((f) => start.values[f.name] ?? '')).values]) : null;
  const tensors: Record<string, TensorDraft> = {};
  for (const input of signature.inputs) {
    const scale = pixelScales[input.name];
    const preview = (t: HostTensor) => (input.image && scale ? rt.tensorPreview(t, input.image, scale) : null);
    const given = example?.[input.name] ?? fromRow?.[input.name];
    const made = given ? { tensor: given, source: example ? EXAMPLE_NOTE : start.note } : startingTensor(input, form.expectedDims(model, input.shape), model.facts.tokenIds);
    tensors[input.name] = form.draftOf(made.tensor, made.source, { preview: preview(made.tensor) });
  }
  return tensors;
}

/** Sets up the model's form: its mode (tensors for wide inputs), and a value for every input, so that Predict can run at once. */
async function openPredict(ctx: PredictContext, id: string): Promise<void> {
  const { form, stateOf } = ctx;
  if (stateOf(id)) return;
  const rt = await ctx.runtime();
  const model = ctx.modelOf(id);
  if (!model || stateOf(id)) return;
  const { signature } = model.facts;
  const pixelScales = Object.fromEntries(signature.inputs.filter((i) => i.image).map((i) => [i.name, rt.defaultPixelScale(signature, i)]));
  const mode = startingMode(signature);
  const start = startingValues(signature.features);
  const example = form.exampleFeeds(model);
  const tensors = startingTensors(ctx, model, rt, pixelScales, start);
  // In tensor mode each input says where its values came from; the note speaks for the form's values.
  const fillNote = example ? EXAMPLE_NOTE : mode === 'form' || signature.layout.kind === 'one-input' ? start.note : null;
  const base: PredictState = { pixelScales, mode, values: start.values, check: null, tensorIssues: [], fillNote, tensors, running: false, result: null, error: null, inputVersion: 0, softmax: false, batch: IDLE_BATCH };
  ctx.store.getState().initPredict(id, base);
  const firstRow = form.exampleRow(model);
  if (firstRow) form.applyRow(id, firstRow, EXAMPLE_NOTE);
  else form.recheck(id);
}

/** The feeds of the form or the tensors; null when the inputs stop the prediction (past a declared range only with `anyway`). */
function currentFeeds(model: ReadyModel, s: PredictState, rt: PredictRuntime, anyway: boolean): Record<string, HostTensor> | null {
  const { signature } = model.facts;
  const issues = s.mode === 'form' ? (s.check?.issues ?? []) : s.tensorIssues;
  const blocked = s.mode === 'form' ? !s.check?.runnable : issues.some((i) => i.severity === 'error');
  if (blocked && !(anyway && canPredictAnyway(issues))) return null;
  if (s.mode === 'form') return s.check ? rt.rowsToFeeds(signature, [s.check.values]) : null;
  return Object.fromEntries(signature.inputs.map((i) => [i.name, s.tensors[i.name]!.tensor!]));
}

/** One prediction from the form or the tensors, with its snippets; its failure stays beside the Predict button. */
async function predict(ctx: PredictContext, id: string, anyway: boolean): Promise<PredictOutcome> {
  const { store, client } = ctx;
  const { getState } = store;
  const s = ctx.stateOf(id);
  const model = ctx.modelOf(id);
  const rt = ctx.loaded();
  if (!s || !model || s.running || !rt) return 'skipped';
  const feeds = currentFeeds(model, s, rt, anyway);
  if (!feeds) return 'skipped';
  const { signature, plan } = model.facts;
  const config = selectBackendConfig(getState());
  getState().updatePredict(id, { running: true, error: null });
  const ready = await ensureSession(client, model, config);
  const result = ready.ok ? await client.run(config, id, feeds) : ready;
  if (!result.ok) {
    getState().updatePredict(id, { running: false, error: result.error });
    return 'failed';
  }
  const outputs = result.value.outputs;
  const unreadable = model.description.outputs.filter((o) => !(o.name in outputs)).map((o) => o.name);
  const rows = s.mode === 'form' && s.check ? [s.check.values] : null;
  const request = {
    modelFile: model.pkg.model.path.split('/').pop() ?? 'model.onnx',
    feeds,
    outputNames: Object.keys(outputs),
    table: rows ? { columns: signature.features.map((f) => f.name), rows } : null,
  };
  const predictions = rt.readPredictions(plan, outputs, { softmax: s.softmax });
  const snippets = { javascript: rt.javascriptSnippet(request), python: rt.pythonSnippet(request), mlflow: rt.mlflowBody(request) };
  const outside = outsideRanges(s.mode === 'form' ? (s.check?.issues ?? []) : s.tensorIssues);
  const blocked = (s.mode === 'form' ? (s.check?.issues ?? []) : s.tensorIssues).some((i) => i.severity === 'error');
  getState().updatePredict(id, { running: false, result: { feeds, outputs, runMs: result.value.runMs, config, predictions, unreadable, snippets, inputVersion: s.inputVersion, outside, anyway: blocked } });
  return 'done';
}

export function createPredictActions(deps: PredictDeps): PredictActions {
  const { store } = deps;
  const { getState } = store;
  let rt: PredictRuntime | null = null;
  let runtimePromise: Promise<PredictRuntime> | null = null;
  const runtime = (): Promise<PredictRuntime> => (runtimePromise ??= import('./predict-runtime').then((loaded) => (rt = loaded)));
  const modelOf = (id: string): ReadyModel | undefined => {
    const model = getState().models.find((m) => m.id === id);
    return isReady(model) ? model : undefined;
  };
  const stateOf = (id: string): PredictState | undefined => getState().predict[id];
  const form = createPredictForm({ store, loaded: () => rt, modelOf, stateOf, validatorOf: (model) => deps.validators.of(model, rt!.createRowValidator), lifecycle: deps.lifecycle });
  const ctx: PredictContext = { ...deps, runtime, loaded: () => rt, modelOf, stateOf, form };
  const batch = createBatchActions({ ...deps, runtime, modelOf });
  const tensorActions = createTensorActions({ store, runtime, loaded: () => rt, modelOf, stateOf, expectedDims: form.expectedDims, draftOf: form.draftOf, recheck: form.recheck });

  return {
    ...batch,
    ...tensorActions,
    openPredict: (id) => openPredict(ctx, id),
    predict: (id, options) => predict(ctx, id, options?.anyway ?? false),
    setValue(id, feature, value) {
      getState().updatePredict(id, (s) => ({ values: { ...s.values, [feature]: value }, fillNote: null }));
      form.recheck(id);
    },
    fillFromExample(id) {
      const model = modelOf(id);
      if (!stateOf(id) || !model || !rt) return;
      const row = form.exampleRow(model);
      if (row) return form.applyRow(id, row, EXAMPLE_NOTE);
      const example = form.exampleFeeds(model);
      if (!example) {
        getState().notify(engineError('bad-input-example', 'This package has no input example that fits the model.', 'Fill the fields yourself, or use a row of the evaluation set.'));
        return;
      }
      getState().updatePredict(id, { tensors: Object.fromEntries(Object.entries(example).map(([k, t]) => [k, form.draftOf(t, EXAMPLE_NOTE)])), fillNote: EXAMPLE_NOTE });
      form.recheck(id);
    },
    fillFromEvaluationRow: (id) => form.fillFromEvaluationRow(id, runtime),
    resetForm(id) {
      const model = modelOf(id);
      if (!stateOf(id) || !model) return;
      const start = startingValues(model.facts.signature.features);
      getState().updatePredict(id, { values: start.values, fillNote: start.note, result: null });
      form.recheck(id);
    },
    setMode(id, mode) {
      getState().updatePredict(id, { mode });
      form.recheck(id, false);
    },
    setSoftmax(id, on) {
      const s = stateOf(id);
      const model = modelOf(id);
      if (!s || !model || !rt) return;
      const result = s.result ? { ...s.result, predictions: rt.readPredictions(model.facts.plan, s.result.outputs, { softmax: on }) } : null;
      getState().updatePredict(id, { softmax: on, result });
    },
    async downloadPredictionOutputs(id) {
      const loaded = await runtime();
      const model = modelOf(id);
      const result = stateOf(id)?.result;
      if (!model || !result) return;
      saveText(`${model.pkg.name.replace(/[^\w.-]+/g, '_')}-outputs.json`, `${JSON.stringify(loaded.outputsDocument(result.outputs), null, 2)}\n`, 'application/json');
    },
  };
}
