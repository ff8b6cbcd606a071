import Papa from 'papaparse';
import { describeThrown, engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { CsvDialect } from '../schema/plain-lines';
import { tick } from './tick';

/** Rows read so far, and how far through the source they reach (0–1). */
export interface RowBatch {
  readonly rows: readonly (readonly unknown[])[];
  readonly fraction: number;
}

/** Whole CSV lines with no quote character in them, not yet split (`readPlainLines` reads them). */
export interface LinesBatch {
  readonly lines: string;
  readonly dialect: CsvDialect;
  readonly fraction: number;
}

/** Rows in, a batch at a time: what `scoreTable` reads. A failed read is a value, and ends the source. */
export type RowSource = AsyncIterable<Result<RowBatch>>;
/** What `scoreTable` reads: rows, or (from `csvRows` asked for lines) CSV lines left for it to read. */
export type TableSource = AsyncIterable<Result<RowBatch | LinesBatch>>;

/** Bytes read and parsed per step: small enough that a step never blocks the page for long. */
export const CSV_CHUNK_BYTES = 64 * 1024;
/** Bytes read and parsed at a time to find a header (more are read when it is longer). */
const HEADER_BYTES = 4096;
/** Bytes read from a file at a time, then parsed CSV_CHUNK_BYTES at a time. */
const READ_BYTES = 1024 * 1024;
/** Rows handed on per step from a table already in memory. */
const ROWS_PER_STEP = 5000;

// A blank line is not a row (as in pandas); a line of empty cells (`,,,`) is one, counted and shown as skipped later.
const blankLine = (row: readonly string[]): boolean => row.length === 1 && row[0] === '';

/** The delimiter and line break of a CSV, guessed from its first bytes the way Papa.parse does. */
function dialectOf(text: string): CsvDialect {
  // Papa.parse guesses from ten rows per candidate delimiter but reads all it is given to do so: give it those ten.
  let end = 0;
  for (let lines = 0; lines < 10 && end >= 0; lines++) end = text.indexOf('\n', end + 1);
  const head = end < 0 ? text : text.substring(0, end + 1);
  const meta = Papa.parse<string[]>(head, { preview: 2 }).meta;
  const newline = meta.linebreak === '\r\n' || meta.linebreak === '\r' ? meta.linebreak : '\n';
  return { delimiter: meta.delimiter || ',', newline };
}

/** Two line breaks at least (`\n`, or a `\r` on its own that is not the text's last character). */
function twoLines(text: string): boolean {
  const breaks = /\n|\r(?!\n|$)/g;
  return breaks.exec(text) !== null && breaks.exec(text) !== null;
}

/** The lines after the first one that is not blank (the header). */
function withoutFirstLine(text: string, newline: string): string | null {
  let at = 0;
  while (text.startsWith(newline, at)) at += newline.length;
  const end = text.indexOf(newline, at);
  return end < 0 ? (at < text.length ? '' : null) : text.substring(end + newline.length);
}

interface CsvOptions {
  readonly skipHeader?: boolean;
  /** Bytes decoded and parsed per step. */
  readonly chunkBytes?: number;
  /** Bytes read from the file at a time (at least `chunkBytes`). */
  readonly readBytes?: number;
}

/**
 * The rows of a CSV file, read a slice at a time (never the whole file at once) and parsed
 * with papaparse's own parser; a row cut by a slice boundary is finished with the next
 * slice. Blank lines are left out; rows of empty cells are kept (scoring counts them as skipped). Works on any Blob, in the page and in Node.
 */
export function csvRows(blob: Blob, options: CsvOptions = {}): RowSource {
  return csvParts(blob, options, false) as RowSource;
}

/**
 * The same rows for `scoreTable`, except that a slice holding no quote character is handed on
 * as whole lines, unsplit: the pipeline reads plain numeric lines straight into numbers.
 */
export function csvTable(blob: Blob, options: CsvOptions = {}): TableSource {
  return csvParts(blob, options, true);
}

/**
 * A file's bytes in pieces of at most `step`, read from the Blob `readBytes` at a time with the
 * next read started while this one's pieces are used: each read costs the page about as much
 * however large it is (measured: 64 KB reads took four times longer in all than 1 MB reads).
 */
async function* blobPieces(blob: Blob, step: number, readBytes: number): AsyncGenerator<{ piece: Uint8Array; end: number }> {
  const size = blob.size;
  const read = (start: number): Promise<ArrayBuffer> | null => {
    if (start >= size) return null;
    const reading = blob.slice(start, Math.min(size, start + readBytes)).arrayBuffer();
    // Left unread when the scoring stops early: its failure is nobody's to report.
    reading.catch(() => undefined);
    return reading;
  };
  let next = read(0);
  for (let start = 0; start < size; start += readBytes) {
    const bytes = new Uint8Array(await next!);
    next = read(start + readBytes);
    for (let at = 0; at < bytes.length; at += step) yield { piece: bytes.subarray(at, Math.min(bytes.length, at + step)), end: start + Math.min(bytes.length, at + step) };
  }
}

async function* csvParts(blob: Blob, options: CsvOptions, asLines: boolean): AsyncGenerator<Result<RowBatch | LinesBatch>> {
  const size = blob.size;
  const step = options.chunkBytes ?? CSV_CHUNK_BYTES;
  // TextDecoder drops a leading byte-order mark; `stream` keeps a character split by a slice boundary whole.
  const decoder = new TextDecoder();
  let dialect: CsvDialect | null = null;
  let partial = '';
  let base = 0;
  let skip = options.skipHeader === true;
  const pieces = blobPieces(blob, step, Math.max(step, options.readBytes ?? READ_BYTES));
  for (;;) {
    let text: string;
    let end: number;
    try {
      const next = await pieces.next();
      if (next.done) return;
      end = next.value.end;
      text = decoder.decode(next.value.piece, { stream: end < size });
    } catch (thrown) {
      yield fail(engineError('bad-input', `The file could not be read (${describeThrown(thrown)}).`, 'Check that it is a CSV text file, then choose it again.'));
      return;
    }
    const last = end >= size;
    const fraction = size > 0 ? end / size : 1;
    const aggregate = partial + text;
    if (!dialect) {
      // Guess from two whole lines at least (or the whole file), never from a sliver.
      if (!last && !twoLines(aggregate)) {
        partial = aggregate;
        continue;
      }
      dialect = dialectOf(aggregate);
    }
    if (asLines && !aggregate.includes('"')) {
      // No quote: a line is a row, and the last whole line ends at the last line break.
      const lineEnd = aggregate.lastIndexOf(dialect.newline);
      const cut = last ? aggregate.length : lineEnd < 0 ? 0 : lineEnd + dialect.newline.length;
      let lines = aggregate.substring(0, cut);
      partial = aggregate.substring(cut);
      base += cut;
      if (skip) {
        const rest = withoutFirstLine(lines, dialect.newline);
        if (rest === null) continue;
        lines = rest;
        skip = false;
      }
      yield ok({ lines, dialect, fraction });
      continue;
    }
    const parsed = new Papa.Parser({ ...dialect }).parse(aggregate, base, !last) as Papa.ParseResult<string[]>;
    const cursor = parsed.meta.cursor;
    partial = last ? '' : aggregate.substring(cursor - base);
    base = cursor;
    let rows = parsed.data.filter((row) => !blankLine(row));
    if (skip && rows.length > 0) {
      rows = rows.slice(1);
      skip = false;
    }
    yield ok({ rows, fraction });
  }
}

/** The first row of a CSV (its header), from the file's first bytes only. */
export async function csvHeader(blob: Blob): Promise<Result<string[]>> {
  // Only the first bytes are read: a header is short.
  for await (const batch of csvRows(blob, { chunkBytes: HEADER_BYTES, readBytes: HEADER_BYTES })) {
    if (!batch.ok) return batch;
    if (batch.value.rows.length > 0) return ok(batch.value.rows[0] as string[]);
  }
  return ok([]);
}

/** A whole CSV in memory, as a header and rows of cells (read a slice at a time, so the page stays responsive). */
export async function readCsvTable(blob: Blob, name: string): Promise<Result<{ header: string[]; rows: string[][] }>> {
  const all: string[][] = [];
  for await (const batch of csvRows(blob)) {
    if (!batch.ok) return batch;
    for (const row of batch.value.rows) all.push(row as string[]);
  }
  const [header, ...rows] = all;
  if (!header || header.length === 0) return fail(engineError('bad-input', `${name} is empty.`, 'A CSV needs a header row naming the columns, then one row per example.'));
  return ok({ header, rows });
}

/** Rows already in memory (a JSON batch, a CSV read whole), handed on a step at a time with a turn for the page in between. */
export async function* arrayRows(rows: readonly (readonly unknown[])[]): RowSource {
  for (let i = 0; i < rows.length; i += ROWS_PER_STEP) {
    if (i > 0) await tick();
    yield ok({ rows: rows.slice(i, i + ROWS_PER_STEP), fraction: Math.min(1, (i + ROWS_PER_STEP) / rows.length) });
  }
}

/** Rows in memory, handed out a batch per call (null at the end): what the engine's worker pulls across the boundary. */
export function rowPuller(rows: readonly (readonly unknown[])[]): () => Promise<RowBatch | null> {
  const batches = arrayRows(rows)[Symbol.asyncIterator]();
  return async () => {
    const next = await batches.next();
    return next.done || !next.value.ok ? null : next.value.value;
  };
}
