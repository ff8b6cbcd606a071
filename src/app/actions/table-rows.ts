import Papa from 'papaparse';
import { describeThrown, engineError, fail, ok, type Result } from '../../core/protocol/engine-error';
import { tick } from './tick';

/** Rows read so far, and how far through the source they reach (0–1). */
export interface RowBatch {
  readonly rows: readonly (readonly unknown[])[];
  readonly fraction: number;
}

/** Rows in, a batch at a time: what `scoreTable` reads. A failed read is a value, and ends the source. */
export type RowSource = AsyncIterable<Result<RowBatch>>;

/** Bytes read and parsed per step: small enough that a step never blocks the page for long. */
export const CSV_CHUNK_BYTES = 64 * 1024;
/** Rows handed on per step from a table already in memory. */
const ROWS_PER_STEP = 5000;

// A blank line is not a row (as in pandas); a line of empty cells (`,,,`) is one, counted and shown as skipped later.
const blankLine = (row: readonly string[]): boolean => row.length === 1 && row[0] === '';

/** The delimiter and line break of a CSV, guessed from its first bytes the way Papa.parse does. */
function dialectOf(head: string): { delimiter: string; newline: '\n' | '\r' | '\r\n' } {
  const meta = Papa.parse<string[]>(head, { preview: 2 }).meta;
  const newline = meta.linebreak === '\r\n' || meta.linebreak === '\r' ? meta.linebreak : '\n';
  return { delimiter: meta.delimiter || ',', newline };
}

/**
 * The rows of a CSV file, read a slice at a time (never the whole file at once) and parsed
 * with papaparse's own parser; a row cut by a slice boundary is finished with the next
 * slice. Blank lines are left out; rows of empty cells are kept (scoring counts them as skipped). Works on any Blob, in the page and in Node.
 */
export async function* csvRows(blob: Blob, options: { readonly skipHeader?: boolean; readonly chunkBytes?: number } = {}): RowSource {
  const size = blob.size;
  const step = options.chunkBytes ?? CSV_CHUNK_BYTES;
  // TextDecoder drops a leading byte-order mark; `stream` keeps a character split by a slice boundary whole.
  const decoder = new TextDecoder();
  let dialect: ReturnType<typeof dialectOf> | null = null;
  let partial = '';
  let base = 0;
  let skip = options.skipHeader === true;
  // The next slice is read while the rows of this one are scored: a read takes milliseconds of waiting, not of work.
  const read = (start: number): Promise<ArrayBuffer> | null => {
    if (start >= size) return null;
    const reading = blob.slice(start, Math.min(size, start + step)).arrayBuffer();
    // Left unread when the scoring stops early: its failure is nobody's to report.
    reading.catch(() => undefined);
    return reading;
  };
  let next = read(0);
  for (let start = 0; start < size; start += step) {
    const end = Math.min(size, start + step);
    const last = end >= size;
    let text: string;
    try {
      const bytes = await next!;
      next = read(end);
      text = decoder.decode(new Uint8Array(bytes), { stream: !last });
    } catch (thrown) {
      yield fail(engineError('bad-input', `The file could not be read (${describeThrown(thrown)}).`, 'Check that it is a CSV text file, then choose it again.'));
      return;
    }
    const aggregate = partial + text;
    if (!dialect) {
      // Guess from two whole lines at least (or the whole file), never from a sliver.
      if (!last && (aggregate.match(/\n|\r(?!\n|$)/g)?.length ?? 0) < 2) {
        partial = aggregate;
        continue;
      }
      dialect = dialectOf(aggregate);
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
    yield ok({ rows, fraction: size > 0 ? end / size : 1 });
  }
}

/** The first row of a CSV (its header), from the file's first bytes only. */
export async function csvHeader(blob: Blob): Promise<Result<string[]>> {
  for await (const batch of csvRows(blob)) {
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
