/**
 * The one ONNX protobuf schema of the project (onnx.proto, IR version 10), as protobufjs JSON
 * descriptors with camelCase field names: plain data, read by `scripts/generate-onnx-codec.mjs`,
 * which writes the decoders in `onnx-codec.generated.js` (static code: no `eval`, so the app
 * runs under a Content-Security-Policy without 'unsafe-eval'). Change the schema here, then run
 * `npm run generate:onnx-codec`; a unit test fails while the generated code is stale.
 *
 * Two packages come from it: `onnx` reads and writes everything, payloads included, and
 * `onnxstructure` is the same schema without TensorProto's payload fields, so that reading a
 * model's structure skips its weights without copying them.
 */

export type FieldJson = { type: string; id: number; rule?: 'repeated' };
export type MessageJson = { fields: Record<string, FieldJson>; oneofs?: Record<string, { oneof: string[] }> };

const repeated = (type: string, id: number): FieldJson => ({ rule: 'repeated', type, id });

/** TensorProto fields that hold the tensor's values. */
const TENSOR_PAYLOAD: Record<string, FieldJson> = {
  floatData: repeated('float', 4),
  int32Data: repeated('int32', 5),
  stringData: repeated('bytes', 6),
  int64Data: repeated('int64', 7),
  rawData: { type: 'bytes', id: 9 },
  doubleData: repeated('double', 10),
  uint64Data: repeated('uint64', 11),
};

/** The model and the small records it and its parts share. */
const modelMessages = (): Record<string, MessageJson> => ({
  ModelProto: {
    fields: {
      irVersion: { type: 'int64', id: 1 },
      opsetImport: repeated('OperatorSetIdProto', 8),
      producerName: { type: 'string', id: 2 },
      producerVersion: { type: 'string', id: 3 },
      domain: { type: 'string', id: 4 },
      modelVersion: { type: 'int64', id: 5 },
      docString: { type: 'string', id: 6 },
      graph: { type: 'GraphProto', id: 7 },
      metadataProps: repeated('StringStringEntryProto', 14),
      functions: repeated('FunctionProto', 25),
    },
  },
  OperatorSetIdProto: { fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } } },
  StringStringEntryProto: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
});

/** The graph and its nodes, with their attributes. */
const graphMessages = (): Record<string, MessageJson> => ({
  GraphProto: {
    fields: {
      node: repeated('NodeProto', 1),
      name: { type: 'string', id: 2 },
      initializer: repeated('TensorProto', 5),
      sparseInitializer: repeated('SparseTensorProto', 15),
      docString: { type: 'string', id: 10 },
      input: repeated('ValueInfoProto', 11),
      output: repeated('ValueInfoProto', 12),
      valueInfo: repeated('ValueInfoProto', 13),
      metadataProps: repeated('StringStringEntryProto', 16),
    },
  },
  NodeProto: {
    fields: {
      input: repeated('string', 1),
      output: repeated('string', 2),
      name: { type: 'string', id: 3 },
      opType: { type: 'string', id: 4 },
      attribute: repeated('AttributeProto', 5),
      docString: { type: 'string', id: 6 },
      domain: { type: 'string', id: 7 },
      overload: { type: 'string', id: 8 },
      metadataProps: repeated('StringStringEntryProto', 9),
    },
  },
  AttributeProto: {
    fields: {
      name: { type: 'string', id: 1 },
      refAttrName: { type: 'string', id: 21 },
      docString: { type: 'string', id: 13 },
      type: { type: 'int32', id: 20 },
      f: { type: 'float', id: 2 },
      i: { type: 'int64', id: 3 },
      s: { type: 'bytes', id: 4 },
      t: { type: 'TensorProto', id: 5 },
      g: { type: 'GraphProto', id: 6 },
      sparseTensor: { type: 'SparseTensorProto', id: 22 },
      tp: { type: 'TypeProto', id: 14 },
      floats: repeated('float', 7),
      ints: repeated('int64', 8),
      strings: repeated('bytes', 9),
      tensors: repeated('TensorProto', 10),
      graphs: repeated('GraphProto', 11),
      sparseTensors: repeated('SparseTensorProto', 23),
      typeProtos: repeated('TypeProto', 15),
    },
  },
});

