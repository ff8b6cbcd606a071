import type { BackendConfig } from '../../core/protocol/engine-api';
import { engineError, fail, ok, type EngineError, type Result } from '../../core/protocol/engine-error';
import { fileNameOf } from '../../core/model/evaluation-set';
import type { ColumnMatch } from '../../core/schema/column-match';
import { trainingHistograms, type BinnedReference } from '../../core/stats/drift-reference';
import type { FeatureColumns } from '../../core/stats/drift-report';
import type { EngineGateway } from '../engine/engine-gateway';
import type { AppStore } from '../store/app-store';
import { IDLE_DRIFT, type DriftReference } from '../store/drift-slice';
import { isReady, type ReadyModel } from '../store/models-slice';
import { selectBackendConfig } from '../store/selectors';
import type { ModelLifecycle } from './model-lifecycle';
import { ensureSession } from './model-session';
import { pacer, tick } from './tick';
import type { ValidatorCache } from './validator-cache';
import type * as DriftRuntimeModule from './drift-runtime';

type DriftRuntime = typeof DriftRuntimeModule;

export interface DriftActions {
  /** Settles what the production file will be compared with (the package's evaluation CSV, if any). */
  openDrift(id: string): Promise<void>;
  /** A CSV to compare with when the package has no evaluation set (or to use instead of it). */
  chooseReference(id: string, file: File): Promise<void>;
  /** Reads the production CSV, matches its columns, scores both sets and builds the report. */
  chooseProduction(id: string, file: File): Promise<void>;
  cancelDrift(id: string): void;
}

export interface DriftDeps {
  readonly store: AppStore;
  readonly client: EngineGateway;
  readonly lifecycle: ModelLifecycle;
  readonly validators: ValidatorCache;
}

interface ReadTable {
  readonly header: string[];
  readonly rows: string[][];
}

/** A picked CSV or the package's evaluation set, or the training histograms in metadata.json. */
type Reference = { readonly reference: DriftReference; readonly file: Blob; readonly bins?: undefined } | { readonly reference: DriftReference; readonly file?: undefined; readonly bins: Record<string, BinnedReference> };

/** One run of the check: its model, its rows as read, and how to stop it. */
interface DriftRun {
  readonly id: string;
  readonly model: ReadyModel;
  readonly rt: DriftRuntime;
  readonly control: { cancelled: boolean };
}

const NO_REFERENCE = engineError('bad-input', 'There is no reference to compare the production file with: the package has no evaluation CSV and none was picked.', 'Pick a reference CSV (for example the data the model was trained or validated on), then the production CSV again.');

