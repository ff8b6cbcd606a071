import type { BackendConfig } from '../../core/protocol/engine-api';
import { engineError, type Result } from '../../core/protocol/engine-error';
import { roleOf, type PackageFile } from '../../core/package/model-package';
import { randomTensor, resolveDims, type HostTensor } from '../../core/schema/host-tensor';
import { exampleToTensors } from '../../core/schema/input-example';
import type { InputIssue, RowValidator } from '../../core/schema/validate-row';
import type { EngineClient } from '../engine/engine-client';
import type { AppStore } from '../store/app-store';
import { ensureSession as ensureModelSession } from './model-session';
import type { OpenModel } from '../store/models-slice';
import { IDLE_BATCH, type PredictState, type TensorDraft } from '../store/predict-slice';
import { selectBackendConfig } from '../store/selectors';
import { createBatchActions, type BatchActions } from './predict-batch';
import { createTensorActions, type TensorActions } from './predict-tensor-actions';
import type * as PredictRuntimeModule from './predict-runtime';

export type PredictRuntime = typeof PredictRuntimeModule;

export interface PredictActions extends BatchActions, TensorActions {
  /** Builds the model's signature and form the first time its Predict tab opens. */
  openPredict(id: string): Promise<void>;
  setValue(id: string, feature: string, value: string | boolean): void;
  fillFromExample(id: string): void;
  fillFromEvaluationRow(id: string): Promise<void>;
  resetForm(id: string): void;
  setMode(id: string, mode: PredictState['mode']): void;
  setSoftmax(id: string, on: boolean): void;
  predict(id: string): Promise<void>;
  /** Saves the last prediction's outputs in the Run tab's "Download outputs" format. */
  downloadPredictionOutputs(id: string): Promise<void>;
}

/** Largest tensor shown as editable JSON text. */
const TEXT_LIMIT = 4096;

