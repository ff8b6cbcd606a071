import { describe, expect, it } from 'vitest';
import type { ScoredChunk } from './batch-chunk';
import { appColumnPrefix, batchCsvPieces, batchJsonPieces, CELLS_PER_PIECE, type ExportColumns } from './batch-export';

const CLASSES = ['setosa', 'versicolor', 'virginica'];

let made = 0;

/**
 * `count` scored rows from `start`; every fifth row is not scored, every seventh flagged with a
 * note holding a comma and a quote. Chunks alternate between values packed in one array and a
 * list per row: the files must not tell them apart.
 */
function chunk(start: number, count: number): ScoredChunk {
  const rows = Array.from({ length: count }, (_, i) => [start + i + 0.5, i % 3 === 0 ? null : -(start + i)]);
  const values = made++ % 2 === 0 ? { kind: 'lists', rows } : { kind: 'packed', width: 2, data: Float64Array.from(rows.flat(), (v) => v ?? NaN) };
  const status = Uint8Array.from({ length: count }, (_, i) => ((start + i) % 5 === 4 ? 2 : (start + i) % 7 === 3 ? 1 : 0));
  const scores = Float32Array.from({ length: count * 3 }, (_, k) => ((k * 37) % 100) / 100);
  return {
    start,
    count,
    values,
    truth: Array.from({ length: count }, (_, i) => CLASSES[(start + i) % 3]!),
    status,
    notes: new Map([...status].flatMap((s, i) => (s === 1 ? [[i, `x is high, "${start + i}"`] as const] : []))),
    predictions: {
      kind: 'classification',
      classes: CLASSES,
      scoreKind: 'probabilities',
      classIndex: Int32Array.from({ length: count }, (_, i) => (start + i) % 3),
      className: Array.from({ length: count }, (_, i) => CLASSES[(start + i) % 3]!),
      confidence: Float32Array.from({ length: count }, () => 0.75),
      scores,
    },
  } as unknown as ScoredChunk;
}

const columns: ExportColumns = { features: ['x', 'y'], labelColumn: 'target' };
const chunks = [chunk(0, 37), chunk(37, 0), chunk(37, 100), chunk(137, 3)];
const text = (pieces: Iterable<{ text: string }>) => [...pieces].map((p) => p.text).join('');

describe('batch export, a piece at a time', () => {
  it('writes the same CSV and JSON however finely it is cut', () => {
    const csv = text(batchCsvPieces(chunks, columns));
    const json = text(batchJsonPieces(chunks, columns));
    for (const cells of [1, 9, 100, 1e9]) {
      expect(text(batchCsvPieces(chunks, columns, cells))).toBe(csv);
      expect(text(batchJsonPieces(chunks, columns, cells))).toBe(json);
    }
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(141);
    expect(lines[0]).toBe('x,y,target,prediction,confidence,probability_setosa,probability_versicolor,probability_virginica,status,note');
    expect(lines[4]).toBe('3.5,,setosa,setosa,0.75,0.33000001311302185,0.699999988079071,0.07000000029802322,warning,"x is high, ""3"""');
    expect(lines[5]).toBe('4.5,-4,versicolor,,,,,,not scored,');
    const records = JSON.parse(json) as Record<string, unknown>[];
    expect(records.map((r) => r.row)).toEqual(Array.from({ length: 140 }, (_, i) => i + 1));
    expect(records[4]).toEqual({ row: 5, x: 4.5, y: -4, target: 'versicolor', status: 'not scored' });
  });

  it('keeps each piece to about CELLS_PER_PIECE cells, and counts the rows written after each', () => {
    const wide = chunk(0, 3_000);
    const pieces = [...batchCsvPieces([wide], columns)];
    // 2 features + label, prediction, confidence, 3 scores, status, note = 10 cells a row… counted as 9.
    const perPiece = Math.floor(CELLS_PER_PIECE / 9);
    expect(pieces).toHaveLength(1 + Math.ceil(3_000 / perPiece));
    expect(pieces.map((p) => p.rowsDone)).toEqual([0, ...Array.from({ length: pieces.length - 1 }, (_, k) => Math.min(3_000, (k + 1) * perPiece))]);
    const json = [...batchJsonPieces([wide], columns)];
    expect(json.at(-1)).toEqual({ text: '\n]\n', rowsDone: 3_000 });
  });

  it('names the predicted class\'s score a logit, not a confidence, when the scores are logits', () => {
    const logits = chunk(0, 2);
    const p = logits.predictions as { scoreKind: string };
    p.scoreKind = 'logits';
    const csv = text(batchCsvPieces([logits], columns)).split('\n')[0];
    expect(csv).toBe('x,y,target,prediction,logit,logit_setosa,logit_versicolor,logit_virginica,status,note');
    const [first] = JSON.parse(text(batchJsonPieces([logits], columns))) as Record<string, unknown>[];
    expect(Object.keys(first!)).toEqual(['row', 'x', 'y', 'target', 'prediction', 'class_index', 'logit', 'logits', 'status']);
  });

  it('writes an empty batch as a header, or an empty array', () => {
    expect(text(batchCsvPieces([], columns))).toBe('x,y,target,status,note\n');
    expect(JSON.parse(text(batchJsonPieces([], columns)))).toEqual([]);
  });
});

