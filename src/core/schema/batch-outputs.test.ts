import { describe, expect, it } from 'vitest';
import { finishChunk, prepareChunk } from './batch-chunk';
import { batchOutputsPieces, type BatchOutputsDocument } from './batch-outputs';
import { summarizeBatch } from './batch-summary';
import { planPrediction } from './prediction';
import { buildSignature } from './signature';
import { createRowValidator } from './validate-row';

const CLASSES = ['a', 'b'];
const signature = buildSignature({
  metadata: { feature_names: ['x', 'y'], target_classes: CLASSES },
  mlmodel: null,
  inputs: [{ name: 'input', dtype: 'float32', shape: ['N', 2] }],
});
const validator = createRowValidator(signature);
const plan = planPrediction([{ name: 'label', dtype: 'int64', shape: ['N'] }, { name: 'probabilities', dtype: 'float32', shape: ['N', 2] }], { classes: CLASSES });

/** A fake model: class b when x > y. */
function score(start: number, cells: string[][], truth: string[] | null) {
  const prepared = prepareChunk(signature, validator, start, cells, truth);
  const data = prepared.feeds ? (prepared.feeds.input!.data as Float32Array) : new Float32Array(0);
  const n = data.length / 2;
  const label = new BigInt64Array(n);
  const probabilities = new Float32Array(n * 2);
  for (let r = 0; r < n; r++) {
    const b = data[r * 2]! > data[r * 2 + 1]! ? 1 : 0;
    label[r] = BigInt(b);
    probabilities[r * 2 + b] = 0.75;
    probabilities[r * 2 + 1 - b] = 0.25;
  }
  const outputs = prepared.feeds ? { label: { dtype: 'int64' as const, dims: [n], data: label }, probabilities: { dtype: 'float32' as const, dims: [n, 2], data: probabilities } } : null;
  return finishChunk(prepared, plan, outputs);
}

/** The streamed document, read back. */
const batchOutputsDocument = (...args: Parameters<typeof batchOutputsPieces>): BatchOutputsDocument =>
  JSON.parse([...batchOutputsPieces(...args)].map((p) => p.text).join('')) as BatchOutputsDocument;

describe('batchOutputsPieces', () => {
  const chunks = [
    score(0, [['0.9', '0.1'], ['0.1', '0.9']], ['b', 'b']),
    score(2, [['', '0.5']], ['a']), // not scored: no outputs
    score(3, [['0.7', '0.2']], ['1']),
  ];

  it('joins every output along the batch dimension, scored rows only', () => {
    const doc = batchOutputsDocument(chunks, null, null);
    expect(doc).toEqual({
      outputs: {
        label: { dims: [3], dtype: 'int64', data: [1, 0, 1] },
        probabilities: { dims: [3, 2], dtype: 'float32', data: [0.25, 0.75, 0.75, 0.25, 0.25, 0.75] },
      },
      rows: [1, 2, 4],
    });
  });

  it('says which file row each output row belongs to when a row in the middle is skipped', () => {
    const doc = batchOutputsDocument([score(0, [['1', '0'], ['abc', '0'], ['3', '0']], null)], null, null);
    expect(doc.outputs.label).toEqual({ dims: [2], dtype: 'int64', data: [1, 1] });
    expect(doc.rows).toEqual([1, 3]);
    // No row scored: no outputs, and no rows.
    expect(batchOutputsDocument([score(0, [['', '']], null)], null, null)).toEqual({ outputs: {}, rows: [] });
  });

  it('adds the metrics when the file had labels', () => {
    const doc = batchOutputsDocument(chunks, summarizeBatch(chunks, { accuracy: 0.67 }), 'target');
    expect(doc.metrics).toMatchObject({ labelColumn: 'target', rows: 4, scored: 3, skipped: 1, labelled: 3, classes: CLASSES });
    expect(doc.metrics!.classification!.accuracy).toBeCloseTo(2 / 3, 10);
    expect(doc.metrics!.recorded).toEqual([expect.objectContaining({ key: 'accuracy', recorded: 0.67, status: 'reproduced' })]);
    expect(doc.metrics!.regression).toBeNull();
  });

  it('refuses chunks whose outputs cannot be joined', () => {
    const odd = { ...chunks[2]!, outputs: { ...chunks[2]!.outputs!, probabilities: { dtype: 'float32' as const, dims: [1, 3], data: new Float32Array(3) } } };
    expect(() => batchOutputsDocument([chunks[0]!, odd], null, null)).toThrow(/“probabilities” is float32 \[1, 3\] in rows from 4 but float32 \[2, 2\] before/);
    expect(() => batchOutputsDocument([{ ...chunks[0]!, outputs: null }], null, null)).toThrow(/rows 1–2 were scored without their outputs/);
  });

  it('writes the document a piece at a time, with rows done rising to every row', () => {
    const summary = summarizeBatch(chunks, { accuracy: 0.67 });
    for (const [s, label] of [[null, null], [summary, 'target']] as const) {
      const pieces = [...batchOutputsPieces(chunks, s, label)];
      expect(pieces.length).toBeGreaterThan(2);
      expect(pieces.at(-1)!.rowsDone).toBe(4);
      expect(pieces.map((p) => p.rowsDone)).toEqual([...pieces.map((p) => p.rowsDone)].sort((a, b) => a - b));
    }
    // 40,000 rows: each output's data is cut into pieces of at most 16,384 elements.
    const big = Array.from({ length: 40 }, (_, c) => score(c * 1000, Array.from({ length: 1000 }, (_, r) => [String(r % 7), String(r % 5)]), null));
    const pieces = [...batchOutputsPieces(big, null, null)];
    const doc = JSON.parse(pieces.map((p) => p.text).join('')) as { outputs: Record<string, { dims: number[]; data: unknown[] }> };
    expect(doc.outputs.probabilities!.dims).toEqual([40_000, 2]);
    expect(doc.outputs.probabilities!.data).toHaveLength(80_000);
    expect((doc as unknown as BatchOutputsDocument).rows).toEqual(Array.from({ length: 40_000 }, (_, i) => i + 1));
    // Elements per piece (the comma that joins a piece to the one before is not one).
    expect(Math.max(...pieces.map((p) => p.text.replace(/^,/, '').split(',').length))).toBeLessThanOrEqual(16_384);
    const odd = { ...chunks[2]!, outputs: { ...chunks[2]!.outputs!, probabilities: { dtype: 'float32' as const, dims: [1, 3], data: new Float32Array(3) } } };
    expect(() => batchOutputsPieces([chunks[0]!, odd], null, null)).toThrow(/cannot be joined/);
  });
});
