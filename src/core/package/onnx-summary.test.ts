import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelProtoType } from './onnx-schema';
import { summarizeOnnx } from './onnx-summary';
import { resolveDims, symbolicDims } from '../schema/host-tensor';

const exampleModel = (id: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../public/examples/${id}/model.onnx`, import.meta.url)));

const FLOAT = 1;

/** A model built from the inspector's own proto subset: enough structure to summarise, not to run. */
function tinyModel(graph: Record<string, unknown>): Uint8Array {
  const model = {
    irVersion: 8,
    opsetImport: [{ domain: '', version: 17 }],
    producerName: 'vitest',
    graph: { name: 'tiny', node: [{ opType: 'Add', name: 'add' }], output: [{ name: 'y', type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimValue: 2 }] } } } }], ...graph },
  };
  return modelProtoType.encode(modelProtoType.fromObject(model)).finish();
}

const external = (name: string, file: string, dims: number[]) => ({
  name,
  dims,
  dataType: FLOAT,
  dataLocation: 1,
  externalData: [
    { key: 'location', value: file },
    { key: 'offset', value: '0' },
    { key: 'length', value: String(dims.reduce((a, b) => a * b, 4)) },
  ],
});

describe('summarizeOnnx on the example models', () => {
  it('reads the iris pipeline: header, signature, operators and parameters', () => {
    const s = summarizeOnnx(exampleModel('iris-pipeline'));
    expect(s.irVersion).toBe(8);
    expect(s.opsetImports).toEqual([{ domain: 'ai.onnx', version: 17 }]);
    expect(s.producerName).toBe('onnx-playground-examples');
    expect(s.producerVersion).toBe('1.0');
    expect(s.modelVersion).toBe(1);
    expect(s.graphName).toBe('iris_pipeline');
    expect(s.docString).toMatch(/^Iris species/);
    expect(Object.keys(s.metadataProps)).toEqual(['model_name', 'model_version', 'model_class', 'target_classes', 'feature_names']);
    expect(s.metadataProps.model_name).toBe('iris-pipeline');
    expect(JSON.parse(s.metadataProps.target_classes!)).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(s.inputs).toEqual([{ name: 'float_input', dtype: 'float32', shape: ['batch', 4] }]);
    expect(s.outputs).toEqual([
      { name: 'label', dtype: 'int64', shape: ['batch'] },
      { name: 'probabilities', dtype: 'float32', shape: ['batch', 3] },
    ]);
    expect(s.nodeCount).toBe(6);
    // Ties are ordered by name.
    expect(s.operatorCounts).toEqual(['Add', 'ArgMax', 'Div', 'MatMul', 'Softmax', 'Sub'].map((opType) => ({ opType, count: 1 })));
    // mean[4] + scale[4] + coef[4x3] + intercept[3]
    expect(s.initializerCount).toBe(4);
    expect(s.parameterCount).toBe(23);
    expect(s.externalDataFiles).toEqual([]);
  });

  it('lists the ai.onnx.ml domain of the tree ensemble and prefixes its operator', () => {
    const s = summarizeOnnx(exampleModel('iris-trees'));
    expect(s.opsetImports).toEqual([
      { domain: 'ai.onnx', version: 17 },
      { domain: 'ai.onnx.ml', version: 3 },
    ]);
    expect(s.operatorCounts).toEqual([{ opType: 'ai.onnx.ml.TreeEnsembleClassifier', count: 1 }]);
    expect(s.parameterCount).toBe(0);
  });

  it('counts operators most frequent first for the digits CNN', () => {
    const s = summarizeOnnx(exampleModel('digits-cnn'));
    expect(s.inputs).toEqual([{ name: 'pixels', dtype: 'float32', shape: ['batch', 1, 8, 8] }]);
    expect(s.operatorCounts.slice(0, 3)).toEqual([
      { opType: 'Relu', count: 3 },
      { opType: 'Conv', count: 2 },
      { opType: 'Gemm', count: 2 },
    ]);
    expect(s.nodeCount).toBe(11);
    expect(s.parameterCount).toBe(18_346);
  });

  it('decodes the 26 MB MLP and counts its millions of parameters', () => {
    const s = summarizeOnnx(exampleModel('mlp-large'));
    // 64*2048+2048 + 2048*2048+2048 + 2048*1024+1024 + 1024*10+10, plus the 1-element divisor constant.
    expect(s.parameterCount).toBe(6_437_898);
    expect(s.inputs).toEqual([{ name: 'pixels_flat', dtype: 'float32', shape: ['batch', 64] }]);
    expect(s.outputs).toEqual([{ name: 'logits', dtype: 'float32', shape: ['batch', 10] }]);
    expect(s.operatorCounts[0]).toEqual({ opType: 'Gemm', count: 4 });
  });

  it('throws on a model cut in half', () => {
    const bytes = exampleModel('iris-pipeline');
    expect(() => summarizeOnnx(bytes.subarray(0, bytes.length >> 1))).toThrow(/index out of range/);
  });

  it('throws on protobuf that holds no graph', () => {
    const headerOnly = modelProtoType.encode(modelProtoType.fromObject({ irVersion: 8, producerName: 'x' })).finish();
    expect(() => summarizeOnnx(headerOnly)).toThrow(/no ONNX graph/);
    expect(() => summarizeOnnx(new Uint8Array(0))).toThrow(/no ONNX graph/);
  });
});

describe('summarizeOnnx on hand-built models', () => {
  it('lists each external-data file once, in first-use order, and still counts those parameters', () => {
    const s = summarizeOnnx(
      tinyModel({
        initializer: [
          external('w1', 'weights.bin', [2, 3]),
          { name: 'inline', dims: [5], dataType: FLOAT },
          external('w2', 'weights.bin', [4]),
          external('w3', 'more/extra.bin', [2]),
        ],
      }),
    );
    expect(s.externalDataFiles).toEqual(['weights.bin', 'more/extra.bin']);
    expect(s.initializerCount).toBe(4);
    expect(s.parameterCount).toBe(6 + 5 + 4 + 2);
  });

  it('ignores external_data entries on tensors whose data_location is DEFAULT', () => {
    const tensor = { ...external('w', 'weights.bin', [2]), dataLocation: 0 };
    expect(summarizeOnnx(tinyModel({ initializer: [tensor] })).externalDataFiles).toEqual([]);
  });

  it('leaves out initializers that old (IR < 4) models also list as inputs', () => {
    const spec = (name: string) => ({ name, type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimValue: 2 }] } } } });
    const s = summarizeOnnx(tinyModel({ input: [spec('x'), spec('bias')], initializer: [{ name: 'bias', dims: [2], dataType: FLOAT }] }));
    expect(s.inputs.map((i) => i.name)).toEqual(['x']);
  });

  it('keeps symbolic, fixed, explicit-zero and unknown dimensions apart', () => {
    const s = summarizeOnnx(
      tinyModel({ input: [{ name: 'x', type: { tensorType: { elemType: FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimValue: 3 }, { dimValue: 0 }, {}] } } } }] }),
    );
    // A dimension with neither a value nor a name is unknown: it must not pass for a fixed size 0.
    expect(s.inputs[0]!.shape).toEqual(['batch', 3, 0, 'x[3]']);
  });

  it('gives each unnamed dimension its own name, never shared with another input (input [?, ?], state [2, ?, 128])', () => {
    const s = summarizeOnnx(new Uint8Array(readFileSync('src/core/tensors/fixtures/models/vad-like/model.onnx')));
    expect(s.inputs.map((i) => [i.name, i.dtype, i.shape])).toEqual([
      ['input', 'float32', ['input[0]', 'input[1]']],
      ['state', 'float32', [2, 'state[1]', 128]],
      ['sr', 'int64', []],
    ]);
    expect(symbolicDims(s.inputs)).toEqual(['input[0]', 'input[1]', 'state[1]']);
    // Sizing one never sizes another input's.
    expect(resolveDims(s.inputs[1]!.shape, { 'input[1]': 512 })).toEqual([2, 1, 128]);
  });

  it('reports non-tensor and shapeless inputs', () => {
    const s = summarizeOnnx(
      tinyModel({
        input: [
          { name: 'seq', type: { sequenceType: { elemType: { tensorType: { elemType: FLOAT } } } } },
          { name: 'anyshape', type: { tensorType: { elemType: 7 } } },
          { name: 'bf16', type: { tensorType: { elemType: 16, shape: { dim: [{ dimValue: 1 }] } } } },
        ],
      }),
    );
    expect(s.inputs).toEqual([
      { name: 'seq', dtype: 'unknown', shape: null },
      { name: 'anyshape', dtype: 'int64', shape: null },
      { name: 'bf16', dtype: 'unknown', shape: [1] },
    ]);
  });
});
