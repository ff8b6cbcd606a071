import { engineError } from '../../core/protocol/engine-error';
import { resolveDims, type HostTensor } from '../../core/schema/host-tensor';
import type { InputIssue, RowValidator } from '../../core/schema/validate-row';
import type { AppStore } from '../store/app-store';
import type { ReadyModel } from '../store/models-slice';
import type { PredictState, TensorDraft } from '../store/predict-slice';
import type { ModelLifecycle } from './model-lifecycle';
import type { PredictRuntime } from './predict-actions';

export const EXAMPLE_NOTE = 'the package’s input example';
/** Largest tensor shown as editable JSON text. */
const TEXT_LIMIT = 4096;

interface FormDeps {
  readonly store: AppStore;
  /** The Predict runtime once loaded (openPredict loads it before any form exists). */
  readonly loaded: () => PredictRuntime | null;
  readonly modelOf: (id: string) => ReadyModel | undefined;
  readonly stateOf: (id: string) => PredictState | undefined;
  readonly validatorOf: (model: ReadyModel) => RowValidator;
  readonly lifecycle: ModelLifecycle;
}

/** What the form's functions share: its dependencies, and the evaluation sets parsed so far (per model). */
interface FormContext extends FormDeps {
  readonly evaluationRows: Map<string, { header: string[]; rows: string[][]; path: string }>;
}

/** The dimensions an input has with the sizes chosen for the model's symbolic dimensions. */
export const expectedDims = (model: ReadyModel, shape: Parameters<typeof resolveDims>[0]): number[] => resolveDims(shape, model.dims);

function draftOf(ctx: FormContext, tensor: HostTensor, source: string, extra: Partial<TensorDraft> = {}): TensorDraft {
  const rt = ctx.loaded();
  const text = tensor.data.length <= TEXT_LIMIT && rt ? rt.tensorToJsonText(tensor) : '';
  return { tensor, source, text, error: null, imageNote: null, preview: null, ...extra };
}

/** Problems with the tensors: missing or misshapen ones, then the feature rules when they map to features. */
function tensorIssues(ctx: FormContext, model: ReadyModel, s: PredictState, rt: PredictRuntime): InputIssue[] {
  const { signature } = model.facts;
  const issues: InputIssue[] = [];
  for (const input of signature.inputs) {
    const draft = s.tensors[input.name];
    if (!draft?.tensor) {
      issues.push({ field: input.name, severity: 'error', rule: draft?.error ? 'schema' : 'missing', message: draft?.error ?? `“${input.name}” has no values yet: type them, upload a file, or draw.` });
      continue;
    }
    const problem = rt.shapeProblem(input, draft.tensor.dims, expectedDims(model, input.shape));
    if (problem) issues.push({ field: input.name, severity: 'error', rule: 'shape', message: problem });
  }
  const layout = signature.layout;
  if (issues.length === 0 && layout.kind === 'one-input') {
    const rows = rt.feedToRows(signature, { [layout.input]: s.tensors[layout.input]!.tensor! }) ?? [];
    rows.forEach((row, r) => {
      for (const issue of ctx.validatorOf(model).check(row).issues) issues.push(rows.length > 1 ? { ...issue, message: `Row ${r + 1}: ${issue.message}` } : issue);
    });
  }
  return issues;
}

/** Re-checks the form, or the tensors; `changed`: the inputs changed, so a result on screen is now from the previous input. */
function recheck(ctx: FormContext, id: string, changed = true): void {
  const { getState } = ctx.store;
  const s = ctx.stateOf(id);
  const model = ctx.modelOf(id);
  const rt = ctx.loaded();
  if (!s || !model || !rt) return;
  const inputVersion = s.inputVersion + (changed ? 1 : 0);
  if (s.mode === 'form') getState().updatePredict(id, { inputVersion, check: ctx.validatorOf(model).check(model.facts.signature.features.map((f) => s.values[f.name] ?? '')) });
  else getState().updatePredict(id, { inputVersion, tensorIssues: tensorIssues(ctx, model, s, rt) });
}

/** The package's example as tensors, when it fits the model. */
export function exampleFeeds(model: ReadyModel): Readonly<Record<string, HostTensor>> | null {
  const example = model.facts.example;
  return example?.ok ? example.value : null;
}