/** One scored row of a two-class model that predicts b (0.75), its values as given. */
function oneRow(values: readonly (number | string | null)[], truth: string | null): ScoredChunk {
  return {
    start: 0,
    count: 1,
    values: { kind: 'lists', rows: [values] },
    truth: truth === null ? null : [truth],
    status: Uint8Array.of(0),
    notes: new Map(),
    predictions: {
      kind: 'classification',
      classes: ['a', 'b'],
      scoreKind: 'probabilities',
      classIndex: Int32Array.of(1),
      className: ['b'],
      confidence: Float32Array.of(0.75),
      scores: Float32Array.of(0.25, 0.75),
    },
  } as unknown as ScoredChunk;
}

describe('batch export, user columns named like the app’s', () => {
  it('keeps every user column and prefixes all of the app’s own columns, in both files', () => {
    const named: ExportColumns = { features: ['status', 'confidence'], labelColumn: 'prediction' };
    const chunks = [oneRow([3, 7], 'a')];
    expect(appColumnPrefix(chunks, named)).toBe('scored_');
    expect(text(batchCsvPieces(chunks, named))).toBe(
      'status,confidence,prediction,scored_prediction,scored_confidence,scored_probability_a,scored_probability_b,scored_status,scored_note\n3,7,a,b,0.75,0.25,0.75,ok,\n',
    );
    const json = text(batchJsonPieces(chunks, named));
    const [record] = JSON.parse(json) as Record<string, unknown>[];
    expect(record).toEqual({ scored_row: 1, status: 3, confidence: 7, prediction: 'a', scored_prediction: 'b', scored_class_index: 1, scored_confidence: 0.75, scored_probabilities: { a: 0.25, b: 0.75 }, scored_status: 'ok' });
    expect(Object.keys(record!)).toEqual(['scored_row', 'status', 'confidence', 'prediction', 'scored_prediction', 'scored_class_index', 'scored_confidence', 'scored_probabilities', 'scored_status']);
  });

  it('collides on any app column of either file, and prefixes again when the prefixed name is taken too', () => {
    // `row` is a JSON key only, `probability_b` a CSV column only: both files change alike.
    expect(appColumnPrefix([oneRow([1], null)], { features: ['row'], labelColumn: null })).toBe('scored_');
    expect(appColumnPrefix([oneRow([1], null)], { features: ['probability_b'], labelColumn: null })).toBe('scored_');
    const taken: ExportColumns = { features: ['status', 'scored_status'], labelColumn: null };
    expect(appColumnPrefix([oneRow([1, 2], null)], taken)).toBe('scored_scored_');
    expect(text(batchCsvPieces([oneRow([1, 2], null)], taken)).split('\n')[0]).toBe(
      'status,scored_status,scored_scored_prediction,scored_scored_confidence,scored_scored_probability_a,scored_scored_probability_b,scored_scored_status,scored_scored_note',
    );
    expect(JSON.parse(text(batchJsonPieces([oneRow([1, 2], null)], taken)))).toEqual([
      { scored_scored_row: 1, status: 1, scored_status: 2, scored_scored_prediction: 'b', scored_scored_class_index: 1, scored_scored_confidence: 0.75, scored_scored_probabilities: { a: 0.25, b: 0.75 }, scored_scored_status: 'ok' },
    ]);
  });

  it('leaves the usual file as it was, and keeps columns a plain object would lose or reorder', () => {
    // Not an app column: `probability_c` (no class c), `logits` (the model gives probabilities).
    expect(appColumnPrefix([oneRow([1, 2], null)], { features: ['probability_c', 'logits'], labelColumn: null })).toBe('');
    const odd: ExportColumns = { features: ['x', '__proto__', '0'], labelColumn: null };
    const json = text(batchJsonPieces([oneRow([1, 2, 3], null)], odd));
    expect(json).toContain('{"row":1,"x":1,"__proto__":2,"0":3,"prediction":"b"');
    expect(Object.getOwnPropertyDescriptor((JSON.parse(json) as object[])[0], '__proto__')?.value).toBe(2);
  });
});
