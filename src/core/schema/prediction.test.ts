import { describe, expect, it } from 'vitest';
import { classesFromMetadataProps, isDistribution, planPrediction, rankClasses, readPredictions, softmaxRows } from './prediction';

const IRIS = ['setosa', 'versicolor', 'virginica'];

describe('planPrediction', () => {
  it('calls an integer or string output a class only when its name, known classes or class scores say so', () => {
    expect(planPrediction([{ name: 'y', dtype: 'string', shape: ['N'] }])).toEqual({ kind: 'tensors' });
    expect(planPrediction([{ name: 'token_ids', dtype: 'int64', shape: ['N'] }])).toEqual({ kind: 'tensors' });
    expect(planPrediction([{ name: 'output_label', dtype: 'string', shape: ['N'] }])).toMatchObject({ kind: 'classification', labelOutput: 'output_label' });
    expect(planPrediction([{ name: 'y', dtype: 'int64', shape: ['N'] }], { classes: IRIS })).toMatchObject({ kind: 'classification', labelOutput: 'y' });
  });

  it('recognises sklearn label + probabilities, logits, regression and plain tensors', () => {
    expect(planPrediction([{ name: 'label', dtype: 'int64', shape: ['N'] }, { name: 'probabilities', dtype: 'float32', shape: ['N', 3] }], { classes: IRIS })).toEqual({
      kind: 'classification',
      labelOutput: 'label',
      scoreOutput: 'probabilities',
      classes: IRIS,
      labels: null,
    });
    expect(planPrediction([{ name: 'logits', dtype: 'float32', shape: ['batch', 10] }])).toMatchObject({ kind: 'classification', labelOutput: null, scoreOutput: 'logits', classes: null });
    expect(planPrediction([{ name: 'variable', dtype: 'float32', shape: ['N', 1] }], { targetColumn: 'price' })).toEqual({ kind: 'regression', output: 'variable', target: 'price' });
    expect(planPrediction([{ name: 'embedding', dtype: 'float32', shape: ['N', 768] }])).toEqual({ kind: 'tensors' });
  });
});

