import protobuf from 'protobufjs';

/**
 * Builds small ONNX models for tests, so that no binary fixture has to be
 * committed: an sklearn-onnx style classifier (LinearClassifier + ZipMap) and
 * a linear regressor.
 */
const SCHEMA = {
  nested: {
    onnx: {
      nested: {
        ModelProto: {
          fields: {
            irVersion: { type: 'int64', id: 1 },
            producerName: { type: 'string', id: 2 },
            graph: { type: 'GraphProto', id: 7 },
            opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
          },
        },
        OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            name: { type: 'string', id: 2 },
            initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
            input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            name: { type: 'string', id: 3 },
            opType: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
            domain: { type: 'string', id: 7 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            f: { type: 'float', id: 2 },
            i: { type: 'int64', id: 3 },
            s: { type: 'bytes', id: 4 },
            floats: { rule: 'repeated', type: 'float', id: 7 },
            ints: { rule: 'repeated', type: 'int64', id: 8 },
            strings: { rule: 'repeated', type: 'bytes', id: 9 },
            type: { type: 'int32', id: 20 },
          },
        },
        TensorProto: {
          fields: {
            dims: { rule: 'repeated', type: 'int64', id: 1 },
            dataType: { type: 'int32', id: 2 },
            floatData: { rule: 'repeated', type: 'float', id: 4 },
            name: { type: 'string', id: 8 },
          },
        },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
        TypeProto: {
          fields: {
            tensorType: { type: 'TensorTypeProto', id: 1 },
            sequenceType: { type: 'SequenceTypeProto', id: 4 },
            mapType: { type: 'MapTypeProto', id: 5 },
          },
        },
        TensorTypeProto: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
        SequenceTypeProto: { fields: { elemType: { type: 'TypeProto', id: 1 } } },
        MapTypeProto: { fields: { keyType: { type: 'int32', id: 1 }, valueType: { type: 'TypeProto', id: 2 } } },
        TensorShapeProto: { fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } } },
        Dimension: { fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 } } },
      },
    },
  },
};

const model = protobuf.Root.fromJSON(SCHEMA).lookupType('onnx.ModelProto');
const FLOAT = 1;
const STRING = 8;
const INT64 = 7;
const ATTR = { FLOAT: 1, INT: 2, STRING: 3, FLOATS: 6, INTS: 7, STRINGS: 8 };
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
  const message = model.create({
    irVersion: 8,
    producerName: 'skl2onnx',
    opsetImport: [{ domain: '', version: 17 }, { domain: 'ai.onnx.ml', version: 1 }],
    graph: {
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
    },
  });
  return model.encode(message).finish();
}

/** `x [N, weights.length]` → `variable [N, 1]` = x · weights + bias (a linear regressor). */
export function linearRegressor(weights: readonly number[], bias: number): Uint8Array {
  const message = model.create({
    irVersion: 8,
    producerName: 'test',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
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
    },
  });
  return model.encode(message).finish();
}

/**
 * `x [N, 4]` → MatMul "project" → Hardmax "odd_one" → Relu "relu" → `y [N, 4]`. Hardmax has
 * no WebGPU kernel in onnxruntime-web 1.30: on WebGPU it runs on the CPU, between two copies.
 */
export function cpuFallbackModel(): Uint8Array {
  const message = model.create({
    irVersion: 8,
    producerName: 'test',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'cpu_fallback',
      initializer: [{ name: 'W', dataType: FLOAT, dims: [4, 4], floatData: Array.from({ length: 16 }, (_, i) => (i % 5 === 0 ? 1 : 0.1)) }],
      node: [
        { opType: 'MatMul', name: 'project', input: ['x', 'W'], output: ['h'] },
        { opType: 'Hardmax', name: 'odd_one', input: ['h'], output: ['k'] },
        { opType: 'Relu', name: 'relu', input: ['k'], output: ['y'] },
      ],
      input: [{ name: 'x', type: tensorType(FLOAT, ['N', 4]) }],
      output: [{ name: 'y', type: tensorType(FLOAT, ['N', 4]) }],
    },
  });
  return model.encode(message).finish();
}

/** `x [1, 4]` → `com.example.custom:FancyNormalize` → `y [1, 4]`: a model needing a custom-op library. */
export function customOpModel(): Uint8Array {
  const message = model.create({
    irVersion: 8,
    producerName: 'test',
    opsetImport: [{ domain: '', version: 17 }, { domain: 'com.example.custom', version: 1 }],
    graph: {
      name: 'custom_op',
      node: [{ opType: 'FancyNormalize', domain: 'com.example.custom', name: 'fancy', input: ['x'], output: ['y'] }],
      input: [{ name: 'x', type: tensorType(FLOAT, [1, 4]) }],
      output: [{ name: 'y', type: tensorType(FLOAT, [1, 4]) }],
    },
  });
  return model.encode(message).finish();
}