/** The example's first row as the file gave it (7.3, not float32's 7.300000190734863). */
function exampleRow(ctx: FormContext, model: ReadyModel): unknown[] | null {
  const example = model.pkg.inputExample;
  const rt = ctx.loaded();
  const { signature } = model.facts;
  if (example === null || example === undefined || !rt || signature.features.length === 0) return null;
  const table = rt.tableFromJson(example, signature);
  if (!table.ok || table.value.rows.length === 0) return null;
  const match = rt.matchColumns(table.value.columns, signature, { targetColumn: model.pkg.metadata?.targetColumn });
  return match.runnable ? match.indices.map((i) => table.value.rows[0]![i]) : null;
}

/** Puts one row of feature values (from an example or the evaluation set) into the form or the tensors. */
function applyRow(ctx: FormContext, id: string, row: readonly unknown[], note: string): void {
  const { getState } = ctx.store;
  const s = ctx.stateOf(id);
  const model = ctx.modelOf(id);
  const rt = ctx.loaded();
  if (!s || !model || !rt) return;
  const { signature } = model.facts;
  const values: Record<string, string | boolean> = {};
  signature.features.forEach((f, i) => {
    const v = row[i];
    values[f.name] = typeof v === 'boolean' ? v : v === null || v === undefined ? '' : String(v);
  });
  const tensors = { ...s.tensors };
  const layout = signature.layout;
  if (s.mode === 'tensors' && layout.kind === 'one-input') {
    const feeds = rt.rowsToFeeds(signature, [ctx.validatorOf(model).check(row).values]);
    const input = signature.inputs.find((i) => i.name === layout.input)!;
    const tensor = feeds[input.name]!;
    const scale = s.pixelScales[input.name];
    tensors[input.name] = draftOf(ctx, tensor, note, { preview: input.image && scale ? rt.tensorPreview(tensor, input.image, scale) : null });
  }
  getState().updatePredict(id, { values, tensors, fillNote: note });
  recheck(ctx, id);
}

/** A random row of the evaluation set, with its true label in the note. */
async function fillFromEvaluationRow(ctx: FormContext, id: string, runtime: () => Promise<PredictRuntime>): Promise<void> {
  const { getState } = ctx.store;
  const model = ctx.modelOf(id);
  const s = ctx.stateOf(id);
  const file = model?.facts.evaluation;
  if (!model || !s || !file) return;
  const rt = await runtime();
  let parsed = ctx.evaluationRows.get(id);
  if (!parsed) {
    const table = await rt.readCsvTable(new Blob([file.bytes.slice()]), file.path);
    if (!table.ok) return getState().notify(table.error);
    parsed = { ...table.value, path: file.path };
    ctx.evaluationRows.set(id, parsed);
  }
  const { signature, plan } = model.facts;
  const match = rt.matchColumns(parsed.header, signature, { targetColumn: model.pkg.metadata?.targetColumn });
  if (!match.runnable || parsed.rows.length === 0) {
    getState().notify(match.problem ?? engineError('bad-input', `${parsed.path} has no rows.`, 'Add rows to the evaluation set.'));
    return;
  }
  const r = Math.floor(Math.random() * parsed.rows.length);
  const row = parsed.rows[r]!;
  const truth = match.labelIndex === null ? null : (row[match.labelIndex] ?? null);
  const classes = plan.kind === 'classification' ? (plan.classes ?? []) : [];
  const named = truth !== null && /^\d+$/.test(truth.trim()) && classes[Number(truth)] ? `${classes[Number(truth)]} (${truth})` : truth;
  applyRow(ctx, id, match.indices.map((i) => row[i]), `row ${r + 1} of ${parsed.path}${named !== null ? `, true label: ${named}` : ''}`);
}

/** The Predict form's own logic: defaults, checks, and filling it from the example or a row of the evaluation set. */
export function createPredictForm(deps: FormDeps) {
  const ctx: FormContext = { ...deps, evaluationRows: new Map() };
  // The evaluation set, parsed on first use, is forgotten when its model closes.
  deps.lifecycle.onClose((id) => ctx.evaluationRows.delete(id));
  return {
    expectedDims,
    draftOf: (tensor: HostTensor, source: string, extra?: Partial<TensorDraft>) => draftOf(ctx, tensor, source, extra),
    recheck: (id: string, changed?: boolean) => recheck(ctx, id, changed),
    exampleFeeds,
    exampleRow: (model: ReadyModel) => exampleRow(ctx, model),
    applyRow: (id: string, row: readonly unknown[], note: string) => applyRow(ctx, id, row, note),
    fillFromEvaluationRow: (id: string, runtime: () => Promise<PredictRuntime>) => fillFromEvaluationRow(ctx, id, runtime),
  };
}
