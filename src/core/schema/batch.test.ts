import { describe, expect, it } from 'vitest';
import { finishChunk, locateRow, nextChunkRows, prepareChunk, ROW_OK, ROW_SKIPPED, ROW_WARNING, rowValues, truthIndex, truthText } from './batch-chunk';
import { batchCsvPieces, batchJsonPieces } from './batch-export';
import { describeBatchCounts, summarizeBatch } from './batch-summary';
import { planPrediction } from './prediction';
import { buildSignature } from './signature';
import { createRowValidator } from './validate-row';

const CLASSES = ['a', 'b'];
const signature = buildSignature({
  metadata: { feature_names: ['x', 'y'], target_classes: CLASSES, input_schema: { type: 'object', properties: { x: { type: 'number', minimum: 0 }, y: { type: 'number', description: 'training range 0 to 1' } } } },
  mlmodel: null,
  inputs: [{ name: 'input', dtype: 'float32', shape: ['N', 2] }],
});
const validator = createRowValidator(signature);
const plan = planPrediction([{ name: 'label', dtype: 'int64', shape: ['N'] }, { name: 'probabilities', dtype: 'float32', shape: ['N', 2] }], { classes: CLASSES });

/** A fake model: class b when x > y. */
function run(feeds: ReturnType<typeof prepareChunk>['feeds']) {
  const data = feeds!.input!.data as Float32Array;
  const n = data.length / 2;
  const label = new BigInt64Array(n);
  const probabilities = new Float32Array(n * 2);
  for (let r = 0; r < n; r++) {
    const b = data[r * 2]! > data[r * 2 + 1]! ? 1 : 0;
    label[r] = BigInt(b);
    probabilities[r * 2 + b] = 0.9;
    probabilities[r * 2 + 1 - b] = 0.1;
  }
  return { label: { dtype: 'int64' as const, dims: [n], data: label }, probabilities: { dtype: 'float32' as const, dims: [n, 2], data: probabilities } };
}

describe('a batch, chunk by chunk', () => {
  const cells = [
    ['0.9', '0.1'], // b, right
    ['0.1', '0.9'], // a, right
    ['', '0.5'], // missing: not scored
    ['0.8', '1.5'], // a (training range warning), labelled b: wrong
    ['-1', '0.5'], // declared minimum broken: scored and flagged
  ];
  const truth = ['b', '0', 'a', '1', 'a'];
  const prepared = prepareChunk(signature, validator, 10, cells, truth);

  it('feeds only the runnable rows and flags the others', () => {
    expect(prepared.runnable).toEqual([0, 1, 3, 4]);
    expect([...prepared.status]).toEqual([ROW_OK, ROW_OK, ROW_SKIPPED, ROW_WARNING, ROW_WARNING]);
    expect(prepared.notes.get(2)).toMatch(/“x” has no value/);
    expect(prepared.notes.get(3)).toMatch(/outside the training range/);
    expect(prepared.notes.get(4)).toMatch(/below the declared minimum 0/);
    expect(prepared.feeds!.input!.dims).toEqual([4, 2]);
  });

  const chunk = finishChunk(prepared, plan, run(prepared.feeds));

  it('spreads predictions back over every row', () => {
    expect(chunk.count).toBe(5);
    expect(chunk.predictions.className).toEqual(['b', 'a', '', 'a', 'a']);
    expect([...chunk.predictions.classIndex]).toEqual([1, 0, -1, 0, 0]);
    expect(chunk.predictions.confidence[2]).toBeNaN();
    expect(locateRow([chunk], 12)).toEqual({ chunk, index: 2 });
    expect(locateRow([chunk], 15)).toBeNull();
  });

  it('summarises counts and metrics, and compares them with the recorded ones', () => {
    const s = summarizeBatch([chunk], { accuracy: 0.75 });
    expect(s).toMatchObject({ rows: 5, scored: 4, skipped: 1, flagged: 2, labelled: 4 });
    expect(s.classification!.accuracy).toBe(0.75);
    expect(s.classification!.confusion).toEqual([
      [2, 0],
      [1, 1],
    ]);
    expect(s.comparisons[0]).toMatchObject({ key: 'accuracy', status: 'reproduced' });
  });

  it('exports CSV and JSON with inputs, label, prediction, scores and status', () => {
    const csv = [...batchCsvPieces([chunk], { features: ['x', 'y'], labelColumn: 'target' })].map((p) => p.text).join('');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('x,y,target,prediction,confidence,probability_a,probability_b,status,note');
    expect(lines[1]).toMatch(/^0\.9,0\.1,b,b,0\.89999\d*,0\.10000\d*,0\.89999\d*,ok,$/);
    expect(lines[3]).toMatch(/^,0\.5,a,,,,,not scored,/);
    const json = JSON.parse([...batchJsonPieces([chunk], { features: ['x', 'y'], labelColumn: 'target' })].map((p) => p.text).join('')) as Record<string, unknown>[];
    expect(json).toHaveLength(5);
    expect(json[0]).toMatchObject({ row: 11, x: 0.9, y: 0.1, target: 'b', prediction: 'b', class_index: 1, status: 'ok' });
    expect(json[2]).toMatchObject({ row: 13, status: 'not scored' });
    expect(json[2]!.prediction).toBeUndefined();
  });
});

