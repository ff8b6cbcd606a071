import type { ScoredChunk } from './batch-chunk';
import { ROW_SKIPPED, ROW_WARNING, rowValues } from './batch-chunk';

export interface ExportColumns {
  readonly features: readonly string[];
  readonly labelColumn: string | null;
}

/** A piece of an exported file, and how many rows of the batch are written once it is. */
export interface ExportPiece {
  readonly text: string;
  readonly rowsDone: number;
}

/**
 * Cells per piece: each piece is a bounded amount of work (a few milliseconds), so that the
 * page can build a file of a million rows a piece at a time, yielding in between, whatever
 * the width of a row (a thousand class scores, say).
 */
export const CELLS_PER_PIECE = 16_384;

const STATUS = ['ok', 'warning', 'not scored'];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function predictionHeader(chunks: readonly ScoredChunk[]): string[] {
  const p = chunks.find((c) => c.predictions.kind !== 'tensors')?.predictions;
  if (!p) return ['status', 'note'];
  if (p.kind === 'regression') return ['prediction', 'status', 'note'];
  const scoreName = p.scoreKind === 'logits' ? 'logit' : 'probability';
  return ['prediction', 'confidence', ...(p.scores ? p.classes.map((c) => `${scoreName}_${c}`) : []), 'status', 'note'];
}

/** Row ranges `[chunk, from, to)` of at most about `CELLS_PER_PIECE` cells, in order, with the rows done after each. */
function* rowBlocks(chunks: readonly ScoredChunk[], columns: ExportColumns, cellsPerPiece: number): Generator<{ chunk: ScoredChunk; from: number; to: number; rowsDone: number }> {
  let rowsDone = 0;
  for (const chunk of chunks) {
    const width = columns.features.length + 4 + (chunk.predictions.scores ? chunk.predictions.classes.length : 0);
    const step = Math.max(1, Math.floor(cellsPerPiece / width));
    for (let from = 0; from < chunk.count; from += step) {
      const to = Math.min(chunk.count, from + step);
      rowsDone += to - from;
      yield { chunk, from, to, rowsDone };
    }
  }
}

/** The scored batch as CSV, a piece at a time (the header first). */
export function* batchCsvPieces(chunks: readonly ScoredChunk[], columns: ExportColumns, cellsPerPiece = CELLS_PER_PIECE): Generator<ExportPiece> {
  const header = [...columns.features, ...(columns.labelColumn ? [columns.labelColumn] : []), ...predictionHeader(chunks)];
  yield { text: header.map(csvCell).join(',') + '\n', rowsDone: 0 };
  for (const { chunk, from, to, rowsDone } of rowBlocks(chunks, columns, cellsPerPiece)) {
    const lines: string[] = [];
    const p = chunk.predictions;
    const width = p.scores ? p.classes.length : 0;
    for (let i = from; i < to; i++) {
      const cells: unknown[] = [...rowValues(chunk.values, i)];
      if (columns.labelColumn) cells.push(chunk.truth?.[i] ?? '');
      const scored = chunk.status[i] !== ROW_SKIPPED;
      if (p.kind === 'regression') cells.push(scored ? p.values![i] : '');
      else if (p.kind === 'classification') {
        cells.push(scored ? p.className[i] : '', scored ? p.confidence[i] : '');
        for (let c = 0; c < width; c++) cells.push(scored ? p.scores![i * width + c] : '');
      }
      cells.push(STATUS[chunk.status[i]!], chunk.notes.get(i) ?? '');
      lines.push(cells.map(csvCell).join(','));
    }
    yield { text: lines.join('\n') + '\n', rowsDone };
  }
}

/** One row of the JSON export. */
function jsonRecord(chunk: ScoredChunk, i: number, columns: ExportColumns): string {
  const p = chunk.predictions;
  const width = p.scores ? p.classes.length : 0;
  const record: Record<string, unknown> = { row: chunk.start + i + 1 };
  const values = rowValues(chunk.values, i);
  columns.features.forEach((f, k) => (record[f] = values[k] ?? null));
  if (columns.labelColumn) record[columns.labelColumn] = chunk.truth?.[i] ?? null;
  const scored = chunk.status[i] !== ROW_SKIPPED;
  if (scored && p.kind === 'regression') record.prediction = p.values![i];
  if (scored && p.kind === 'classification') {
    record.prediction = p.className[i];
    record.class_index = p.classIndex[i];
    if (Number.isFinite(p.confidence[i])) record.confidence = p.confidence[i];
    if (p.scores) record[p.scoreKind === 'logits' ? 'logits' : 'probabilities'] = Object.fromEntries(p.classes.map((c, k) => [c, p.scores![i * width + k]]));
  }
  record.status = chunk.status[i] === ROW_WARNING ? 'warning' : chunk.status[i] === ROW_SKIPPED ? 'not scored' : 'ok';
  const note = chunk.notes.get(i);
  if (note) record.note = note;
  return JSON.stringify(record);
}

/** The scored batch as a JSON array of records, a piece at a time. */
export function* batchJsonPieces(chunks: readonly ScoredChunk[], columns: ExportColumns, cellsPerPiece = CELLS_PER_PIECE): Generator<ExportPiece> {
  yield { text: '[', rowsDone: 0 };
  let first = true;
  let rows = 0;
  for (const { chunk, from, to, rowsDone } of rowBlocks(chunks, columns, cellsPerPiece)) {
    const records: string[] = [];
    for (let i = from; i < to; i++) records.push(jsonRecord(chunk, i, columns));
    yield { text: (first ? '\n' : ',\n') + records.join(',\n'), rowsDone };
    first = false;
    rows = rowsDone;
  }
  yield { text: '\n]\n', rowsDone: rows };
}
