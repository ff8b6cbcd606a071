import { describe, expect, it } from 'vitest';
import { outputsDocument, predictClasses } from './outputs';
import type { HostTensor } from './host-tensor';

const IRIS = ['setosa', 'versicolor', 'virginica'];
const probabilities: HostTensor = { dtype: 'float32', dims: [2, 3], data: Float32Array.of(0.75, 0.25, 0, 0, 0.125, 0.875) };

describe('predictClasses', () => {
  it('takes the label output and scores it from the probabilities', () => {
    const p = predictClasses({ label: { dtype: 'int64', dims: [2], data: BigInt64Array.of(0n, 2n) }, probabilities }, IRIS);
    expect(p).toEqual({
      output: 'label',
      totalRows: 2,
      rows: [
        { classIndex: 0, className: 'setosa', score: 0.75 },
        { classIndex: 2, className: 'virginica', score: 0.875 },
      ],
    });
  });

  it('gives a label without a probability output no score', () => {
    const p = predictClasses({ label: { dtype: 'int32', dims: [1], data: Int32Array.of(1) } }, IRIS);
    expect(p?.rows).toEqual([{ classIndex: 1, className: 'versicolor', score: null }]);
  });

  it('reads a label as the class value the model lists, and never shows a logit as a probability', () => {
    // sklearn-onnx classes 1, 2, 3 named by metadata: label 1 is the first class, scored by the first column.
    const p = predictClasses({ label: { dtype: 'int64', dims: [2], data: BigInt64Array.of(1n, 3n) }, probabilities }, IRIS, Infinity, ['1', '2', '3']);
    expect(p?.rows).toEqual([
      { classIndex: 0, className: 'setosa', score: 0.75 },
      { classIndex: 2, className: 'virginica', score: 0.875 },
    ]);
    const logits: HostTensor = { dtype: 'float32', dims: [1, 2], data: Float32Array.of(2.3, -1) };
    expect(predictClasses({ label: { dtype: 'int64', dims: [1], data: BigInt64Array.of(0n) }, logits }, ['cat', 'dog'])?.rows).toEqual([{ classIndex: 0, className: 'cat', score: null }]);
  });

  it('takes the argmax of probabilities and keeps the probability as score', () => {
    expect(predictClasses({ probabilities }, IRIS)).toEqual({
      output: 'probabilities',
      totalRows: 2,
      rows: [
        { classIndex: 0, className: 'setosa', score: 0.75 },
        { classIndex: 2, className: 'virginica', score: 0.875 },
      ],
    });
  });

  it('takes the argmax of logits but gives no score, since logits are not a distribution', () => {
    const logits: HostTensor = { dtype: 'float32', dims: [1, 3], data: Float32Array.of(-1.5, 4, 2) };
    expect(predictClasses({ logits }, IRIS)).toEqual({ output: 'logits', totalRows: 1, rows: [{ classIndex: 1, className: 'versicolor', score: null }] });
  });

  it('predicts nothing when the package names no classes, or no output matches them', () => {
    const label: HostTensor = { dtype: 'int64', dims: [1], data: BigInt64Array.of(1n) };
    expect(predictClasses({ label, probabilities }, undefined)).toBeNull();
    expect(predictClasses({ label, probabilities }, [])).toBeNull();
    expect(predictClasses({ embedding: { dtype: 'float32', dims: [1, 8], data: new Float32Array(8) } }, IRIS)).toBeNull();
  });

  it('reads only the first rows when asked (a large batch shows a few), and says how many there are', () => {
    const big: HostTensor = { dtype: 'float32', dims: [200_000, 3], data: new Float32Array(600_000).fill(0.1).map((v, i) => (i % 3 === 2 ? 0.8 : v)) };
    const p = predictClasses({ probabilities: big }, IRIS, 12)!;
    expect(p.totalRows).toBe(200_000);
    expect(p.rows).toHaveLength(12);
    expect(p.rows.every((r) => r.className === 'virginica')).toBe(true);
    const labelled = predictClasses({ label: { dtype: 'int64', dims: [3], data: BigInt64Array.of(0n, 1n, 2n) }, probabilities: { ...big, dims: [3, 3], data: big.data.slice(0, 9) } }, IRIS, 2)!;
    expect([labelled.totalRows, labelled.rows.map((r) => [r.className, r.score])]).toEqual([3, [['setosa', Math.fround(0.1)], ['versicolor', Math.fround(0.1)]]]);
  });

  it('falls back to the index for a label outside the class list', () => {
    expect(predictClasses({ label: { dtype: 'int64', dims: [1], data: BigInt64Array.of(7n) } }, IRIS)?.rows[0]?.className).toBe('7');
  });
});

describe('outputsDocument', () => {
  it('writes every output in full, int64 as plain numbers', () => {
    const doc = outputsDocument({
      label: { dtype: 'int64', dims: [2], data: BigInt64Array.of(0n, 2n) },
      probabilities,
      names: { dtype: 'string', dims: [1], data: ['a'] },
    });
    expect(doc).toEqual({
      outputs: {
        label: { dims: [2], dtype: 'int64', data: [0, 2] },
        probabilities: { dims: [2, 3], dtype: 'float32', data: [0.75, 0.25, 0, 0, 0.125, 0.875] },
        names: { dims: [1], dtype: 'string', data: ['a'] },
      },
    });
    expect(typeof doc.outputs.label!.data[0]).toBe('number');
    // JSON.stringify throws on bigint: the document must be serialisable.
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
