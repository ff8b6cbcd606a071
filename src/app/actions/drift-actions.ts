import type { BackendConfig } from '../../core/protocol/engine-api';
import { describeThrown, engineError, type EngineError, type Result } from '../../core/protocol/engine-error';
import { roleOf, type PackageFile } from '../../core/package/model-package';
import type { ColumnMatch } from '../../core/schema/column-match';
import { trainingHistograms, type BinnedReference } from '../../core/stats/drift-reference';
import type { FeatureColumns } from '../../core/stats/drift-report';
import type { EngineClient } from '../engine/engine-client';
import type { AppStore } from '../store/app-store';
import { IDLE_DRIFT, type DriftReference } from '../store/drift-slice';
import { ensureSession as ensureModelSession } from './model-session';
import type { OpenModel } from '../store/models-slice';
import { selectBackendConfig } from '../store/selectors';
import type { PredictActions } from './predict-actions';
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

/** Bytes papaparse reads per step, so that a large file never blocks the page for long. */
const CSV_CHUNK_BYTES = 64 * 1024;

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

interface ReadTable {
  readonly header: string[];
  readonly rows: string[][];
}

export function evaluationCsv(model: OpenModel): PackageFile | undefined {
  const csvs = model.pkg.files.filter((f) => roleOf(f.path) === 'evaluation-csv');
  return csvs.find((f) => /(^|\/)test\.csv$/i.test(f.path)) ?? csvs[0];
}

