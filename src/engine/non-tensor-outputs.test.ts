import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { zipMapClassifier } from '../core/package/onnx-builder.fixture';
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
