import { describeThrown, engineError, fail, ok, type Result } from '../../core/protocol/engine-error';
import type { ScoredChunk } from '../../core/schema/batch-chunk';
import type { BatchTable } from '../../core/schema/batch-json';
import type { ExportPiece } from '../../core/schema/batch-export';
import type { ReadyModel } from '../store/models-slice';
import { IDLE_BATCH } from '../store/predict-slice';
import { selectBackendConfig } from '../store/selectors';
import { saveBlob } from '../ui/save-file';
import { ensureSession } from './model-session';
import type { PredictDeps, PredictRuntime } from './predict-actions';
import { buildDownload } from './batch-download';
import { createWorkerPartSink } from '../workers/part-sink';
import { pacer, tick } from '../../core/scoring/tick';

export interface BatchActions {
  /** Reads a CSV or JSON file's columns, reports any mismatch, and starts scoring when they match. */
  chooseBatchFile(id: string, file: File, evaluation?: boolean): Promise<void>;
  /** Uses the suggested column for each misnamed feature, then starts. */
  acceptSuggestedColumns(id: string): Promise<void>;
  /** Scores the package's own evaluation set and compares with its recorded metrics. */
  checkClaimedMetrics(id: string): Promise<void>;
  cancelBatch(id: string): void;
  clearBatch(id: string): void;
  /** `outputs`: every raw output joined over the scored rows, in the Run tab's format, plus metrics when the file had labels. */
  downloadBatch(id: string, format: 'csv' | 'json' | 'outputs'): Promise<void>;
  /** Stops building a CSV or JSON download; nothing is saved. */
  cancelDownload(id: string): void;
}

interface BatchDeps extends PredictDeps {
  readonly runtime: () => Promise<PredictRuntime>;
  readonly modelOf: (id: string) => ReadyModel | undefined;
}

/** Where the rows of a batch come from: a CSV file (streamed) or a JSON body (already in memory). */
type Source = { readonly kind: 'csv'; readonly file: Blob } | { readonly kind: 'table'; readonly table: BatchTable };

const safeName = (name: string): string => name.replace(/[^\w.-]+/g, '_');
const rowsOf = (chunks: readonly ScoredChunk[]): number => chunks.reduce((n, c) => n + c.count, 0);