describe('readPredictions', () => {
  const plan = planPrediction([{ name: 'label', dtype: 'int64', shape: ['N'] }, { name: 'probabilities', dtype: 'float32', shape: ['N', 3] }], { classes: IRIS });

  it('takes the label output and its probability', () => {
    const p = readPredictions(plan, {
      label: { dtype: 'int64', dims: [2], data: BigInt64Array.of(2n, 0n) },
      probabilities: { dtype: 'float32', dims: [2, 3], data: Float32Array.of(0.1, 0.2, 0.7, 0.5, 0.25, 0.25) },
    });
    expect([...p.classIndex]).toEqual([2, 0]);
    expect(p.className).toEqual(['virginica', 'setosa']);
    expect(p.confidence[0]).toBeCloseTo(0.7, 6);
    expect(p.scoreKind).toBe('probabilities');
    expect(rankClasses(p, 0, 2).map((c) => c.name)).toEqual(['virginica', 'versicolor']);
  });

  it('reads 64-bit labels and values as Number(bigint) does, past 2^53 and below zero', () => {
    const big = [0n, 1n, 2n, -1n, 3n, 2n ** 40n + 3n, -(2n ** 53n) - 1n, 2n ** 63n - 1n, -(2n ** 63n), 9007199254740993n];
    const labels = readPredictions({ kind: 'classification', labelOutput: 'y', scoreOutput: null, classes: IRIS, labels: null }, { y: { dtype: 'int64', dims: [big.length], data: BigInt64Array.from(big) } });
    // A label past an Int32's range is no class position: -1, never a wrapped index.
    expect([...labels.classIndex]).toEqual(big.map((v) => (v >= 0n && v < 2n ** 31n ? Number(v) : -1)));
    expect(labels.className).toEqual(big.map((v) => IRIS[Number(v)] ?? String(v)));
    // A float16 label is its value, not its bits (0x4000 is 2).
    const half = readPredictions({ kind: 'classification', labelOutput: 'y', scoreOutput: null, classes: IRIS, labels: null }, { y: { dtype: 'float16', dims: [2], data: Uint16Array.of(0x4000, 0) } });
    expect(half.className).toEqual(['virginica', 'setosa']);
    const regression = { kind: 'regression' as const, output: 'v', target: 'y' };
    const signed = readPredictions(regression, { v: { dtype: 'int64', dims: [big.length], data: BigInt64Array.from(big) } });
    expect([...signed.values!]).toEqual(big.map(Number));
    const unsigned = [0n, 1n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 64n - 1n, 2n ** 53n + 1n];
    const u = readPredictions(regression, { v: { dtype: 'uint64', dims: [unsigned.length], data: BigUint64Array.from(unsigned) } });
    expect([...u.values!]).toEqual(unsigned.map(Number));
  });

  it('detects logits, and applies softmax when asked', () => {
    const logitsPlan = planPrediction([{ name: 'logits', dtype: 'float32', shape: ['N', 3] }], { classes: IRIS });
    const outputs = { logits: { dtype: 'float32' as const, dims: [1, 3], data: Float32Array.of(-1, 2, 0.5) } };
    const raw = readPredictions(logitsPlan, outputs);
    expect(raw.scoreKind).toBe('logits');
    expect(raw.className).toEqual(['versicolor']);
    const soft = readPredictions(logitsPlan, outputs, { softmax: true });
    expect(soft.scoreKind).toBe('softmax');
    const e = [Math.exp(-1), Math.exp(2), Math.exp(0.5)];
    expect(soft.confidence[0]).toBeCloseTo(e[1]! / (e[0]! + e[1]! + e[2]!), 6);
  });

  it('reads a label as the class value the model lists (sklearn-onnx classlabels), not as a position', () => {
    // Classes 1, 2, 3: the model's label 1 is the first class, and its score is the first column.
    const plan = planPrediction(
      [
        { name: 'label', dtype: 'int64', shape: ['N'] },
        { name: 'probabilities', dtype: 'float32', shape: ['N', 3] },
      ],
      { classes: ['1', '2', '3'], labels: ['1', '2', '3'] },
    );
    const outputs = { label: { dtype: 'int64' as const, dims: [3], data: BigInt64Array.of(1n, 2n, 3n) }, probabilities: { dtype: 'float32' as const, dims: [3, 3], data: Float32Array.of(0.9, 0.05, 0.05, 0.1, 0.8, 0.1, 0, 0.3, 0.7) } };
    const p = readPredictions(plan, outputs);
    expect(p.className).toEqual(['1', '2', '3']);
    expect([...p.classIndex]).toEqual([0, 1, 2]);
    expect([...p.confidence].map((c) => +c.toFixed(2))).toEqual([0.9, 0.8, 0.7]);
    // Labels -1 and 1 (a binary SVM), named by metadata: -1 is the first class.
    const binary = readPredictions({ kind: 'classification', labelOutput: 'y', scoreOutput: null, classes: ['no', 'yes'], labels: ['-1', '1'] }, { y: { dtype: 'int64', dims: [2], data: BigInt64Array.of(-1n, 1n) } });
    expect([binary.className, [...binary.classIndex]]).toEqual([['no', 'yes'], [0, 1]]);
    // String labels map through the model's list too, and a label it does not list is shown as it is.
    const text = readPredictions({ kind: 'classification', labelOutput: 'y', scoreOutput: null, classes: ['cat', 'dog'], labels: ['c', 'd'] }, { y: { dtype: 'string', dims: [2], data: ['d', 'x'] } });
    expect([text.className, [...text.classIndex]]).toEqual([['dog', 'x'], [1, -1]]);
    // Metadata listing the model's own labels in another order: names follow the model's score columns.
    const reordered = planPrediction(
      [
        { name: 'label', dtype: 'string', shape: ['N'] },
        { name: 'probabilities', dtype: 'float32', shape: ['N', 2] },
      ],
      { classes: ['dog', 'cat'], labels: ['cat', 'dog'] },
    );
    expect(reordered).toMatchObject({ classes: ['cat', 'dog'] });
    const pets = readPredictions(reordered, { label: { dtype: 'string', dims: [1], data: ['dog'] }, probabilities: { dtype: 'float32', dims: [1, 2], data: Float32Array.of(0.2, 0.8) } });
    expect([pets.className[0], pets.confidence[0]]).toEqual(['dog', Math.fround(0.8)]);
    // Labels that do not match the score columns in number are not used.
    expect(planPrediction([{ name: 'probabilities', dtype: 'float32', shape: ['N', 2] }], { labels: ['1', '2', '3'] })).toMatchObject({ kind: 'classification', labels: null });
  });

  it('reads string labels (ZipMap style) and regression values', () => {
    const p = readPredictions({ kind: 'classification', labelOutput: 'output_label', scoreOutput: null, classes: IRIS, labels: null }, { output_label: { dtype: 'string', dims: [1], data: ['virginica'] } });
    expect([p.className[0], p.classIndex[0]]).toEqual(['virginica', 2]);
    const r = readPredictions({ kind: 'regression', output: 'variable', target: 'y' }, { variable: { dtype: 'float32', dims: [2, 1], data: Float32Array.of(1.5, -2) } });
    expect([...r.values!]).toEqual([1.5, -2]);
  });
});

describe('score helpers', () => {
  it('tells distributions from logits, and softmaxes stably', () => {
    expect(isDistribution([0.2, 0.8, 1, 0], 2)).toBe(true);
    expect(isDistribution([0.2, 0.7], 2)).toBe(false);
    expect(isDistribution([-1, 2], 2)).toBe(false);
    const s = softmaxRows([1000, 1000], 2);
    expect([...s]).toEqual([0.5, 0.5]);
  });

  it('reads class names from metadata_props', () => {
    expect(classesFromMetadataProps({ target_classes: '["a", "b"]' })).toEqual(['a', 'b']);
    expect(classesFromMetadataProps({ classes: 'cat, dog' })).toEqual(['cat', 'dog']);
    expect(classesFromMetadataProps({})).toBeNull();
  });
});
