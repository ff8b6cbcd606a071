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

/** The predictions that name the app's columns (the first chunk that has any). */
const predictionsOf = (chunks: readonly ScoredChunk[]) => chunks.find((c) => c.predictions.kind !== 'tensors')?.predictions;

function predictionHeader(chunks: readonly ScoredChunk[]): string[] {
  const p = predictionsOf(chunks);
  if (!p) return ['status', 'note'];
  if (p.kind === 'regression') return ['prediction', 'status', 'note'];
  const scoreName = p.scoreKind === 'logits' ? 'logit' : 'probability';
  // With logits, the predicted class's score is its logit, not a confidence.
  return ['prediction', p.scoreKind === 'logits' ? 'logit' : 'confidence', ...(p.scores ? p.classes.map((c) => `${scoreName}_${c}`) : []), 'status', 'note'];
}

/** The keys of a JSON record the app writes, beside the user's columns. */
function jsonKeys(chunks: readonly ScoredChunk[]): string[] {
  const p = predictionsOf(chunks);
  if (!p) return ['row', 'status', 'note'];
  if (p.kind === 'regression') return ['row', 'prediction', 'status', 'note'];
  return ['row', 'prediction', 'class_index', p.scoreKind === 'logits' ? 'logit' : 'confidence', ...(p.scores ? [p.scoreKind === 'logits' ? 'logits' : 'probabilities'] : []), 'status', 'note'];
}

/** What the app's own columns are prefixed with when a user column would otherwise share a name with one. */
export const APP_COLUMN_PREFIX = 'scored_';

/**
 * The prefix of the app's own columns in both downloads: none in the usual case; `scored_` (repeated
 * until nothing collides) on every one of them, in the CSV and the JSON alike, as soon as a feature
 * or label column is named like any of them (`status`, `prediction`, `probability_setosa`, `row`, …),
 * so that the user's values keep their own names and are never overwritten or doubled.
 */
export function appColumnPrefix(chunks: readonly ScoredChunk[], columns: ExportColumns): string {
  const user = new Set([...columns.features, ...(columns.labelColumn !== null ? [columns.labelColumn] : [])]);
  const app = [...predictionHeader(chunks), ...jsonKeys(chunks)];
  let prefix = '';
  while (app.some((name) => user.has(prefix + name))) prefix += APP_COLUMN_PREFIX;
  return prefix;
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
  const prefix = appColumnPrefix(chunks, columns);
  const header = [...columns.features, ...(columns.labelColumn ? [columns.labelColumn] : []), ...predictionHeader(chunks).map((name) => prefix + name)];
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

const APP_KEYS = ['row', 'prediction', 'class_index', 'confidence', 'logit', 'probabilities', 'logits', 'status', 'note'] as const;

/** The JSON keys of a download, quoted once (with their colon) rather than once a row. */
interface JsonKeys {
  readonly app: Readonly<Record<(typeof APP_KEYS)[number], string>>;
  readonly features: readonly string[];
  readonly label: string | null;
}

function quotedKeys(columns: ExportColumns, prefix: string): JsonKeys {
  const quote = (key: string) => `${JSON.stringify(key)}:`;
  return {
    app: Object.fromEntries(APP_KEYS.map((key) => [key, quote(prefix + key)])) as JsonKeys['app'],
    features: columns.features.map(quote),
    label: columns.labelColumn ? quote(columns.labelColumn) : null,
  };
}

/**
 * One row of the JSON export: the app's keys (prefixed, see `appColumnPrefix`) around the user's
 * columns. Written key by key, in order, rather than through an object, where a column named
 * `__proto__` would vanish and one named `0` would move to the front.
 */
function jsonRecord(chunk: ScoredChunk, i: number, keys: JsonKeys): string {
  const p = chunk.predictions;
  const width = p.scores ? p.classes.length : 0;
  const parts: string[] = [keys.app.row + String(chunk.start + i + 1)];
  const json = (value: unknown) => JSON.stringify(value ?? null);
  const values = rowValues(chunk.values, i);
  keys.features.forEach((key, k) => parts.push(key + json(values[k])));
  if (keys.label) parts.push(keys.label + json(chunk.truth?.[i]));
  const scored = chunk.status[i] !== ROW_SKIPPED;
  if (scored && p.kind === 'regression') parts.push(keys.app.prediction + json(p.values![i]));
  if (scored && p.kind === 'classification') {
    parts.push(keys.app.prediction + json(p.className[i]), keys.app.class_index + json(p.classIndex[i]));
    if (Number.isFinite(p.confidence[i])) parts.push((p.scoreKind === 'logits' ? keys.app.logit : keys.app.confidence) + json(p.confidence[i]));
    if (p.scores) parts.push((p.scoreKind === 'logits' ? keys.app.logits : keys.app.probabilities) + json(Object.fromEntries(p.classes.map((c, k) => [c, p.scores![i * width + k]]))));
  }
  parts.push(keys.app.status + json(chunk.status[i] === ROW_WARNING ? 'warning' : chunk.status[i] === ROW_SKIPPED ? 'not scored' : 'ok'));
  const note = chunk.notes.get(i);
  if (note) parts.push(keys.app.note + json(note));
  return `{${parts.join(',')}}`;
}

/** The scored batch as a JSON array of records, a piece at a time. */
export function* batchJsonPieces(chunks: readonly ScoredChunk[], columns: ExportColumns, cellsPerPiece = CELLS_PER_PIECE): Generator<ExportPiece> {
  const keys = quotedKeys(columns, appColumnPrefix(chunks, columns));
  yield { text: '[', rowsDone: 0 };
  let first = true;
  let rows = 0;
  for (const { chunk, from, to, rowsDone } of rowBlocks(chunks, columns, cellsPerPiece)) {
    const records: string[] = [];
    for (let i = from; i < to; i++) records.push(jsonRecord(chunk, i, keys));
    yield { text: (first ? '\n' : ',\n') + records.join(',\n'), rowsDone };
    first = false;
    rows = rowsDone;
  }
  yield { text: '\n]\n', rowsDone: rows };
}
