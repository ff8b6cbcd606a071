import type { BackendConfig } from '../../core/protocol/engine-api';
import { engineError, fail, ok, type EngineError, type Result } from '../../core/protocol/engine-error';
import { fileNameOf } from '../../core/model/evaluation-set';
import type { ColumnMatch } from '../../core/schema/column-match';
import type { BinnedReference } from '../../core/stats/drift-reference';
import type { FeatureColumns } from '../../core/stats/drift-report';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';
import type { DriftReference } from '../store/drift-slice';
import type { ReadyModel } from '../store/models-slice';
import { selectBackendConfig } from '../store/selectors';
import { ensureSession } from './model-session';
import { pacer, tick } from '../../core/scoring/tick';
import type * as DriftRuntimeModule from './drift-runtime';

/** The drift check itself, once its files are chosen: read both, compare the columns, score both sets. */

export type DriftRuntime = typeof DriftRuntimeModule;

interface ReadTable {
  readonly header: string[];
  readonly rows: string[][];
}

/** A picked CSV or the package's evaluation set, or the training histograms in metadata.json. */
export type Reference = { readonly reference: DriftReference; readonly file: Blob; readonly bins?: undefined } | { readonly reference: DriftReference; readonly file?: undefined; readonly bins: Record<string, BinnedReference> };

/** One run of the check: its model, where it reports, and how to stop it. */
export interface DriftRun {
  readonly id: string;
  readonly model: ReadyModel;
  readonly rt: DriftRuntime;
  readonly control: { cancelled: boolean };
  readonly store: AppStore;
  readonly client: EngineGateway;
}

/** Each file whole, its columns matched to the features; a mismatch is shown, not thrown. */
export async function readSides(run: DriftRun, files: readonly (readonly ['reference' | 'production', Blob, string])[]): Promise<Result<{ tables: ReadTable[]; matches: ColumnMatch[] } | null>> {
  const { rt, model } = run;
  const tables: ReadTable[] = [];
  const matches: ColumnMatch[] = [];
  for (const [side, blob, name] of files) {
    const table = await rt.readCsvTable(blob, name);
    if (run.control.cancelled) return ok(null);
    if (!table.ok) return table;
    if (table.value.rows.length === 0) return fail(engineError('bad-input', `${name} has a header but no rows.`, 'Add rows: the drift tests compare distributions of values.'));
    const match = rt.matchColumns(table.value.header, model.facts.signature, { targetColumn: model.pkg.metadata?.targetColumn });
    if (!match.runnable) {
      run.store.getState().updateDrift(run.id, { status: 'mismatch', mismatch: { side, fileName: name, match } });
      return ok(null);
    }
    tables.push(table.value);
    matches.push(match);
  }
  return ok({ tables, matches });
}

/** Predicted class names (classification) or values (regression) of every row, through the scoring pipeline. */
async function predictionsOf(run: DriftRun, config: BackendConfig, table: ReadTable, match: ColumnMatch, progress: (rows: number) => void): Promise<Result<{ classes: string[]; values: number[] }>> {
  const { model } = run;
  const classes: string[] = [];
  const values: number[] = [];
  let done = 0;
  const due = pacer();
  const scored = await run.client.scoreTable(config, {
    request: { jobId: `drift-${model.id}-${performance.now()}`, sessionId: model.id, source: { kind: 'rows' }, signature: model.facts.signature, plan: model.facts.plan, match: { indices: match.indices, labelIndex: null }, recorded: null },
    rows: table.rows,
    isCancelled: () => run.control.cancelled,
    onChunks: ({ chunks, progress: p }) => {
      for (const chunk of chunks) {
        for (let i = 0; i < chunk.count; i++) {
          classes.push(chunk.predictions.className[i] ?? '');
          const v = chunk.predictions.values?.[i];
          if (v !== undefined && Number.isFinite(v)) values.push(v);
        }
      }
      if (!due()) return;
      progress(p.rowsDone - done);
      done = p.rowsDone;
    },
  });
  return scored.ok ? ok({ classes, values }) : scored;
}

