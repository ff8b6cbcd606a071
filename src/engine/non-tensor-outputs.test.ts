import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { modelFacts } from '../core/model/model-facts';
import { assemblePackage } from '../core/package/model-package';
import { zipMapClassifier } from '../core/package/onnx-builder.fixture';
import { createBatchTally } from '../core/schema/batch-summary';
import { readPredictions } from '../core/schema/prediction';
import type { BackendId } from '../core/protocol/engine-api';
import { fromPayload, toPayload } from '../core/schema/host-tensor';
import { createEngine } from './create-engine';
import type { OrtRuntime } from './ort-runtime';

const CPU = 'cpu' as BackendId;

describe('an sklearn-onnx classifier with ZipMap', () => {
  it('loads with its probabilities exposed and runs, returning the label and the probabilities', async () => {
    const engine = createEngine(ort as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false });
    const bytes = zipMapClassifier(['setosa', 'versicolor', 'virginica']);
    const loaded = await engine.load({ sessionId: 's', fileName: 'model.onnx', modelBytes: new Uint8Array(bytes).buffer, backend: CPU, format: 'onnx' });
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.zipMaps).toEqual([{ output: 'output_probability', tensor: 'probabilities', classLabels: ['setosa', 'versicolor', 'virginica'] }]);
    expect(loaded.value.outputs.map((o) => [o.name, o.dtype])).toEqual([
      ['output_label', 'string'],
      ['output_probability', 'unknown'],
      ['probabilities', 'float32'],
    ]);
    const feeds = { float_input: toPayload({ dtype: 'float32', dims: [1, 4], data: Float32Array.of(0, 5, 1, 0) }) };
    const run = await engine.run('s', feeds);
    if (!run.ok) throw new Error(run.error.message);
    expect(Object.keys(run.value.outputs).sort()).toEqual(['output_label', 'probabilities']);
    expect(fromPayload(run.value.outputs.output_label!).data).toEqual(['versicolor']);
    const p = fromPayload(run.value.outputs.probabilities!).data as Float32Array;
    expect(p[1]).toBeGreaterThan(0.9);
  });
});

describe('a classifier whose labels are values (sklearn-onnx classlabels 1, 2, 3)', () => {
  it('names each row’s class as onnxruntime-node labels it, with that class’s probability, and counts true labels written 1.0 as class 1', async () => {
    const engine = createEngine(ort as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false });
    const made = assemblePackage('labels', [{ path: 'model.onnx', bytes: zipMapClassifier([1, 2, 3], 3) }]);
    if (!made.ok) throw new Error(made.error.message);
    const loaded = await engine.load({ sessionId: 'v', fileName: 'model.onnx', modelBytes: new Uint8Array(made.value.model.bytes).buffer, backend: CPU, format: 'onnx' });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const facts = modelFacts(made.value, loaded.value);
    // Rows whose largest feature is the first, second and third: classes 1, 2 and 3.
    const x = Float32Array.of(9, 0, 0, 0, 9, 0, 0, 0, 9);
    const run = await engine.run('v', { float_input: toPayload({ dtype: 'float32', dims: [3, 3], data: x }) });
    if (!run.ok) throw new Error(run.error.message);
    const outputs = Object.fromEntries(Object.entries(run.value.outputs).map(([name, p]) => [name, fromPayload(p)]));
    const reference = await ort.InferenceSession.create(made.value.model.bytes);
    const direct = await reference.run({ float_input: new ort.Tensor('float32', x, [3, 3]) }, ['output_label']);
    const truth = Array.from(direct.output_label!.data as BigInt64Array, String);
    expect(truth).toEqual(['1', '2', '3']);
    const p = readPredictions(facts.plan, outputs);
    expect(p.className).toEqual(truth);
    const probabilities = outputs.probabilities!.data as Float32Array;
    expect([...p.confidence]).toEqual([probabilities[0], probabilities[4], probabilities[8]]);
    const tally = createBatchTally();
    tally.add({ start: 0, count: 3, values: { kind: 'packed', width: 3, data: Float64Array.from(x) }, truth: ['1.0', '2', '3'], status: new Uint8Array(3), notes: new Map(), predictions: p });
    expect(tally.summary(null).classification?.accuracy).toBe(1);
  });
});