describe('batch helpers', () => {
  it('sizes chunks for about 120 ms per engine call', () => {
    expect(nextChunkRows(256, 0)).toBe(512);
    expect(nextChunkRows(256, 12)).toBe(1024);
    expect(nextChunkRows(1000, 240)).toBe(500);
    expect(nextChunkRows(4000, 1)).toBe(8192);
    expect(nextChunkRows(1, 5000)).toBe(1);
  });

  it('reads a true label as a class name or index', () => {
    expect(['b', ' a ', '1', '7', 'x', ''].map((c) => truthIndex(c, CLASSES))).toEqual([1, 0, 1, -1, -1, -1]);
  });
});

describe('rows that would vanish or be misread', () => {
  it('counts a row of empty cells as an empty row, skipped, and says so', () => {
    const cells = [['0.9', '0.1'], ['', ''], ['  ', undefined], ['0x10', '0.5'], ['0.2', '0.3']];
    const prepared = prepareChunk(signature, validator, 0, cells as unknown[][], ['b', '', '', 'a', 'a']);
    expect(prepared.empty).toBe(2);
    expect([...prepared.status]).toEqual([ROW_OK, ROW_SKIPPED, ROW_SKIPPED, ROW_SKIPPED, ROW_OK]);
    expect(prepared.notes.get(1)).toBe('Empty row (no values): skipped.');
    expect(prepared.notes.get(3)).toMatch(/“x” must be a number, not “0x10”/);
    const summary = summarizeBatch([finishChunk(prepared, plan, run(prepared.feeds))], null);
    expect(summary).toMatchObject({ rows: 5, scored: 2, skipped: 3, empty: 2 });
    expect(describeBatchCounts(summary, ['comment', 'id'], false)).toBe('2 of 5 rows scored, 1 not scored (missing or unreadable values), 2 empty rows skipped; columns “comment”, “id” ignored (no such feature).');
    expect(describeBatchCounts({ ...summary, skipped: 1, empty: 1, scored: 4, flagged: 1 }, ['note'], true)).toBe('Stopped: 4 of 5 rows scored, 1 empty row skipped, 1 flagged (outside a declared or training range, still scored); column “note” ignored (no such feature).');
  });

  it('keeps numeric values packed in one array, a missing one read back as null; other features keep a list per row', () => {
    const cells = [['0.9', '0.1'], ['', ''], ['x', '2'], [' 3 ', '']];
    const prepared = prepareChunk(signature, validator, 0, cells, null);
    expect(prepared.values.kind).toBe('packed');
    expect(cells.map((_, i) => rowValues(prepared.values, i))).toEqual([[0.9, 0.1], [null, null], [null, 2], [3, null]]);
    const mixed = buildSignature({ metadata: { feature_names: ['x', 'colour'], feature_types: { x: 'float64', colour: 'str' } }, mlmodel: null, inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 1] }, { name: 'colour', dtype: 'string', shape: ['N', 1] }] });
    const listed = prepareChunk(mixed, createRowValidator(mixed), 0, [['1.5', 'red'], ['', 'blue']], null);
    expect(listed.values.kind).toBe('lists');
    expect([0, 1].map((i) => rowValues(listed.values, i))).toEqual([[1.5, 'red'], [null, 'blue']]);
  });

  it('a labelled row with no feature values is not empty: its values are missing', () => {
    const prepared = prepareChunk(signature, validator, 0, [['', '']], ['a']);
    expect(prepared.empty).toBe(0);
    expect(prepared.notes.get(0)).toMatch(/has no value/);
  });

  it('reads true labels as decimal numbers only', () => {
    expect(truthIndex('1', ['a', 'b'])).toBe(1);
    expect(truthIndex('0x1', ['a', 'b'])).toBe(-1);
    expect(truthIndex('1.0', ['a', 'b'])).toBe(1);
  });

  it('reads a true label that is a number as the class of that number, however it is written', () => {
    // Classes named 1, 2, 3: "1.0" (pandas, after a NaN in the column) is class "1", not position 1.
    expect(['1', '1.0', ' 3.0 ', '2e0', '0', '4'].map((c) => truthIndex(c, ['1', '2', '3']))).toEqual([0, 0, 2, 1, -1, -1]);
    // The model's own labels (sklearn-onnx classlabels) under metadata names: 1 is the first class.
    expect(['1', '3.0', 'b', '0'].map((c) => truthIndex(c, ['a', 'b', 'c'], ['1', '2', '3']))).toEqual([0, 2, 1, -1]);
    expect(['-1', '1', '1.0'].map((c) => truthIndex(c, ['no', 'yes'], ['-1', '1']))).toEqual([0, 1, 1]);
    // Text labels are matched as they are; a number is then a position, as without labels.
    expect(['d', '1', 'x'].map((c) => truthIndex(c, ['cat', 'dog'], ['c', 'd']))).toEqual([1, 1, -1]);
    expect(truthText('3', ['a', 'b', 'c'], ['1', '2', '3'])).toBe('3 (c)');
  });
});

describe('truthText', () => {
  it('names the class of a label given as an index, and leaves names and unknowns as they are', () => {
    const classes = ['setosa', 'versicolor', 'virginica'];
    expect(truthText('2', classes)).toBe('2 (virginica)');
    expect(truthText(' 0 ', classes)).toBe('0 (setosa)');
    expect(truthText('versicolor', classes)).toBe('versicolor');
    expect(truthText('7', classes)).toBe('7');
    expect(truthText('1', null)).toBe('1');
  });
});
