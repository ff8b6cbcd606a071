import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { arrayRows, csvHeader, csvRows, readCsvTable, type RowSource } from './table-rows';

async function collect(source: RowSource): Promise<{ rows: unknown[][]; fractions: number[] }> {
  const rows: unknown[][] = [];
  const fractions: number[] = [];
  for await (const batch of source) {
    if (!batch.ok) throw new Error(batch.error.message);
    rows.push(...(batch.value.rows as unknown[][]));
    fractions.push(batch.value.fraction);
  }
  return { rows, fractions };
}

const tricky = [
  'name,note,value\r\n',
  'café,"a quoted, comma",1.5\r\n',
  '\r\n',
  'naïve,"two\r\nlines",2\r\n',
  '“curly”,🙂 emoji,3\r\n',
  'last,"say ""hi""",4',
].join('');

describe('csvRows', () => {
  it('reads a file a slice at a time with the same rows as parsing it whole, whatever the slice size', async () => {
    const whole = Papa.parse<string[]>(tricky, { skipEmptyLines: 'greedy' }).data;
    for (const chunkBytes of [1, 3, 7, 16, 64, 1 << 16]) {
      const { rows, fractions } = await collect(csvRows(new Blob([tricky]), { chunkBytes }));
      expect(rows, `slices of ${chunkBytes} bytes`).toEqual(whole);
      expect(fractions.at(-1)).toBe(1);
      expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    }
  });

  it('guesses the delimiter like Papa.parse, skips the header when asked, and reads the header alone', async () => {
    const blob = new Blob(['a;b;c\n1;2;3\n4;5;6\n']);
    expect((await collect(csvRows(blob, { skipHeader: true, chunkBytes: 4 }))).rows).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(await csvHeader(blob)).toEqual({ ok: true, value: ['a', 'b', 'c'] });
  });

  it('says so when a file is empty', async () => {
    const empty = await readCsvTable(new Blob(['']), 'empty.csv');
    expect(empty.ok ? null : empty.error.message).toBe('empty.csv is empty.');
    expect(await readCsvTable(new Blob(['x,y\n1,2\n']), 'small.csv')).toEqual({ ok: true, value: { header: ['x', 'y'], rows: [['1', '2']] } });
  });
});

describe('arrayRows', () => {
  it('hands rows in memory on in steps, with the share of the table reached', async () => {
    const rows = Array.from({ length: 12_000 }, (_, i) => [i]);
    const { rows: out, fractions } = await collect(arrayRows(rows));
    expect(out).toEqual(rows);
    expect(fractions).toEqual([5000 / 12_000, 10_000 / 12_000, 1]);
  });
});