export function createPredictActions(store: AppStore, client: EngineClient): PredictActions {
  const { getState } = store;
  // Compiled ajv validators and parsed evaluation sets, per open model (not state: functions and caches).
  const validators = new Map<string, RowValidator>();
  const evaluationRows = new Map<string, { header: string[]; rows: string[][]; path: string }>();
  let runtimePromise: Promise<PredictRuntime> | null = null;
  const runtime = (): Promise<PredictRuntime> => (runtimePromise ??= import('./predict-runtime'));
  let rt: PredictRuntime | null = null;

  const modelOf = (id: string): OpenModel | undefined => getState().models.find((m) => m.id === id);
  const stateOf = (id: string): PredictState | undefined => getState().predict[id];
  const expectedDims = (model: OpenModel, shape: Parameters<typeof resolveDims>[0]): number[] => resolveDims(shape, model.dims);

  const ensureSession = (model: OpenModel, config: BackendConfig): Promise<Result<null>> => ensureModelSession(client, model, config);

  function draftOf(tensor: HostTensor, source: string, extra: Partial<TensorDraft> = {}): TensorDraft {
    const text = tensor.data.length <= TEXT_LIMIT && rt ? rt.tensorToJsonText(tensor) : '';
    return { tensor, source, text, error: null, imageNote: null, preview: null, ...extra };
  }

  /** Re-checks the form, or the tensors (with the feature rules when they map to features). */
  function recheck(id: string): void {
    const s = stateOf(id);
    const model = modelOf(id);
    const validator = validators.get(id);
    if (!s || !model || !validator || !rt) return;
    if (s.mode === 'form') {
      getState().updatePredict(id, { check: validator.check(s.signature.features.map((f) => s.values[f.name] ?? '')) });
      return;
    }
    const issues: InputIssue[] = [];
    for (const input of s.signature.inputs) {
      const draft = s.tensors[input.name];
      const expected = expectedDims(model, input.shape);
      if (!draft?.tensor) {
        issues.push({ field: input.name, severity: 'error', rule: draft?.error ? 'schema' : 'missing', message: draft?.error ?? `“${input.name}” has no values yet: type them, upload a file, or draw.` });
        continue;
      }
      const problem = rt.shapeProblem(input, draft.tensor.dims, expected);
      if (problem) issues.push({ field: input.name, severity: 'error', rule: 'shape', message: problem });
    }
    const layout = s.signature.layout;
    if (issues.length === 0 && layout.kind === 'one-input') {
      const rows = rt.feedToRows(s.signature, { [layout.input]: s.tensors[layout.input]!.tensor! }) ?? [];
      rows.forEach((row, r) => {
        for (const issue of validator.check(row).issues) issues.push(rows.length > 1 ? { ...issue, message: `Row ${r + 1}: ${issue.message}` } : issue);
      });
    }
    getState().updatePredict(id, { tensorIssues: issues });
  }

  function exampleFeeds(model: OpenModel): Record<string, HostTensor> | null {
    if (model.pkg.inputExample === null || model.pkg.inputExample === undefined || !model.description) return null;
    const made = exampleToTensors(model.pkg.inputExample, model.description.inputs, model.pkg.metadata?.featureNames);
    return made.ok ? made.value : null;
  }

  /** The example's first row as the file gave it (7.3, not float32's 7.300000190734863). */
  function exampleRow(model: OpenModel, s: Pick<PredictState, 'signature'>): unknown[] | null {
    const example = model.pkg.inputExample;
    if (example === null || example === undefined || !rt || s.signature.features.length === 0) return null;
    const table = rt.tableFromJson(example, s.signature);
    if (!table.ok || table.value.rows.length === 0) return null;
    const match = rt.matchColumns(table.value.columns, s.signature, { targetColumn: model.pkg.metadata?.targetColumn });
    return match.runnable ? match.indices.map((i) => table.value.rows[0]![i]) : null;
  }

  function defaults(s: PredictState): Record<string, string | boolean> {
    const values: Record<string, string | boolean> = {};
    for (const f of s.signature.features) {
      const range = f.declared?.min != null && f.declared.max != null ? f.declared : f.training?.min != null && f.training.max != null ? f.training : null;
      if (f.kind === 'boolean') values[f.name] = false;
      else if (f.options && f.options.length > 0) values[f.name] = String(f.options[0]);
      else if (range) values[f.name] = String(Number((((range.min ?? 0) + (range.max ?? 0)) / 2).toPrecision(4)));
      else values[f.name] = '';
    }
    return values;
  }

  /** Puts one row of feature values (from an example or the evaluation set) into the form or the tensors. */
  function applyRow(id: string, row: readonly unknown[], note: string): void {
    const s = stateOf(id);
    if (!s || !rt) return;
    const values: Record<string, string | boolean> = {};
    s.signature.features.forEach((f, i) => {
      const v = row[i];
      values[f.name] = typeof v === 'boolean' ? v : v === null || v === undefined ? '' : String(v);
    });
    const tensors = { ...s.tensors };
    if (s.mode === 'tensors' && s.signature.layout.kind === 'one-input') {
      const check = validators.get(id)!.check(row);
      const feeds = rt.rowsToFeeds(s.signature, [check.values]);
      const input = s.signature.inputs.find((i) => i.name === (s.signature.layout as { input: string }).input)!;
      const tensor = feeds[input.name]!;
      const scale = s.pixelScales[input.name];
      tensors[input.name] = draftOf(tensor, note, { preview: input.image && scale ? rt.tensorPreview(tensor, input.image, scale) : null });
    }
    getState().updatePredict(id, { values, tensors, fillNote: note });
    recheck(id);
  }

  function evaluationFile(model: OpenModel): PackageFile | undefined {
    const csvs = model.pkg.files.filter((f) => roleOf(f.path) === 'evaluation-csv');
    return csvs.find((f) => /(^|\/)test\.csv$/i.test(f.path)) ?? csvs[0];
  }

  const batch = createBatchActions({ store, client, runtime, ensureSession, evaluationFile, validatorOf: (id) => validators.get(id) });

  // A closed model takes its form, results and caches with it.
  store.subscribe((s) => {
    for (const id of Object.keys(s.predict)) {
      if (s.models.some((m) => m.id === id)) continue;
      validators.delete(id);
      evaluationRows.delete(id);
      batch.cancelBatch(id);
      s.dropPredict(id);
    }
  });

  const tensorActions = createTensorActions({
    store,
    runtime,
    loaded: () => rt,
    modelOf,
    stateOf,
    expectedDims,
    draftOf,
    recheck,
  });

  return {
    ...batch,
    ...tensorActions,
    async openPredict(id) {
      if (stateOf(id)) return;
      rt = await runtime();
      const model = modelOf(id);
      const description = model?.description;
      if (!model || !description || stateOf(id)) return;
      const meta = model.pkg.metadata;
      const signature = rt.buildSignature({ metadata: meta?.raw ?? null, mlmodel: model.pkg.mlmodel?.raw ?? null, inputs: description.inputs });
      const classes = meta?.targetClasses ?? description.zipMaps?.[0]?.classLabels ?? rt.classesFromMetadataProps(description.summary?.metadataProps) ?? null;
      const plan = rt.planPrediction(description.outputs, { classes, targetColumn: meta?.targetColumn ?? null });
      const pixelScales = Object.fromEntries(signature.inputs.filter((i) => i.image).map((i) => [i.name, rt!.defaultPixelScale(signature, i)]));
      const mode: PredictState['mode'] = signature.layout.kind === 'tensors' || signature.inputs.some((i) => i.image) ? 'tensors' : 'form';
      validators.set(id, rt.createRowValidator(signature));
      const example = exampleFeeds(model);
      const tensors: Record<string, TensorDraft> = {};
      for (const input of signature.inputs) {
        const fromExample = example?.[input.name];
        const scale = pixelScales[input.name];
        const preview = (t: HostTensor) => (input.image && scale ? rt!.tensorPreview(t, input.image, scale) : null);
        if (fromExample) tensors[input.name] = draftOf(fromExample, 'the package’s input example', { preview: preview(fromExample) });
        else {
          const t = randomTensor(input.dtype === 'unknown' ? 'float32' : input.dtype, expectedDims(model, input.shape), Math.random);
          tensors[input.name] = draftOf(t, `random ${t.dtype} values`, { preview: preview(t) });
        }
      }
      const base: PredictState = {
        signature,
        plan,
        pixelScales,
        mode,
        values: {},
        check: null,
        tensorIssues: [],
        fillNote: null,
        tensors,
        running: false,
        result: null,
        softmax: false,
        batch: IDLE_BATCH,
      };
      const firstRow = exampleRow(model, base);
      getState().initPredict(id, { ...base, values: defaults(base), fillNote: example ? 'the package’s input example' : 'defaults (middle of each range)' });
      if (firstRow) applyRow(id, firstRow, 'the package’s input example');
      else recheck(id);
    },
    setValue(id, feature, value) {
      getState().updatePredict(id, (s) => ({ values: { ...s.values, [feature]: value }, fillNote: null }));
      recheck(id);
    },
    fillFromExample(id) {
      const model = modelOf(id);
      const s = stateOf(id);
      if (!s || !model || !rt) return;
      const row = exampleRow(model, s);
      if (row) return applyRow(id, row, 'the package’s input example');
      const example = exampleFeeds(model);
      if (!example) {
        getState().notify(engineError('bad-input-example', 'This package has no input example that fits the model.', 'Fill the fields yourself, or use a row of the evaluation set.'));
        return;
      }
      getState().updatePredict(id, { tensors: Object.fromEntries(Object.entries(example).map(([k, t]) => [k, draftOf(t, 'the package’s input example')])), fillNote: 'the package’s input example' });
      recheck(id);
    },
    async fillFromEvaluationRow(id) {
      const model = modelOf(id);
      const s = stateOf(id);
      const file = model ? evaluationFile(model) : undefined;
      if (!model || !s || !file) return;
      rt = await runtime();
      let parsed = evaluationRows.get(id);
      if (!parsed) {
        const result = rt.Papa.parse<string[]>(new TextDecoder().decode(file.bytes), { skipEmptyLines: 'greedy' });
        parsed = { header: result.data[0] ?? [], rows: result.data.slice(1), path: file.path };
        evaluationRows.set(id, parsed);
      }
      const match = rt.matchColumns(parsed.header, s.signature, { targetColumn: model.pkg.metadata?.targetColumn });
      if (!match.runnable || parsed.rows.length === 0) {
        getState().notify(match.problem ?? engineError('bad-input', `${parsed.path} has no rows.`, 'Add rows to the evaluation set.'));
        return;
      }
      const r = Math.floor(Math.random() * parsed.rows.length);
      const row = parsed.rows[r]!;
      const truth = match.labelIndex === null ? null : (row[match.labelIndex] ?? null);
      const classes = s.plan.kind === 'classification' ? (s.plan.classes ?? []) : [];
      const named = truth !== null && /^\d+$/.test(truth.trim()) && classes[Number(truth)] ? `${classes[Number(truth)]} (${truth})` : truth;
      applyRow(id, match.indices.map((i) => row[i]), `row ${r + 1} of ${parsed.path}${named !== null ? `, true label: ${named}` : ''}`);
    },
    resetForm(id) {
      const s = stateOf(id);
      if (!s) return;
      getState().updatePredict(id, { values: defaults(s), fillNote: 'defaults (middle of each range)', result: null });
      recheck(id);
    },
    setMode(id, mode) {
      getState().updatePredict(id, { mode });
      recheck(id);
    },
    setSoftmax(id, on) {
      const s = stateOf(id);
      if (!s || !rt) return;
      const result = s.result ? { ...s.result, predictions: rt.readPredictions(s.plan, s.result.outputs, { softmax: on }) } : null;
      getState().updatePredict(id, { softmax: on, result });
    },
    async predict(id) {
      const s = stateOf(id);
      const model = modelOf(id);
      if (!s || !model || s.running || !rt) return;
      let feeds: Record<string, HostTensor>;
      if (s.mode === 'form') {
        if (!s.check?.runnable) return;
        feeds = rt.rowsToFeeds(s.signature, [s.check.values]);
      } else {
        if (s.tensorIssues.some((i) => i.severity === 'error')) return;
        feeds = Object.fromEntries(s.signature.inputs.map((i) => [i.name, s.tensors[i.name]!.tensor!]));
      }
      const config = selectBackendConfig(getState());
      getState().updatePredict(id, { running: true });
      const ready = await ensureSession(model, config);
      const result = ready.ok ? await client.run(config, id, feeds) : ready;
      if (!result.ok) {
        getState().notify(result.error);
        getState().updatePredict(id, { running: false });
        return;
      }
      const outputs = result.value.outputs;
      const description = model.description!;
      const unreadable = description.outputs.filter((o) => !(o.name in outputs)).map((o) => o.name);
      const rows = s.mode === 'form' && s.check ? [s.check.values] : null;
      const request = {
        modelFile: model.pkg.model.path.split('/').pop() ?? 'model.onnx',
        feeds,
        outputNames: Object.keys(outputs),
        table: rows ? { columns: s.signature.features.map((f) => f.name), rows } : null,
      };
      getState().updatePredict(id, {
        running: false,
        result: {
          feeds,
          outputs,
          runMs: result.value.runMs,
          config,
          predictions: rt.readPredictions(s.plan, outputs, { softmax: s.softmax }),
          unreadable,
          snippets: { javascript: rt.javascriptSnippet(request), python: rt.pythonSnippet(request), mlflow: rt.mlflowBody(request) },
        },
      });
    },
    async downloadPredictionOutputs(id) {
      const rt = await runtime();
      const model = modelOf(id);
      const result = stateOf(id)?.result;
      if (!model || !result) return;
      const url = URL.createObjectURL(new Blob([JSON.stringify(rt.outputsDocument(result.outputs), null, 2), '\n'], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `${model.pkg.name.replace(/[^\w.-]+/g, '_')}-outputs.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
  };
}