export function createDriftActions(store: AppStore, client: EngineClient, predict: Pick<PredictActions, 'openPredict'>): DriftActions {
  const { getState } = store;
  let runtimePromise: Promise<DriftRuntime> | null = null;
  const runtime = (): Promise<DriftRuntime> => (runtimePromise ??= import('./drift-runtime'));
  const picked = new Map<string, File>();
  const controls = new Map<string, { cancelled: boolean }>();
  const modelOf = (id: string): OpenModel | undefined => getState().models.find((m) => m.id === id);

  store.subscribe((s) => {
    for (const id of Object.keys(s.drift)) {
      if (s.models.some((m) => m.id === id)) continue;
      picked.delete(id);
      const control = controls.get(id);
      if (control) control.cancelled = true;
      s.dropDrift(id);
    }
  });

  type Reference = { reference: DriftReference; file: File; bins?: undefined } | { reference: DriftReference; file?: undefined; bins: Record<string, BinnedReference> };

  /** A picked CSV, else the package's evaluation CSV, else the training histograms in metadata.json. */
  function referenceOf(model: OpenModel): Reference | null {
    const own = picked.get(model.id);
    if (own) return { reference: { kind: 'picked', name: own.name }, file: own };
    const evaluation = evaluationCsv(model);
    if (evaluation) {
      const name = evaluation.path.split('/').pop() ?? evaluation.path;
      return { reference: { kind: 'evaluation', name: evaluation.path }, file: new File([evaluation.bytes.slice()], name, { type: 'text/csv' }) };
    }
    const features = getState().predict[model.id]?.signature.features.map((f) => f.name) ?? model.pkg.metadata?.featureNames ?? [];
    const bins = trainingHistograms(model.pkg.metadata?.raw ?? null, features);
    if (!bins) return null;
    return { reference: { kind: 'training-statistics', name: 'metadata.json', features: features.filter((f) => f in bins) }, bins };
  }

  const ensureSession = (model: OpenModel, config: BackendConfig): Promise<Result<null>> => ensureModelSession(client, model, config);

  /** The whole CSV as rows of cells, streamed so that the page stays responsive. */
  async function readCsv(rt: DriftRuntime, file: File, control: { cancelled: boolean }): Promise<ReadTable | EngineError> {
    const rows: string[][] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        rt.Papa.parse<string[]>(file, {
          chunkSize: CSV_CHUNK_BYTES,
          skipEmptyLines: 'greedy',
          chunk: (results, parser) => {
            rows.push(...results.data);
            if (control.cancelled) parser.abort();
            else {
              parser.pause();
              void tick().then(() => parser.resume());
            }
          },
          complete: () => resolve(),
          error: (e) => reject(e),
        });
      });
    } catch (thrown) {
      return engineError('bad-input', `${file.name} could not be read as CSV (${describeThrown(thrown)}).`, 'Save it as comma-separated text with a header row.');
    }
    const [header, ...body] = rows;
    if (!header || header.length === 0) return engineError('bad-input', `${file.name} is empty.`, 'A CSV needs a header row naming the columns, then one row per example.');
    if (body.length === 0) return engineError('bad-input', `${file.name} has a header but no rows.`, 'Add rows: the drift tests compare distributions of values.');
    return { header, rows: body };
  }

  /** Predicted class names (classification) or values (regression) for every row, scored in the worker in chunks. */
  async function scoreRows(
    rt: DriftRuntime,
    model: OpenModel,
    config: BackendConfig,
    table: ReadTable,
    match: ColumnMatch,
    control: { cancelled: boolean },
    progress: (done: number) => void,
  ): Promise<{ classes: string[]; values: number[] }> {
    const s = getState().predict[model.id]!;
    const validator = rt.createRowValidator(s.signature);
    const classes: string[] = [];
    const values: number[] = [];
    const batchDim = s.signature.inputs[0]?.shape?.[0];
    const fixed = typeof batchDim === 'number' && batchDim > 0 ? batchDim : null;
    let size = fixed ?? 64;
    for (let start = 0; start < table.rows.length && !control.cancelled; ) {
      const rows = table.rows.slice(start, start + size);
      const cells = rows.map((row) => match.indices.map((i) => row[i]));
      const prepared = rt.prepareChunk(s.signature, validator, start, cells, null);
      let outputs = null;
      if (prepared.feeds) {
        const result = await client.run(config, model.id, prepared.feeds);
        if (!result.ok) throw result.error;
        outputs = result.value.outputs;
        if (!fixed) size = rt.nextChunkRows(size, result.value.runMs, 120, 1024);
      }
      const chunk = rt.finishChunk(prepared, s.plan, outputs, { softmax: s.softmax });
      for (let i = 0; i < chunk.count; i++) {
        classes.push(chunk.predictions.className[i] ?? '');
        const v = chunk.predictions.values?.[i];
        if (v !== undefined && Number.isFinite(v)) values.push(v);
      }
      start += rows.length;
      progress(rows.length);
    }
    return { classes, values };
  }

  const actions: DriftActions = {
    async openDrift(id) {
      const model = modelOf(id);
      if (!model) return;
      await predict.openPredict(id);
      if (!getState().drift[id]) getState().updateDrift(id, { ...IDLE_DRIFT, reference: referenceOf(model)?.reference ?? null });
    },
    async chooseReference(id, file) {
      const model = modelOf(id);
      if (!model || controls.has(id)) return;
      picked.set(id, file);
      getState().updateDrift(id, { ...IDLE_DRIFT, reference: { kind: 'picked', name: file.name } });
    },
    async chooseProduction(id, file) {
      const model = modelOf(id);
      if (!model || controls.has(id)) return;
      const ref = referenceOf(model);
      if (!ref) {
        const error = engineError('bad-input', 'There is no reference to compare the production file with: the package has no evaluation CSV and none was picked.', 'Pick a reference CSV (for example the data the model was trained or validated on), then the production CSV again.');
        getState().notify(error);
        getState().updateDrift(id, { status: 'failed', error: error.message, productionName: file.name });
        return;
      }
      const control = { cancelled: false };
      controls.set(id, control);
      getState().updateDrift(id, { ...IDLE_DRIFT, status: 'reading', reference: ref.reference, productionName: file.name });
      const fail = (error: EngineError): void => {
        getState().notify(error);
        getState().updateDrift(id, { status: 'failed', error: error.message });
      };
      try {
        const rt = await runtime();
        await predict.openPredict(id);
        const s = getState().predict[id];
        if (!s) return fail(engineError('bad-input', 'The model’s features could not be read, so the file’s columns cannot be matched.', 'Open the model’s Predict tab to see what it takes.'));
        if (s.signature.features.length === 0) {
          fail(engineError('bad-input', 'This model takes tensors without named features, so the columns of a file cannot be matched to its inputs.', 'The drift check is for tabular models, whose features have names.'));
          return;
        }
        const targetColumn = model.pkg.metadata?.targetColumn;
        const tables: ReadTable[] = [];
        const matches: ColumnMatch[] = [];
        const files = ref.file ? ([['reference', ref.file], ['production', file]] as const) : ([['production', file]] as const);
        for (const [side, f] of files) {
          const table = await readCsv(rt, f, control);
          if (control.cancelled) break;
          if ('code' in table) return fail(table);
          const match = rt.matchColumns(table.header, s.signature, { targetColumn });
          if (!match.runnable) {
            getState().updateDrift(id, { status: 'mismatch', mismatch: { side, fileName: f.name, match } });
            return;
          }
          tables.push(table);
          matches.push(match);
        }
        if (control.cancelled) {
          getState().updateDrift(id, { status: 'cancelled' });
          return;
        }
        if (ref.bins) {
          // Training statistics: the drift tests against metadata.json's histograms; only production rows to score.
          const prodTable = tables[0]!;
          const prodMatch = matches[0]!;
          const bins = ref.bins;
          getState().updateDrift(id, { status: 'running', rows: { reference: 0, production: prodTable.rows.length } });
          const columns = s.signature.features.map((f, k) => ({ feature: f.name, production: rt.numericColumn(prodTable.rows.map((r) => r[prodMatch.indices[k]!])) }));
          const tested = columns.filter((c) => bins[c.feature] && c.production.length > 0);
          const report = rt.driftReportFromBins(tested.map((c) => ({ feature: c.feature, reference: bins[c.feature]!, production: c.production })));
          getState().updateDrift(id, { report, notNumeric: columns.filter((c) => !tested.includes(c)).map((c) => c.feature) });
          if (s.plan.kind !== 'classification') {
            getState().updateDrift(id, { status: 'done', fraction: 1 });
            return;
          }
          const config = selectBackendConfig(getState());
          const ready = await ensureSession(model, config);
          if (!ready.ok) return fail(ready.error);
          let done = 0;
          const scored = await scoreRows(rt, model, config, prodTable, prodMatch, control, (n) => {
            done += n;
            getState().updateDrift(id, { fraction: done / prodTable.rows.length });
          });
          if (control.cancelled) {
            getState().updateDrift(id, { status: 'cancelled' });
            return;
          }
          getState().updateDrift(id, { status: 'done', fraction: 1, shares: rt.classShares([], scored.classes, s.plan.classes ?? []) });
          return;
        }
        const [refTable, prodTable] = tables as [ReadTable, ReadTable];
        const [refMatch, prodMatch] = matches as [ColumnMatch, ColumnMatch];
        getState().updateDrift(id, { status: 'running', rows: { reference: refTable.rows.length, production: prodTable.rows.length } });
        const columns: FeatureColumns[] = s.signature.features.map((f, k) => ({
          feature: f.name,
          reference: rt.numericColumn(refTable.rows.map((r) => r[refMatch.indices[k]!])),
          production: rt.numericColumn(prodTable.rows.map((r) => r[prodMatch.indices[k]!])),
        }));
        const tested = columns.filter((c) => c.reference.length > 0 && c.production.length > 0);
        const report = rt.driftReport(tested);
        const notNumeric = columns.filter((c) => !tested.includes(c)).map((c) => c.feature);
        getState().updateDrift(id, { report, notNumeric });
        await tick();
        // The prediction distribution: both sets scored by the model, in the worker.
        if (s.plan.kind === 'tensors') {
          getState().updateDrift(id, { status: 'done', fraction: 1 });
          return;
        }
        const config = selectBackendConfig(getState());
        const ready = await ensureSession(model, config);
        if (!ready.ok) return fail(ready.error);
        const total = refTable.rows.length + prodTable.rows.length;
        let done = 0;
        const progress = (n: number) => {
          done += n;
          getState().updateDrift(id, { fraction: done / total });
        };
        const scoredRef = await scoreRows(rt, model, config, refTable, refMatch, control, progress);
        const scoredProd = await scoreRows(rt, model, config, prodTable, prodMatch, control, progress);
        if (control.cancelled) {
          getState().updateDrift(id, { status: 'cancelled' });
          return;
        }
        if (s.plan.kind === 'classification') {
          getState().updateDrift(id, { status: 'done', fraction: 1, shares: rt.classShares(scoredRef.classes, scoredProd.classes, s.plan.classes ?? []) });
        } else {
          const predictions = rt.driftReport([{ feature: 'predicted value', reference: scoredRef.values, production: scoredProd.values }]).features[0] ?? null;
          getState().updateDrift(id, { status: 'done', fraction: 1, predictions });
        }
      } catch (thrown) {
        fail(typeof thrown === 'object' && thrown !== null && 'code' in thrown ? (thrown as EngineError) : engineError('bad-input', `The drift check failed: ${describeThrown(thrown)}.`, 'Check that both files are well-formed CSVs with a header row.'));
      } finally {
        controls.delete(id);
      }
    },
    cancelDrift(id) {
      const control = controls.get(id);
      if (control) control.cancelled = true;
    },
  };
  return actions;
}
