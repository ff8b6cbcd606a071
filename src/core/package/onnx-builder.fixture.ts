import type { TensorSpec } from '../protocol/tensor';
import { modelProtoType, ONNX_ATTRIBUTE_TYPE as ATTR, ONNX_DATA_TYPE } from './onnx-schema';

/**
 * Builds small ONNX models for tests, so that no binary fixture has to be
 * committed: an sklearn-onnx style classifier (LinearClassifier + ZipMap), a
 * linear regressor and a model with a CPU-only operator. Encoded with the
 * project's one ONNX schema (src/core/package/onnx-schema.ts).
 */
const { FLOAT, STRING, INT64 } = ONNX_DATA_TYPE;
const encode = (model: Record<string, unknown>): Uint8Array => modelProtoType.encode(modelProtoType.fromObject(model)).finish();
/** A model of `graph` at IR 8 and opset 17, with any other operator sets it needs. */
const testModel = (graph: Record<string, unknown>, opsets: readonly { domain: string; version: number }[] = [], producerName = 'test'): Uint8Array =>
  encode({ irVersion: 8, producerName, opsetImport: [{ domain: '', version: 17 }, ...opsets], graph });
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const tensorType = (elemType: number, dims: (number | string)[]) => ({
  tensorType: { elemType, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } },
});

/**
 * `float_input [N, features]` → LinearClassifier (softmax) → `output_label` and, through
 * ZipMap, `output_probability` (a sequence of maps), as skl2onnx writes a LogisticRegression.
 * Class c scores `x[c]` (coefficients: identity), so the largest feature wins.
 */
export function zipMapClassifier(labels: readonly string[] | readonly number[], features = 4): Uint8Array {
  const strings = typeof labels[0] === 'string';
  const classes = labels.length;
  const coefficients = Array.from({ length: classes * features }, (_, k) => (Math.floor(k / features) === k % features ? 1 : 0));
  const classLabels = strings
    ? { name: 'classlabels_strings', type: ATTR.STRINGS, strings: (labels as string[]).map(text) }
    : { name: 'classlabels_ints', type: ATTR.INTS, ints: labels as number[] };
  const zipLabels = strings
    ? { name: 'classlabels_strings', type: ATTR.STRINGS, strings: (labels as string[]).map(text) }
    : { name: 'classlabels_int64s', type: ATTR.INTS, ints: labels as number[] };
  const seqMap = { sequenceType: { elemType: { mapType: { keyType: strings ? STRING : INT64, valueType: tensorType(FLOAT, []) } } } };
  return testModel({
    name: 'zipmap_classifier',
    node: [
      {
        opType: 'LinearClassifier',
        domain: 'ai.onnx.ml',
        name: 'linear',
        input: ['float_input'],
        output: ['label', 'probabilities'],
        attribute: [
          { name: 'coefficients', type: ATTR.FLOATS, floats: coefficients },
          { name: 'intercepts', type: ATTR.FLOATS, floats: new Array(classes).fill(0) },
          { name: 'post_transform', type: ATTR.STRING, s: text('SOFTMAX') },
          classLabels,
        ],
      },
      { opType: 'Identity', name: 'label_out', input: ['label'], output: ['output_label'] },
      { opType: 'ZipMap', domain: 'ai.onnx.ml', name: 'zipmap', input: ['probabilities'], output: ['output_probability'], attribute: [zipLabels] },
    ],
    input: [{ name: 'float_input', type: tensorType(FLOAT, ['N', features]) }],
    output: [
      { name: 'output_label', type: tensorType(strings ? STRING : INT64, ['N']) },
      { name: 'output_probability', type: seqMap },
    ],
  }, [{ domain: 'ai.onnx.ml', version: 1 }], 'skl2onnx');
}

/** `x [N, weights.length]` → `variable [N, 1]` = x · weights + bias (a linear regressor). */
export function linearRegressor(weights: readonly number[], bias: number): Uint8Array {
  return testModel({
    name: 'linear_regressor',
    initializer: [
      { name: 'W', dataType: FLOAT, dims: [weights.length, 1], floatData: weights },
      { name: 'B', dataType: FLOAT, dims: [1], floatData: [bias] },
    ],
    node: [
      { opType: 'MatMul', name: 'mm', input: ['x', 'W'], output: ['xw'] },
      { opType: 'Add', name: 'add', input: ['xw', 'B'], output: ['variable'] },
    ],
    input: [{ name: 'x', type: tensorType(FLOAT, ['N', weights.length]) }],
    output: [{ name: 'variable', type: tensorType(FLOAT, ['N', 1]) }],
  });
}

/**
 * `x [N, 4]` → MatMul "project" → Hardmax "odd_one" → Relu "relu" → `y [N, 4]`. Hardmax has
 * no WebGPU kernel in onnxruntime-web 1.30: on WebGPU it runs on the CPU, between two copies.
 */
export function cpuFallbackModel(): Uint8Array {
  return testModel({
    name: 'cpu_fallback',
    initializer: [{ name: 'W', dataType: FLOAT, dims: [4, 4], floatData: Array.from({ length: 16 }, (_, i) => (i % 5 === 0 ? 1 : 0.1)) }],
    node: [
      { opType: 'MatMul', name: 'project', input: ['x', 'W'], output: ['h'] },
      { opType: 'Hardmax', name: 'odd_one', input: ['h'], output: ['k'] },
      { opType: 'Relu', name: 'relu', input: ['k'], output: ['y'] },
    ],
    input: [{ name: 'x', type: tensorType(FLOAT, ['N', 4]) }],
    output: [{ name: 'y', type: tensorType(FLOAT, ['N', 4]) }],
  });
}

