import type { Parser } from 'papaparse';
import type { BackendConfig } from '../../core/protocol/engine-api';
import { describeThrown, engineError, type EngineError, type Result } from '../../core/protocol/engine-error';
import type { PackageFile } from '../../core/package/model-package';
import type { ScoredChunk } from '../../core/schema/batch-chunk';
import type { BatchTable } from '../../core/schema/batch-json';
import type { RowValidator } from '../../core/schema/validate-row';
import type { EngineClient } from '../engine/engine-client';
import type { AppStore } from '../store/app-store';
import type { OpenModel } from '../store/models-slice';
import { IDLE_BATCH } from '../store/predict-slice';
import { selectBackendConfig } from '../store/selectors';
import type { PredictRuntime } from './predict-actions';

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
}

interface Deps {
  readonly store: AppStore;
  readonly client: EngineClient;
  readonly runtime: () => Promise<PredictRuntime>;
  readonly ensureSession: (model: OpenModel, config: BackendConfig) => Promise<Result<null>>;
  readonly evaluationFile: (model: OpenModel) => PackageFile | undefined;
  /** The model's compiled validator (compiled once, when its Predict tab opened). */
  readonly validatorOf: (id: string) => RowValidator | undefined;
}

type Source = { readonly kind: 'csv'; readonly file: File } | { readonly kind: 'table'; readonly table: BatchTable };