export function createDriftActions({ store, client, lifecycle, validators }: DriftDeps): DriftActions {
  const { getState } = store;
  let runtimePromise: Promise<DriftRuntime> | null = null;
  const runtime = (): Promise<DriftRuntime> => (runtimePromise ??= import('./drift-runtime'));
  const picked = new Map<string, File>();
  const controls = new Map<string, { cancelled: boolean }>();
  lifecycle.onClose((id) => picked.delete(id));
  const modelOf = (id: string): ReadyModel | undefined => {
    const model = getState().models.find((m) => m.id === id);
    return isReady(model) ? model : undefined;
  };

  function referenceOf(model: ReadyModel): Reference | null {
    const own = picked.get(model.id);
    if (own) return { reference: { kind: 'picked', name: own.name }, file: own };
    const evaluation = model.facts.evaluation;
    if (evaluation) return { reference: { kind: 'evaluation', name: evaluation.path }, file: new Blob([evaluation.bytes.slice()], { type: 'text/csv' }) };
    const features = model.facts.signature.features.map((f) => f.name);
    const bins = trainingHistograms(model.pkg.metadata?.raw ?? null, features);
    if (!bins) return null;
    return { reference: { kind: 'training-statistics', name: 'metadata.json', features: features.filter((f) => f in bins) }, bins };
  }

  /** Each file whole, its columns matched to the features; a mismatch is shown, not thrown. */
  async function readSides(run: DriftRun, files: readonly (readonly ['reference' | 'production', Blob, string])[]): Promise<Result<{ tables: ReadTable[]; matches: ColumnMatch[] } | null>> {
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
        getState().updateDrift(run.id, { status: 'mismatch', mismatch: { side, fileName: name, match } });
        return ok(null);
      }
      tables.push(table.value);
      matches.push(match);
    }
    return ok({ tables, matches });
  }

  /** Predicted class names (classification) or values (regression) of every row, through the scoring pipeline. */
  async function predictionsOf(run: DriftRun, config: BackendConfig, table: ReadTable, match: ColumnMatch, progress: (rows: number) => void): Promise<Result<{ classes: string[]; values: number[] }>> {
    const { rt, model } = run;
    const classes: string[] = [];
    const values: number[] = [];
    let done = 0;
    const due = pacer();
    const scored = await rt.scoreTable({
      rows: rt.arrayRows(table.rows),
      signature: model.facts.signature,
      plan: model.facts.plan,
      validator: validators.of(model, rt.createRowValidator),
      match: { indices: match.indices, labelIndex: null },
      run: (feeds) => client.run(config, model.id, feeds),
      isCancelled: () => run.control.cancelled,
      onChunk: (chunk, p) => {
        for (let i = 0; i < chunk.count; i++) {
          classes.push(chunk.predictions.className[i] ?? '');
          const v = chunk.predictions.values?.[i];
          if (v !== undefined && Number.isFinite(v)) values.push(v);
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
    getState().updateDrift(id, { status: 'running', rows: { reference: 0, production: prodTable.rows.length } });
    const columns = model.facts.signature.features.map((f, k) => ({ feature: f.name, production: rt.numericColumn(prodTable.rows.map((r) => r[prodMatch.indices[k]!])) }));
    const tested = columns.filter((c) => bins[c.feature] && c.production.length > 0);
    const report = rt.driftReportFromBins(tested.map((c) => ({ feature: c.feature, reference: bins[c.feature]!, production: c.production })));
    getState().updateDrift(id, { report, notNumeric: columns.filter((c) => !tested.includes(c)).map((c) => c.feature) });
    const plan = model.facts.plan;
    if (plan.kind !== 'classification') {
      getState().updateDrift(id, { status: 'done', fraction: 1 });
      return null;
    }
    const config = selectBackendConfig(getState());
    const ready = await ensureSession(client, model, config);
    if (!ready.ok) return ready.error;
    let done = 0;
    const scored = await predictionsOf(run, config, prodTable, prodMatch, (n) => getState().updateDrift(id, { fraction: (done += n) / prodTable.rows.length }));
    if (!scored.ok) return scored.error;
    if (run.control.cancelled) getState().updateDrift(id, { status: 'cancelled' });
    else getState().updateDrift(id, { status: 'done', fraction: 1, shares: rt.classShares([], scored.value.classes, plan.classes ?? []) });
    return null;
  }

  /** A reference file: feature drift from both files' columns, then both sets scored for the prediction drift. */
  async function againstTable(run: DriftRun, [refTable, prodTable]: ReadTable[], [refMatch, prodMatch]: ColumnMatch[]): Promise<EngineError | null> {
    const { id, model, rt } = run;
    if (!refTable || !prodTable || !refMatch || !prodMatch) return null;
    getState().updateDrift(id, { status: 'running', rows: { reference: refTable.rows.length, production: prodTable.rows.length } });
    const columns: FeatureColumns[] = model.facts.signature.features.map((f, k) => ({
      feature: f.name,
      reference: rt.numericColumn(refTable.rows.map((r) => r[refMatch.indices[k]!])),
      production: rt.numericColumn(prodTable.rows.map((r) => r[prodMatch.indices[k]!])),
    }));
    const tested = columns.filter((c) => c.reference.length > 0 && c.production.length > 0);
    getState().updateDrift(id, { report: rt.driftReport(tested), notNumeric: columns.filter((c) => !tested.includes(c)).map((c) => c.feature) });
    await tick();
    const plan = model.facts.plan;
    if (plan.kind === 'tensors') {
      getState().updateDrift(id, { status: 'done', fraction: 1 });
      return null;
    }
    // The prediction distribution: both sets scored by the model, in the worker.
    const config = selectBackendConfig(getState());
    const ready = await ensureSession(client, model, config);
    if (!ready.ok) return ready.error;
    const total = refTable.rows.length + prodTable.rows.length;
    let done = 0;
    const progress = (n: number): void => getState().updateDrift(id, { fraction: (done += n) / total });
    const ref = await predictionsOf(run, config, refTable, refMatch, progress);
    if (!ref.ok) return ref.error;
    const prod = await predictionsOf(run, config, prodTable, prodMatch, progress);
    if (!prod.ok) return prod.error;
    if (run.control.cancelled) getState().updateDrift(id, { status: 'cancelled' });
    else if (plan.kind === 'classification') getState().updateDrift(id, { status: 'done', fraction: 1, shares: rt.classShares(ref.value.classes, prod.value.classes, plan.classes ?? []) });
    else getState().updateDrift(id, { status: 'done', fraction: 1, predictions: rt.driftReport([{ feature: 'predicted value', reference: ref.value.values, production: prod.value.values }]).features[0] ?? null });
    return null;
  }

  async function check(run: DriftRun, ref: Reference, file: File): Promise<EngineError | null> {
    const { signature } = run.model.facts;
    if (signature.features.length === 0) {
      return engineError('bad-input', 'This model takes tensors without named features, so the columns of a file cannot be matched to its inputs.', 'The drift check is for tabular models, whose features have names.');
    }
    const reference = ref.file ? [['reference', ref.file, ref.reference.kind === 'evaluation' ? fileNameOf({ path: ref.reference.name }) : ref.reference.name] as const] : [];
    const read = await readSides(run, [...reference, ['production', file, file.name]]);
    if (!read.ok) return read.error;
    if (!read.value) {
      if (run.control.cancelled) getState().updateDrift(run.id, { status: 'cancelled' });
      return null;
    }
    const { tables, matches } = read.value;
    return ref.bins ? againstBins(run, ref.bins, tables[0]!, matches[0]!) : againstTable(run, tables, matches);
  }

  return {
    async openDrift(id) {
      const model = modelOf(id);
      if (model && !getState().drift[id]) getState().updateDrift(id, { ...IDLE_DRIFT, reference: referenceOf(model)?.reference ?? null });
    },
    async chooseReference(id, file) {
      if (!modelOf(id) || controls.has(id)) return;
      picked.set(id, file);
      getState().updateDrift(id, { ...IDLE_DRIFT, reference: { kind: 'picked', name: file.name } });
    },
    async chooseProduction(id, file) {
      const model = modelOf(id);
      if (!model || controls.has(id)) return;
      const ref = referenceOf(model);
      const failWith = (error: EngineError): void => {
        getState().notify(error);
        getState().updateDrift(id, { status: 'failed', error: error.message });
      };
      if (!ref) {
        getState().updateDrift(id, { productionName: file.name });
        return failWith(NO_REFERENCE);
      }
      const control = { cancelled: false };
      controls.set(id, control);
      const untrack = lifecycle.track(id, () => (control.cancelled = true));
      getState().updateDrift(id, { ...IDLE_DRIFT, status: 'reading', reference: ref.reference, productionName: file.name });
      try {
        const failed = await check({ id, model, rt: await runtime(), control }, ref, file);
        // After a cancel (or the model closing), an engine call cut short is not news.
        if (failed && !control.cancelled) failWith(failed);
        else if (failed) getState().updateDrift(id, { status: 'cancelled' });
      } finally {
        controls.delete(id);
        untrack();
      }
    },
    cancelDrift(id) {
      const control = controls.get(id);
      if (control) control.cancelled = true;
    },
  };
}