/** The file's columns (and, for JSON, its rows): what the column match and the scoring read. */
async function readColumns(rt: PredictRuntime, model: ReadyModel, file: File): Promise<Result<{ source: Source; header: string[]; form: BatchTable['form'] }>> {
  const json = /\.json$/i.test(file.name) || (!/\.csv$/i.test(file.name) && /^\s*[[{]/.test(await file.slice(0, 64).text()));
  if (json) {
    // Bounded (size, nesting) and located: a hostile body is refused with where, never a stack overflow.
    const doc = rt.parseBatchJson(file.name, await file.text());
    if (!doc.ok) return doc;
    const table = rt.tableFromJson(doc.value, model.facts.signature);
    if (!table.ok) return fail({ ...table.error, message: `${file.name}: ${table.error.message}` });
    return ok({ source: { kind: 'table', table: table.value }, header: [...table.value.columns], form: table.value.form });
  }
  // The header from the file's first bytes only: the rows are streamed later.
  const header = await rt.csvHeader(file);
  if (!header.ok) return fail({ ...header.error, message: `${file.name}: ${header.error.message}` });
  if (header.value.length === 0) return fail(engineError('bad-input', `${file.name} is empty.`, 'A CSV batch needs a header row naming the columns, then one row per example.'));
  return ok({ source: { kind: 'csv', file }, header: header.value, form: 'csv' });
}

/** The batch actions' own memory: each model's chosen source, and the run in progress. */
interface BatchContext extends BatchDeps {
  readonly sources: Map<string, Source>;
  readonly controls: Map<string, { cancelled: boolean }>;
  /** Downloads being built, by model. */
  readonly downloads: Map<string, { cancelled: boolean }>;
}

/** Scores the chosen file through the one pipeline; the chunks are appended to the batch state as they come. */
async function score(ctx: BatchContext, id: string): Promise<void> {
  const { store, client, lifecycle, modelOf, sources, controls } = ctx;
  const { getState } = store;
  const model = modelOf(id);
  const s = getState().predict[id];
  const source = sources.get(id);
  const match = s?.batch.match;
  if (!model || !s || !source || !match?.runnable) return;
  const config = selectBackendConfig(getState());
  const control = { cancelled: false };
  controls.set(id, control);
  const untrack = lifecycle.track(id, () => (control.cancelled = true));
  const chunks: ScoredChunk[] = [];
  getState().updateBatch(id, { status: 'running', fraction: 0, rowsDone: 0, chunks, summary: null, error: null, elapsedMs: null });
  const started = performance.now();
  const due = pacer();
  const recorded = model.pkg.metadata?.performanceMetrics ?? null;
  const scored = await ensureSession(client, model, config).then((ready) =>
    !ready.ok
      ? ready
      : client.scoreTable(config, {
          request: {
            jobId: `batch-${id}-${started}`,
            sessionId: id,
            source: source.kind === 'csv' ? { kind: 'csv', file: source.file } : { kind: 'rows' },
            signature: model.facts.signature,
            plan: model.facts.plan,
            match: { indices: match.indices, labelIndex: match.labelIndex },
            softmax: s.softmax,
            recorded: recorded && Object.keys(recorded).length > 0 ? recorded : null,
          },
          rows: source.kind === 'table' ? source.table.rows : undefined,
          isCancelled: () => control.cancelled,
          onChunks: ({ chunks: scoredChunks, progress }) => {
            for (const chunk of scoredChunks) chunks.push(chunk);
            if (due()) getState().updateBatch(id, { rowsDone: progress.rowsDone, fraction: progress.fraction });
          },
        }),
  );
  controls.delete(id);
  untrack();
  const elapsedMs = performance.now() - started;
  if (!scored.ok && !control.cancelled) {
    getState().notify(scored.error);
    getState().updateBatch(id, { status: 'failed', error: scored.error.message, elapsedMs, chunks: [...chunks], rowsDone: rowsOf(chunks) });
    return;
  }
  if (!scored.ok) return getState().updateBatch(id, { status: 'cancelled', elapsedMs, chunks: [...chunks], rowsDone: rowsOf(chunks) });
  const { cancelled, summary } = scored.value;
  // Two steps, so that the table and the metrics each take a short task of their own.
  await tick();
  if (!getState().predict[id]) return;
  getState().updateBatch(id, (b) => ({ status: cancelled ? 'cancelled' : 'done', fraction: cancelled ? b.fraction : 1, elapsedMs, chunks: [...chunks], rowsDone: scored.value.rows }));
  await tick();
  if (!getState().predict[id]) return;
  getState().updateBatch(id, { summary });
}

/** Offers the scored rows as CSV, JSON, or the Run tab's outputs document. */
async function downloadBatch(ctx: BatchContext, id: string, format: 'csv' | 'json' | 'outputs'): Promise<void> {
  const { store, runtime, modelOf } = ctx;
  const { getState } = store;
  const rt = await runtime();
  const model = modelOf(id);
  const s = getState().predict[id];
  if (!model || !s || s.batch.chunks.length === 0 || s.batch.download) return;
  const columns = { features: model.facts.signature.features.map((f) => f.name), labelColumn: s.batch.match?.labelColumn ?? null };
  const { chunks } = s.batch;
  let pieces: Iterable<ExportPiece>;
  try {
    pieces = format === 'csv' ? rt.batchCsvPieces(chunks, columns) : format === 'json' ? rt.batchJsonPieces(chunks, columns) : rt.batchOutputsPieces(chunks, s.batch.summary, columns.labelColumn);
  } catch (thrown) {
    getState().notify(engineError('bad-input', `The outputs cannot be written as one document: ${describeThrown(thrown)}.`, 'Download the predictions as CSV or JSON instead.'));
    return;
  }
  const total = rowsOf(chunks);
  const control = { cancelled: false };
  ctx.downloads.set(id, control);
  const untrack = ctx.lifecycle.track(id, () => (control.cancelled = true));
  getState().updateBatch(id, { download: { format, fraction: 0 } });
  const blob = await buildDownload(
    pieces,
    format === 'csv' ? 'text/csv' : 'application/json',
    {
      isCancelled: () => control.cancelled,
      onProgress: (rowsDone) => getState().updateBatch(id, { download: { format, fraction: total > 0 ? rowsDone / total : 1 } }),
    },
    { sink: createWorkerPartSink() },
  ).catch((thrown: unknown) => {
    getState().notify(engineError('bad-input', `The file could not be built: ${describeThrown(thrown)}.`, 'Nothing was saved. Close other tabs to free memory, or download fewer rows (CSV is the smallest form).'));
    return null;
  });
  ctx.downloads.delete(id);
  untrack();
  if (getState().predict[id]) getState().updateBatch(id, { download: null });
  if (blob) saveBlob(`${safeName(model.pkg.name)}-${format === 'outputs' ? 'outputs.json' : `predictions.${format}`}`, blob);
}

export function createBatchActions(deps: BatchDeps): BatchActions {
  const { store, runtime, modelOf, lifecycle } = deps;
  const { getState } = store;
  const ctx: BatchContext = { ...deps, sources: new Map(), controls: new Map(), downloads: new Map() };
  const { sources, controls } = ctx;
  lifecycle.onClose((id) => sources.delete(id));

  const actions: BatchActions = {
    async chooseBatchFile(id, file, evaluation = false) {
      if (controls.has(id)) return;
      const rt = await runtime();
      const model = modelOf(id);
      if (!model || !getState().predict[id]) return;
      getState().updateBatch(id, { ...IDLE_BATCH, status: 'reading', fileName: file.name, fileBytes: file.size, evaluation });
      const read = await readColumns(rt, model, file);
      if (!read.ok) {
        getState().notify(read.error);
        getState().updateBatch(id, { status: 'failed', error: read.error.message });
        return;
      }
      sources.set(id, read.value.source);
      const match = rt.matchColumns(read.value.header, model.facts.signature, { targetColumn: model.pkg.metadata?.targetColumn });
      getState().updateBatch(id, { header: read.value.header, form: read.value.form, match, status: match.runnable ? 'ready' : 'mismatch' });
      if (match.runnable) await score(ctx, id);
    },
    async acceptSuggestedColumns(id) {
      const rt = await runtime();
      const model = modelOf(id);
      const s = getState().predict[id];
      if (!model || !s?.batch.match) return;
      const renames = { ...s.batch.renames, ...Object.fromEntries(s.batch.match.misnamed.map((m) => [m.column, m.feature])) };
      const match = rt.matchColumns(s.batch.header, model.facts.signature, { targetColumn: model.pkg.metadata?.targetColumn, renames });
      getState().updateBatch(id, { renames, match, status: match.runnable ? 'ready' : 'mismatch' });
      if (match.runnable) await score(ctx, id);
    },
    async checkClaimedMetrics(id) {
      const file = modelOf(id)?.facts.evaluation;
      if (!file) return;
      await actions.chooseBatchFile(id, new File([file.bytes.slice()], file.path.split('/').pop() ?? file.path, { type: 'text/csv' }), true);
    },
    cancelBatch(id) {
      const control = controls.get(id);
      if (control) control.cancelled = true;
    },
    clearBatch(id) {
      if (controls.has(id)) return;
      sources.delete(id);
      getState().updateBatch(id, IDLE_BATCH);
    },
    downloadBatch: (id, format) => downloadBatch(ctx, id, format),
    cancelDownload(id) {
      const control = ctx.downloads.get(id);
      if (control) control.cancelled = true;
    },
  };
  return actions;
}