/** Bytes papaparse reads per step: small enough that parsing one never blocks the page for long. */
const CSV_CHUNK_BYTES = 32 * 1024;
/** Feature values checked and packed per engine call at most, to keep each main-thread step short. */
const CELLS_PER_CHUNK = 4_096;

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function saveParts(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function createBatchActions({ store, client, runtime, ensureSession, evaluationFile, validatorOf }: Deps): BatchActions {
  const { getState } = store;
  const sources = new Map<string, Source>();
  const controls = new Map<string, { cancelled: boolean; parser: Parser | null }>();
  const modelOf = (id: string): OpenModel | undefined => getState().models.find((m) => m.id === id);

  async function readColumns(rt: PredictRuntime, id: string, file: File): Promise<{ source: Source; header: string[]; form: BatchTable['form'] } | EngineError> {
    const s = getState().predict[id]!;
    const json = /\.json$/i.test(file.name) || (!/\.csv$/i.test(file.name) && /^\s*[[{]/.test(await file.slice(0, 64).text()));
    if (json) {
      const doc = rt.parseBatchJson(file.name, await file.text());
      if (!doc.ok) return doc.error;
      const table = rt.tableFromJson(doc.value, s.signature);
      if (!table.ok) return { ...table.error, message: `${file.name}: ${table.error.message}` };
      return { source: { kind: 'table', table: table.value }, header: [...table.value.columns], form: table.value.form };
    }
    // The header from the file's first bytes only: the rows are streamed later.
    const header = await file
      .slice(0, CSV_CHUNK_BYTES)
      .text()
      .then((head) => rt.Papa.parse<string[]>(head, { preview: 1 }).data[0] ?? [])
      .catch((thrown: unknown) => engineError('bad-input', `${file.name} could not be read as CSV (${describeThrown(thrown)}).`, 'Save it as comma-separated text with a header row.'));
    if (!Array.isArray(header)) return header;
    if (header.length === 0) return engineError('bad-input', `${file.name} is empty.`, 'A CSV batch needs a header row naming the columns, then one row per example.');
    return { source: { kind: 'csv', file }, header, form: 'csv' };
  }

  /** Streams the source's rows (cells of each row) to `onRows`, which may take its time; reports the fraction read. */
  async function streamRows(rt: PredictRuntime, id: string, source: Source, onRows: (rows: unknown[][], read: number) => Promise<void>): Promise<void> {
    const control = controls.get(id)!;
    if (source.kind === 'table') {
      const { rows } = source.table;
      for (let i = 0; i < rows.length && !control.cancelled; i += 5000) {
        await onRows(rows.slice(i, i + 5000) as unknown[][], Math.min(1, (i + 5000) / rows.length));
        await tick();
      }
      return;
    }
    const size = source.file.size || 1;
    let first = true;
    await new Promise<void>((resolve, reject) => {
      rt.Papa.parse<string[]>(source.file, {
        chunkSize: CSV_CHUNK_BYTES,
        skipEmptyLines: rt.CSV_SKIP_EMPTY_LINES,
        chunk: (results, parser) => {
          control.parser = parser;
          parser.pause();
          const rows = first ? results.data.slice(1) : results.data;
          first = false;
          onRows(rows, Math.min(1, results.meta.cursor / size)).then(
            () => (control.cancelled ? parser.abort() : parser.resume()),
            (thrown: unknown) => {
              parser.abort();
              reject(thrown);
            },
          );
        },
        complete: () => resolve(),
        error: (e) => reject(e),
      });
    });
  }

  async function score(id: string): Promise<void> {
    const rt = await runtime();
    const model = modelOf(id);
    const s = getState().predict[id];
    const source = sources.get(id);
    const match = s?.batch.match;
    if (!model || !s || !source || !match?.runnable) return;
    const config = selectBackendConfig(getState());
    const control = { cancelled: false, parser: null as Parser | null };
    controls.set(id, control);
    const started = performance.now();
    getState().updateBatch(id, { status: 'running', fraction: 0, rowsDone: 0, chunks: [], summary: null, error: null, elapsedMs: null });
    const ready = await ensureSession(model, config);
    if (!ready.ok) {
      getState().notify(ready.error);
      getState().updateBatch(id, { status: 'failed', error: ready.error.message });
      return;
    }
    const validator = validatorOf(id) ?? rt.createRowValidator(s.signature);
    const limit = Math.max(1, Math.floor(CELLS_PER_CHUNK / Math.max(1, s.signature.features.length)));
    // A model with a fixed batch size takes exactly that many rows per call.
    const batchDim = s.signature.inputs[0]?.shape?.[0];
    const fixed = typeof batchDim === 'number' && batchDim > 0 ? batchDim : null;
    let chunkRows = fixed ?? Math.min(256, limit);
    const chunks: ScoredChunk[] = [];
    const tally = rt.createBatchTally();
    let rowsDone = 0;
    let rowsRead = 0;
    let readFraction = 0;
    const queue: unknown[][] = [];
    const drain = async (final: boolean): Promise<void> => {
      while (!control.cancelled && (queue.length >= chunkRows || (final && queue.length > 0))) {
        const rows = queue.splice(0, chunkRows);
        const cells = rows.map((row) => match.indices.map((i) => row[i]));
        const truth = match.labelIndex === null ? null : rows.map((row) => String(row[match.labelIndex!] ?? ''));
        const prepared = rt.prepareChunk(s.signature, validator, rowsDone, cells, truth);
        let outputs = null;
        if (prepared.feeds) {
          const result = await client.run(config, id, prepared.feeds);
          if (!result.ok) throw result.error;
          outputs = result.value.outputs;
          if (!fixed) chunkRows = rt.nextChunkRows(chunkRows, result.value.runMs, 120, limit);
        }
        const chunk = rt.finishChunk(prepared, s.plan, outputs, { softmax: s.softmax });
        chunks.push(chunk);
        tally.add(chunk);
        rowsDone += chunk.count;
        const fraction = rowsRead > 0 ? readFraction * (rowsDone / rowsRead) : 0;
        getState().updateBatch(id, { chunks: [...chunks], rowsDone, fraction });
      }
    };
    try {
      await streamRows(rt, id, source, async (rows, read) => {
        queue.push(...rows);
        rowsRead += rows.length;
        readFraction = read;
        await drain(false);
      });
      await drain(true);
    } catch (thrown) {
      const error = typeof thrown === 'object' && thrown !== null && 'code' in thrown ? (thrown as EngineError) : engineError('bad-input', `Reading the batch failed: ${describeThrown(thrown)}.`, 'Check that the file is a well-formed CSV or JSON batch.');
      getState().notify(error);
      getState().updateBatch(id, { status: 'failed', error: error.message, elapsedMs: performance.now() - started });
      return;
    } finally {
      controls.delete(id);
    }
    const recorded = model.pkg.metadata?.performanceMetrics ?? null;
    const elapsedMs = performance.now() - started;
    // Two steps, so that the table and the metrics each render in a short task of their own.
    getState().updateBatch(id, { status: control.cancelled ? 'cancelled' : 'done', fraction: control.cancelled ? getState().predict[id]!.batch.fraction : 1, elapsedMs });
    await tick();
    getState().updateBatch(id, { summary: tally.summary(recorded && Object.keys(recorded).length > 0 ? recorded : null) });
  }

  const actions: BatchActions = {
    async chooseBatchFile(id, file, evaluation = false) {
      if (controls.has(id)) return;
      const rt = await runtime();
      const model = modelOf(id);
      const s = getState().predict[id];
      if (!model || !s) return;
      getState().updateBatch(id, { ...IDLE_BATCH, status: 'reading', fileName: file.name, fileBytes: file.size, evaluation });
      const read = await readColumns(rt, id, file);
      if ('code' in read) {
        getState().notify(read);
        getState().updateBatch(id, { status: 'failed', error: read.message });
        return;
      }
      sources.set(id, read.source);
      const match = rt.matchColumns(read.header, s.signature, { targetColumn: model.pkg.metadata?.targetColumn });
      getState().updateBatch(id, { header: read.header, form: read.form, match, status: match.runnable ? 'ready' : 'mismatch' });
      if (match.runnable) await score(id);
    },
    async acceptSuggestedColumns(id) {
      const rt = await runtime();
      const model = modelOf(id);
      const s = getState().predict[id];
      if (!model || !s?.batch.match) return;
      const renames = { ...s.batch.renames, ...Object.fromEntries(s.batch.match.misnamed.map((m) => [m.column, m.feature])) };
      const match = rt.matchColumns(s.batch.header, s.signature, { targetColumn: model.pkg.metadata?.targetColumn, renames });
      getState().updateBatch(id, { renames, match, status: match.runnable ? 'ready' : 'mismatch' });
      if (match.runnable) await score(id);
    },
    async checkClaimedMetrics(id) {
      const model = modelOf(id);
      const file = model ? evaluationFile(model) : undefined;
      if (!model || !file) return;
      await actions.chooseBatchFile(id, new File([file.bytes.slice()], file.path.split('/').pop() ?? file.path, { type: 'text/csv' }), true);
    },
    cancelBatch(id) {
      const control = controls.get(id);
      if (!control) return;
      control.cancelled = true;
    },
    clearBatch(id) {
      if (controls.has(id)) return;
      sources.delete(id);
      getState().updateBatch(id, IDLE_BATCH);
    },
    async downloadBatch(id, format) {
      const rt = await runtime();
      const model = modelOf(id);
      const s = getState().predict[id];
      if (!model || !s || s.batch.chunks.length === 0) return;
      const columns = { features: s.signature.features.map((f) => f.name), labelColumn: s.batch.match?.labelColumn ?? null };
      const base = `${model.pkg.name.replace(/[^\w.-]+/g, '_')}-predictions`;
      if (format === 'outputs') {
        let doc;
        try {
          doc = rt.batchOutputsDocument(s.batch.chunks, s.batch.summary, columns.labelColumn);
        } catch (thrown) {
          getState().notify(engineError('bad-input', `The outputs cannot be written as one document: ${describeThrown(thrown)}.`, 'Download the predictions as CSV or JSON instead.'));
          return;
        }
        saveParts(`${model.pkg.name.replace(/[^\w.-]+/g, '_')}-outputs.json`, [JSON.stringify(doc, null, 2), '\n'], 'application/json');
        return;
      }
      if (format === 'csv') {
        // Built a few chunks at a time, yielding in between, so that a large batch never freezes the page.
        const parts: string[] = [];
        const chunks = s.batch.chunks;
        for (let i = 0; i < chunks.length; i += 4) {
          const group = rt.batchCsvParts(chunks.slice(i, i + 4), columns);
          parts.push(...(i === 0 ? group : group.slice(1)));
          await tick();
        }
        saveParts(`${base}.csv`, parts, 'text/csv');
      } else {
        saveParts(`${base}.json`, rt.batchJsonParts(s.batch.chunks, columns), 'application/json');
      }
    },
  };
  return actions;
}
