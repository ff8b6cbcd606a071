import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { linearRegressor, zipMapClassifier } from '../package/onnx-builder.fixture';
import { decodeModelStructure } from '../package/onnx-structure';
import { exposeFloatOutputs, findZipMaps } from './zipmap';

const zipMapsOf = (bytes: Uint8Array) => findZipMaps(decodeModelStructure(bytes));

const rows = Float32Array.of(1, 2, 3, 4, 5, 1, 0, 0);

describe('ZipMap outputs', () => {
  it('finds the ZipMap, its input tensor and its string labels', () => {
    expect(zipMapsOf(zipMapClassifier(['setosa', 'versicolor', 'virginica']))).toEqual([
      { output: 'output_probability', tensor: 'probabilities', classLabels: ['setosa', 'versicolor', 'virginica'] },
    ]);
    expect(zipMapsOf(zipMapClassifier([0, 1, 2]))[0]!.classLabels).toEqual(['0', '1', '2']);
    expect(zipMapsOf(linearRegressor([1, 2], 0))).toEqual([]);
  });

  it('exposes the probabilities so that onnxruntime can return them (it cannot return the maps)', async () => {
    const bytes = zipMapClassifier([0, 1, 2]);
    const plain = await ort.InferenceSession.create(bytes);
    await expect(plain.run({ float_input: new ort.Tensor('float32', rows, [2, 4]) })).rejects.toThrow(/non tensor|not supported/i);

    const session = await ort.InferenceSession.create(exposeFloatOutputs(bytes, ['probabilities']));
    expect(session.outputNames).toEqual(['output_label', 'output_probability', 'probabilities']);
    const out = await session.run({ float_input: new ort.Tensor('float32', rows, [2, 4]) }, ['output_label', 'probabilities']);
    expect([...(out.output_label!.data as BigInt64Array)]).toEqual([2n, 0n]);
    const p = out.probabilities!.data as Float32Array;
    expect(out.probabilities!.dims).toEqual([2, 3]);
    // Softmax of (1, 2, 3) and of (5, 1, 0).
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const s = e[0]! + e[1]! + e[2]!;
    expect(p[2]).toBeCloseTo(e[2]! / s, 5);
    expect(p[3]! + p[4]! + p[5]!).toBeCloseTo(1, 5);
  });
});