/** Tensors (initializers, attribute values): with or without their payload fields. */
const tensorMessages = (withPayloads: boolean): Record<string, MessageJson> => ({
  TensorProto: {
    fields: {
      dims: repeated('int64', 1),
      dataType: { type: 'int32', id: 2 },
      segment: { type: 'Segment', id: 3 },
      name: { type: 'string', id: 8 },
      docString: { type: 'string', id: 12 },
      externalData: repeated('StringStringEntryProto', 13),
      dataLocation: { type: 'int32', id: 14 },
      metadataProps: repeated('StringStringEntryProto', 16),
      ...(withPayloads ? TENSOR_PAYLOAD : {}),
    },
  },
  Segment: { fields: { begin: { type: 'int64', id: 1 }, end: { type: 'int64', id: 2 } } },
  SparseTensorProto: {
    fields: { values: { type: 'TensorProto', id: 1 }, indices: { type: 'TensorProto', id: 2 }, dims: repeated('int64', 3) },
  },
});

/** Value infos and their types: tensors, sequences, maps, optionals, shapes. */
const typeMessages = (): Record<string, MessageJson> => ({
  ValueInfoProto: {
    fields: {
      name: { type: 'string', id: 1 },
      type: { type: 'TypeProto', id: 2 },
      docString: { type: 'string', id: 3 },
      metadataProps: repeated('StringStringEntryProto', 4),
    },
  },
  TypeProto: {
    fields: {
      tensorType: { type: 'TensorTypeProto', id: 1 },
      sequenceType: { type: 'SequenceTypeProto', id: 4 },
      mapType: { type: 'MapTypeProto', id: 5 },
      sparseTensorType: { type: 'TensorTypeProto', id: 8 },
      optionalType: { type: 'SequenceTypeProto', id: 9 },
      denotation: { type: 'string', id: 6 },
    },
  },
  // Tensor and SparseTensor share their layout (elem_type 1, shape 2), as do Sequence and Optional (elem_type 1).
  TensorTypeProto: { fields: { elemType: { type: 'int32', id: 1 }, shape: { type: 'TensorShapeProto', id: 2 } } },
  SequenceTypeProto: { fields: { elemType: { type: 'TypeProto', id: 1 } } },
  MapTypeProto: { fields: { keyType: { type: 'int32', id: 1 }, valueType: { type: 'TypeProto', id: 2 } } },
  TensorShapeProto: { fields: { dim: repeated('Dimension', 1) } },
  Dimension: {
    oneofs: { value: { oneof: ['dimValue', 'dimParam'] } },
    fields: { dimValue: { type: 'int64', id: 1 }, dimParam: { type: 'string', id: 2 }, denotation: { type: 'string', id: 3 } },
  },
});

/** Model-local functions. */
const functionMessages = (): Record<string, MessageJson> => ({
  FunctionProto: {
    fields: {
      name: { type: 'string', id: 1 },
      input: repeated('string', 4),
      output: repeated('string', 5),
      attribute: repeated('string', 6),
      attributeProto: repeated('AttributeProto', 11),
      node: repeated('NodeProto', 7),
      docString: { type: 'string', id: 8 },
      opsetImport: repeated('OperatorSetIdProto', 9),
      domain: { type: 'string', id: 10 },
      overload: { type: 'string', id: 13 },
      valueInfo: repeated('ValueInfoProto', 12),
      metadataProps: repeated('StringStringEntryProto', 14),
    },
  },
});

/** Every message, in the order the generated codec was written in (a new order would only reorder it). */
export function onnxMessages(withPayloads: boolean): Record<string, MessageJson> {
  return { ...modelMessages(), ...graphMessages(), ...tensorMessages(withPayloads), ...typeMessages(), ...functionMessages() };
}

/** Both packages, as one protobufjs JSON root (the generator's input). */
export function onnxSchemaJson(): { nested: Record<string, { nested: Record<string, MessageJson> }> } {
  return { nested: { onnx: { nested: onnxMessages(true) }, onnxstructure: { nested: onnxMessages(false) } } };
}
