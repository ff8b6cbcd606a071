import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareChunk } from '../schema/batch-chunk';
import { seededRandom } from '../schema/host-tensor';
import { DECIMAL } from '../schema/number-text';
import { blockOfRows, readPlainLines, scanDecimal, takeRows, type LineLayout, type RowBlock } from '../schema/plain-lines';
import type { Signature } from '../schema/signature';
import { TEST_SIGNATURES } from '../schema/signatures.fixture';
import { createRowValidator } from '../schema/validate-row';
import { csvRows, csvTable } from './table-rows';

const SIGNATURES: Signature[] = [TEST_SIGNATURES.iris(), TEST_SIGNATURES.floatAndInteger(), TEST_SIGNATURES.schemaRules(), TEST_SIGNATURES.inputPerFeature()];

/** Rows of the Iris test set: plainly fine for its model, so that the quick way is taken. */
const IRIS_ROWS = readFileSync(new URL('../../../public/examples/iris-pipeline/test.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));

/** Cells a numeric CSV holds, and every way one can be odd without a quote. */
const CELLS = ['1', '2.5', '0', '-0', '3', '3.0', '5', '6.1', '4.4', '1.1', '0.2', '7.9', '1e0', '2E-1', '.5', '5.', '+4', ' 2.9', '2.9 ', '0x10', '1_000', '', 'NaN', '-inf', '1e400', 'abc', 'true', '-', '.', '1e', '9007199254740993', '0.1000000000000000055511151231257827', '123456789012345678901234567890'];
const LABELS = ['0', '1', '2', 'setosa', 'virginica', '', ' 1'];

/** A CSV of `rows` lines with `width` feature cells and a label, with blank lines, short and long rows, and sometimes a quoted line. */
function randomCsv(random: () => number, width: number, rows: number, newline: string, quotes: boolean, typical: readonly string[][]): string {
  const pick = <T,>(list: readonly T[], common = list.length): T => list[Math.floor(random() * (random() < 0.8 ? common : list.length))]!;
  const header = [...Array.from({ length: width }, (_, k) => `f${k}`), 'target'].join(',');
  const lines = [header];
  for (let r = 0; r < rows; r++) {
    const u = random();
    if (u < 0.03) lines.push('');
    else if (u < 0.05) lines.push(Array.from({ length: width }, () => pick(CELLS, 13)).join(','));
    else if (quotes && u < 0.07) lines.push([...Array.from({ length: width }, () => `"${pick(CELLS, 13)}"`), '"a, b"'].join(','));
    else if (u < 0.5) lines.push([...typical[Math.floor(random() * typical.length)]!.slice(0, width), pick(LABELS, 3)].join(','));
    else lines.push([...Array.from({ length: width }, () => pick(CELLS, 13)), pick(LABELS, 3), ...(u > 0.97 ? ['extra'] : [])].join(','));
  }
  return lines.join(newline) + (random() < 0.5 ? newline : '');
}

/** Every row of a source, as the pipeline's blocks, joined. */
async function blocksOf(source: ReturnType<typeof csvTable>, layout: LineLayout, signature: Signature): Promise<RowBlock> {
  const validator = createRowValidator(signature);
  const blocks: RowBlock[] = [];
  for await (const batch of source) {
    if (!batch.ok) throw new Error(batch.error.message);
    const b = batch.value;
    blocks.push('lines' in b ? readPlainLines(b.lines, b.dialect, layout, validator.plain ?? null, (s) => s) : blockOfRows(b.rows, layout, (s) => s));
  }
  const count = blocks.reduce((n, b) => n + b.count, 0);
  return takeRows(blocks, 0, count, layout.indices.length);
}

describe('scanDecimal', () => {
  it('reads a cell exactly as Number does when DECIMAL accepts it, and says NaN otherwise', () => {
    const random = seededRandom(5);
    const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
    const samples = [...CELLS, '00012.50', '-.75e+3', '1.7976931348623157e308', '5e-324', '4.9e-324', '123456789012345678', '0.30000000000000004'];
    for (let i = 0; i < 20_000; i++) {
      const sign = ['', '-', '+'][Math.floor(random() * 3)]!;
      const body = random() < 0.3 ? `.${digits(1 + Math.floor(random() * 8))}` : `${digits(1 + Math.floor(random() * 18))}${random() < 0.6 ? `.${digits(Math.floor(random() * 18))}` : ''}`;
      const exponent = random() < 0.3 ? `e${['', '-', '+'][Math.floor(random() * 3)]}${Math.floor(random() * 40)}` : '';
      samples.push(sign + body + exponent);
    }
    for (const cell of samples) {
      const text = `x,${cell},y`;
      const got = scanDecimal(text, 2, 2 + cell.length);
      if (DECIMAL.test(cell)) expect(Object.is(got, Number(cell)), cell).toBe(true);
      else expect(got, cell).toBeNaN();
    }
  });
});

describe('reading plain lines', () => {
  it('makes the same checked chunks and feeds as papaparse and the full check, for any slicing of any file', async () => {
    const random = seededRandom(23);
    for (const signature of SIGNATURES) {
      const width = signature.features.length;
      const layout: LineLayout = { indices: Array.from({ length: width }, (_, k) => k), labelIndex: width };
      const validator = createRowValidator(signature);
      let quick = 0;
      let total = 0;
      for (let round = 0; round < 6; round++) {
        const newline = round % 3 === 2 ? '\r\n' : '\n';
        const text = randomCsv(random, width, 300 + Math.floor(random() * 400), newline, round % 2 === 1, width === 4 ? IRIS_ROWS : [['1', '2', '3'], ['0.5', '4', '2'], ['2.5', '1', '1']]);
        const reference = blockOfRows(
          await (async () => {
            const rows: (readonly unknown[])[] = [];
            for await (const batch of csvRows(new Blob([text]), { skipHeader: true })) if (batch.ok) rows.push(...batch.value.rows);
            return rows;
          })(),
          layout,
          (s) => s,
        );
        const chunkBytes = [7, 64, 333, 4096][round % 4]!;
        const lined = await blocksOf(csvTable(new Blob([text]), { skipHeader: true, chunkBytes }), layout, signature);
        expect(lined.count, `${signature.features.map((f) => f.name)} round ${round}`).toBe(reference.count);
        expect(lined.truth).toEqual(reference.truth);
        quick += lined.cells.filter((c) => c === null).length;
        total += lined.count;
        for (let start = 0; start < reference.count; start += 97) {
          const n = Math.min(97, reference.count - start);
          const a = takeRows([reference], start, n, width);
          const b = takeRows([lined], start, n, width);
          const expected = prepareChunk(signature, validator, start, a.cells, a.truth, a.values);
          const got = prepareChunk(signature, validator, start, b.cells, b.truth, b.values);
          expect(got.status).toEqual(expected.status);
          expect(got.notes).toEqual(expected.notes);
          expect(got.runnable).toEqual(expected.runnable);
          expect(got.values).toEqual(expected.values);
          expect(got.feeds).toEqual(expected.feeds);
          expect(got.empty).toBe(expected.empty);
        }
      }
      // Many rows took the quick way where there is one (else the comparison shows little).
      if (validator.plain) expect(quick, signature.features.map((f) => f.name).join()).toBeGreaterThan(total / 10);
    }
  });
});