/** Training statistics: the drift tests against metadata.json's histograms; only production rows to score. */
async function againstBins(run: DriftRun, bins: Record<string, BinnedReference>, prodTable: ReadTable, prodMatch: ColumnMatch): Promise<EngineError | null> {
  const { id, model, rt } = run;
  run.store.getState().updateDrift(id, { status: 'running', rows: { reference: 0, production: prodTable.rows.length } });
  const columns = model.facts.signature.features.map((f, k) => ({ feature: f.name, production: rt.numericColumn(prodTable.rows.map((r) => r[prodMatch.indices[k]!])) }));
  const tested = columns.filter((c) => bins[c.feature] && c.production.length > 0);
  const report = rt.driftReportFromBins(tested.map((c) => ({ feature: c.feature, reference: bins[c.feature]!, production: c.production })));
  run.store.getState().updateDrift(id, { report, notNumeric: columns.filter((c) => !tested.includes(c)).map((c) => c.feature) });
  const plan = model.facts.plan;
  if (plan.kind !== 'classification') {
    run.store.getState().updateDrift(id, { status: 'done', fraction: 1 });
    return null;
  }
  const config = selectBackendConfig(run.store.getState());
  const ready = await ensureSession(run.client, model, config);
  if (!ready.ok) return ready.error;
  let done = 0;
  const scored = await predictionsOf(run, config, prodTable, prodMatch, (n) => run.store.getState().updateDrift(id, { fraction: (done += n) / prodTable.rows.length }));
  if (!scored.ok) return scored.error;
  if (run.control.cancelled) run.store.getState().updateDrift(id, { status: 'cancelled' });
  else run.store.getState().updateDrift(id, { status: 'done', fraction: 1, shares: rt.classShares([], scored.value.classes, plan.classes ?? []) });
  return null;
}

/** A reference file: feature drift from both files' columns, then both sets scored for the prediction drift. */
async function againstTable(run: DriftRun, [refTable, prodTable]: ReadTable[], [refMatch, prodMatch]: ColumnMatch[]): Promise<EngineError | null> {
  const { id, model, rt } = run;
  if (!refTable || !prodTable || !refMatch || !prodMatch) return null;
  run.store.getState().updateDrift(id, { status: 'running', rows: { reference: refTable.rows.length, production: prodTable.rows.length } });
  const columns: FeatureColumns[] = model.facts.signature.features.map((f, k) => {
    // Blank and unreadable cells are left out of the tests, and counted: a feature blank in production is not "stable" without a word.
    const reference = rt.columnOf(refTable.rows.map((r) => r[refMatch.indices[k]!]));
    const production = rt.columnOf(prodTable.rows.map((r) => r[prodMatch.indices[k]!]));
    return { feature: f.name, reference: reference.values, production: production.values, missing: { reference: reference.missing, production: production.missing } };
  });
  const tested = columns.filter((c) => c.reference.length > 0 && c.production.length > 0);
  run.store.getState().updateDrift(id, { report: rt.driftReport(tested), notNumeric: columns.filter((c) => !tested.includes(c)).map((c) => c.feature) });
  await tick();
  const plan = model.facts.plan;
  if (plan.kind === 'tensors') {
    run.store.getState().updateDrift(id, { status: 'done', fraction: 1 });
    return null;
  }
  // The prediction distribution: both sets scored by the model, in the worker.
  const config = selectBackendConfig(run.store.getState());
  const ready = await ensureSession(run.client, model, config);
  if (!ready.ok) return ready.error;
  const total = refTable.rows.length + prodTable.rows.length;
  let done = 0;
  const progress = (n: number): void => run.store.getState().updateDrift(id, { fraction: (done += n) / total });
  const ref = await predictionsOf(run, config, refTable, refMatch, progress);
  if (!ref.ok) return ref.error;
  const prod = await predictionsOf(run, config, prodTable, prodMatch, progress);
  if (!prod.ok) return prod.error;
  if (run.control.cancelled) run.store.getState().updateDrift(id, { status: 'cancelled' });
  else if (plan.kind === 'classification') run.store.getState().updateDrift(id, { status: 'done', fraction: 1, shares: rt.classShares(ref.value.classes, prod.value.classes, plan.classes ?? []) });
  else run.store.getState().updateDrift(id, { status: 'done', fraction: 1, predictions: rt.driftReport([{ feature: 'predicted value', reference: ref.value.values, production: prod.value.values }]).features[0] ?? null });
  return null;
}

export async function check(run: DriftRun, ref: Reference, file: File): Promise<EngineError | null> {
  const { signature } = run.model.facts;
  if (signature.features.length === 0) {
    return engineError('bad-input', 'This model takes tensors without named features, so the columns of a file cannot be matched to its inputs.', 'The drift check is for tabular models, whose features have names.');
  }
  const reference = ref.file ? [['reference', ref.file, ref.reference.kind === 'evaluation' ? fileNameOf({ path: ref.reference.name }) : ref.reference.name] as const] : [];
  const read = await readSides(run, [...reference, ['production', file, file.name]]);
  if (!read.ok) return read.error;
  if (!read.value) {
    if (run.control.cancelled) run.store.getState().updateDrift(run.id, { status: 'cancelled' });
    return null;
  }
  const { tables, matches } = read.value;
  return ref.bins ? againstBins(run, ref.bins, tables[0]!, matches[0]!) : againstTable(run, tables, matches);
}
