import type { NumericCheck } from './row-fast-lane';

/** How a CSV's lines are cut: the dialect papaparse guessed from the file's first lines. */
export interface CsvDialect {
  readonly delimiter: string;
  readonly newline: '\n' | '\r' | '\r\n';
}

/** Which cell of a line feeds each feature (-1: none), and which holds the label. */
export interface LineLayout {
  readonly indices: readonly number[];
  readonly labelIndex: number | null;
}

/**
 * Rows read from CSV lines, in file order, ready for `prepareChunk`: a row that passed the quick
 * check has a null entry in `cells` and its feature values in `values` (row after row, `width`
 * each); any other row has its cells in feature order, to be checked in full.
 */
export interface RowBlock {
  readonly count: number;
  readonly cells: readonly (readonly unknown[] | null)[];
  /** `count * width` numbers when any row is plain, else null. */
  readonly values: Float64Array | null;
  readonly truth: readonly string[] | null;
}

/** A row's cells picked in feature order, and its label cell. */
export function pickCells(row: readonly unknown[], layout: LineLayout): readonly unknown[] {
  const { indices } = layout;
  const picked = new Array<unknown>(indices.length);
  for (let k = 0; k < indices.length; k++) picked[k] = row[indices[k]!];
  return picked;
}

const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);
const TWO_53 = 2 ** 53;

/**
 * The number a cell `text[from, to)` holds when it is a decimal as `DECIMAL` reads it (no
 * spaces), else NaN. Equal to `Number(cell)`: a mantissa below 2^53 with a power of ten up to
 * 10^22 is exact in a double, so one multiplication or division rounds it correctly (the fast
 * path of every correct decimal reader); anything else is left to `Number`.
 */