/** `x [1, 4]` → `com.example.custom:FancyNormalize` → `y [1, 4]`: a model needing a custom-op library. */
export function customOpModel(): Uint8Array {
  return testModel({
    name: 'custom_op',
    node: [{ opType: 'FancyNormalize', domain: 'com.example.custom', name: 'fancy', input: ['x'], output: ['y'] }],
    input: [{ name: 'x', type: tensorType(FLOAT, [1, 4]) }],
    output: [{ name: 'y', type: tensorType(FLOAT, [1, 4]) }],
  }, [{ domain: 'com.example.custom', version: 1 }]);
}

/**
 * Two inputs, one per feature, as skl2onnx writes a ColumnTransformer's: `p [N, 1]` float32 and
 * `q [N, 1]` int64 → `variable [N, 1]` = 2·p + q (q cast to float) and `q_echo [N, 1]`, q itself,
 * so that a test sees every int64 exactly as the model was given it.
 */
export function twoInputModel(): Uint8Array {
  return testModel({
    name: 'two_inputs',
    initializer: [{ name: 'two', dataType: FLOAT, dims: [1], floatData: [2] }],
    node: [
      { opType: 'Cast', name: 'q_float', input: ['q'], output: ['qf'], attribute: [{ name: 'to', type: ATTR.INT, i: FLOAT }] },
      { opType: 'Mul', name: 'double_p', input: ['p', 'two'], output: ['p2'] },
      { opType: 'Add', name: 'sum', input: ['p2', 'qf'], output: ['variable'] },
      { opType: 'Identity', name: 'echo', input: ['q'], output: ['q_echo'] },
    ],
    input: [
      { name: 'p', type: tensorType(FLOAT, ['N', 1]) },
      { name: 'q', type: tensorType(INT64, ['N', 1]) },
    ],
    output: [
      { name: 'variable', type: tensorType(FLOAT, ['N', 1]) },
      { name: 'q_echo', type: tensorType(INT64, ['N', 1]) },
    ],
  });
}

/** `x` → Identity → `y`, of one element type (an ONNX data type code) and shape: what a model receives comes straight back. */
export function identityModel(elemType: number, dims: (number | string)[]): Uint8Array {
  const type = tensorType(elemType, dims);
  return testModel({ name: 'identity', node: [{ opType: 'Identity', input: ['x'], output: ['y'] }], input: [{ name: 'x', type }], output: [{ name: 'y', type }] });
}

const BERT_SHAPE = ['batch', 'sequence_length'];

/** The inputs of `bertLikeModel`, as a BERT export names them. */
export const BERT_LIKE_INPUTS: readonly TensorSpec[] = ['input_ids', 'token_type_ids', 'position_ids', 'attention_mask'].map((name) => ({ name, dtype: 'int64', shape: BERT_SHAPE }));

/**
 * A BERT-shaped toy, for tests: ids index a `vocab`-row word table, a 2-row token-type table and
 * a `positions`-row position table (Gather fails on an index past a table: "out of data
 * bounds"); the mask becomes an HF-style extended mask, (1 - mask) · float32 min, added to the
 * scores before a softmax, so a mask value other than 0 or 1 gives NaN.
 * Output `y [batch, sequence_length]`: the softmax over the sequence.
 */
export function bertLikeModel(vocab: number, positions: number): Uint8Array {
  const table = (name: string, rows: number) => ({ name, dataType: FLOAT, dims: [rows], floatData: Array.from({ length: rows }, (_, i) => (i % 7) / 7) });
  return testModel({
    name: 'bert_like',
    initializer: [
      table('words', vocab),
      table('types', 2),
      table('positions', positions),
      { name: 'one', dataType: FLOAT, dims: [], floatData: [1] },
      { name: 'float_min', dataType: FLOAT, dims: [], floatData: [-3.4028234663852886e38] },
    ],
    node: [
      { opType: 'Gather', input: ['words', 'input_ids'], output: ['w'] },
      { opType: 'Gather', input: ['types', 'token_type_ids'], output: ['t'] },
      { opType: 'Gather', input: ['positions', 'position_ids'], output: ['p'] },
      { opType: 'Add', input: ['w', 't'], output: ['wt'] },
      { opType: 'Add', input: ['wt', 'p'], output: ['scores'] },
      { opType: 'Cast', input: ['attention_mask'], output: ['m'], attribute: [{ name: 'to', type: ATTR.INT, i: FLOAT }] },
      { opType: 'Sub', input: ['one', 'm'], output: ['dropped'] },
      { opType: 'Mul', input: ['dropped', 'float_min'], output: ['bias'] },
      { opType: 'Add', input: ['scores', 'bias'], output: ['masked'] },
      { opType: 'Softmax', input: ['masked'], output: ['y'], attribute: [{ name: 'axis', type: ATTR.INT, i: -1 }] },
    ],
    input: BERT_LIKE_INPUTS.map((spec) => ({ name: spec.name, type: tensorType(INT64, BERT_SHAPE) })),
    output: [{ name: 'y', type: tensorType(FLOAT, BERT_SHAPE) }],
  });
}