export function scanDecimal(text: string, from: number, to: number): number {
  let i = from;
  let negative = false;
  let ch = text.charCodeAt(i);
  if (i < to && (ch === 43 || ch === 45)) {
    negative = ch === 45;
    ch = text.charCodeAt(++i);
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = 0;
  while (i < to && ch >= 48 && ch <= 57) {
    mantissa = mantissa * 10 + (ch - 48);
    digits++;
    ch = text.charCodeAt(++i);
  }
  if (i < to && ch === 46) {
    ch = text.charCodeAt(++i);
    while (i < to && ch >= 48 && ch <= 57) {
      mantissa = mantissa * 10 + (ch - 48);
      digits++;
      fraction++;
      ch = text.charCodeAt(++i);
    }
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (i < to && (ch === 101 || ch === 69)) {
    ch = text.charCodeAt(++i);
    let sign = 1;
    if (i < to && (ch === 43 || ch === 45)) {
      sign = ch === 45 ? -1 : 1;
      ch = text.charCodeAt(++i);
    }
    const start = i;
    while (i < to && ch >= 48 && ch <= 57) {
      exponent = exponent * 10 + (ch - 48);
      ch = text.charCodeAt(++i);
    }
    if (i === start) return NaN;
    exponent *= sign;
  }
  if (i !== to) return NaN;
  const power = exponent - fraction;
  if (mantissa >= TWO_53 || power > 22 || power < -22) return Number(text.substring(from, to));
  const magnitude = power >= 0 ? mantissa * POWERS[power]! : mantissa / POWERS[-power]!;
  return negative ? -magnitude : magnitude;
}

/**
 * Reads whole CSV lines that hold no quote character, so that each line is one row and its
 * cells are what lies between delimiters: exactly papaparse's rows for such text. A line whose
 * feature cells are all decimals (as `DECIMAL` reads them, no spaces) and pass `check` becomes
 * numbers at once, with no array or string per row; every other line keeps its cells, for the
 * full check. Blank lines are left out, as `csvRows` leaves them out.
 */
export function readPlainLines(text: string, dialect: CsvDialect, layout: LineLayout, check: NumericCheck | null, intern: (cell: string) => string): RowBlock {
  const { delimiter, newline } = dialect;
  const { indices, labelIndex } = layout;
  const width = indices.length;
  // The feature each cell feeds (-1: none), by cell position: one pass over a line finds them all.
  const last = Math.max(labelIndex ?? -1, ...indices);
  const featureAt = new Int32Array(last + 1).fill(-1);
  indices.forEach((cell, k) => {
    if (cell >= 0) featureAt[cell] = k;
  });
  const quick = check !== null && indices.every((cell) => cell >= 0) ? check : null;
  // At most one row per line: the lists are made at their size once (growing them cost more than reading the numbers).
  let lines = 1;
  for (let at = text.indexOf(newline); at >= 0; at = text.indexOf(newline, at + newline.length)) lines++;
  const values = new Float64Array(quick ? lines * width : 0);
  const cells = new Array<readonly unknown[] | null>(lines);
  const truth = labelIndex === null ? null : new Array<string>(lines);
  let r = 0;
  const row = new Array<number>(width).fill(0);
  const size = text.length;
  let at = 0;
  while (at < size) {
    let end = text.indexOf(newline, at);
    if (end < 0) end = size;
    const from = at;
    at = end + newline.length;
    if (end === from) continue;
    let label = '';
    let plain = quick !== null;
    let cell = from;
    for (let c = 0; plain && c <= last; c++) {
      let stop = text.indexOf(delimiter, cell);
      if (stop < 0 || stop > end) {
        if (c < last) plain = false;
        stop = end;
      }
      const k = featureAt[c]!;
      if (k >= 0) {
        const v = scanDecimal(text, cell, stop);
        if (Number.isNaN(v)) plain = false;
        row[k] = v;
      }
      if (c === labelIndex) label = text.substring(cell, stop);
      cell = stop + delimiter.length;
    }
    if (plain && quick!(row)) {
      for (let k = 0; k < width; k++) values[r * width + k] = row[k]!;
      cells[r] = null;
      if (truth) truth[r] = intern(label);
    } else {
      const all = text.substring(from, end).split(delimiter);
      if (quick) values.fill(NaN, r * width, (r + 1) * width);
      cells[r] = pickCells(all, layout);
      if (truth) truth[r] = intern(String(all[labelIndex!] ?? ''));
    }
    r++;
  }
  if (r < lines) {
    cells.length = r;
    if (truth) truth.length = r;
  }
  return { count: r, cells, values: quick ? values.subarray(0, r * width) : null, truth };
}

/** Rows already split into cells (papaparse's, a JSON table's), picked in feature order. */
export function blockOfRows(rows: readonly (readonly unknown[])[], layout: LineLayout, intern: (cell: string) => string): RowBlock {
  const { labelIndex } = layout;
  const cells = new Array<readonly unknown[]>(rows.length);
  const truth = labelIndex === null ? null : new Array<string>(rows.length);
  for (let r = 0; r < rows.length; r++) {
    cells[r] = pickCells(rows[r]!, layout);
    if (truth) truth[r] = intern(String(rows[r]![labelIndex!] ?? ''));
  }
  return { count: rows.length, cells, values: null, truth };
}

/** Rows `from`–`to` of a list of blocks, as one block (the blocks are consecutive). */
export function takeRows(blocks: readonly RowBlock[], offset: number, count: number, width: number): RowBlock {
  const first = blocks[0];
  if (first && offset + count <= first.count) {
    return {
      count,
      cells: first.cells.slice(offset, offset + count),
      values: first.values ? first.values.subarray(offset * width, (offset + count) * width) : null,
      truth: first.truth ? first.truth.slice(offset, offset + count) : null,
    };
  }
  const cells: (readonly unknown[] | null)[] = [];
  const truth: string[] | null = first?.truth ? [] : null;
  const values = blocks.some((b) => b.values) ? new Float64Array(count * width) : null;
  let skip = offset;
  for (const block of blocks) {
    if (cells.length >= count) break;
    const from = skip;
    const to = Math.min(block.count, from + count - cells.length);
    skip = 0;
    if (from >= to) continue;
    if (values && block.values) values.set(block.values.subarray(from * width, to * width), cells.length * width);
    for (let r = from; r < to; r++) {
      cells.push(block.cells[r]!);
      truth?.push(block.truth![r]!);
    }
  }
  return { count: cells.length, cells, values, truth };
}
