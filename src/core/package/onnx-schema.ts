// The file itself (.js): the package has no exports map, and Node (Playwright's loader) resolves only full paths.
import { Root, type Type } from 'protobufjs/light.js';

/**
 * The one ONNX protobuf schema of the project (onnx.proto, IR version 10),
 * written as protobufjs JSON with camelCase field names. Every reader and
 * every test that builds a model uses it; nothing else declares ONNX messages.
 *
 * Two decoders come from it:
 * - `modelStructureType` reads a model's structure (graph, nodes, attributes,
 *   value_info, subgraphs, functions) and skips tensor payloads (raw_data,
 *   float_data, …) without copying them, so reading a 2 GB model's structure
 *   never materialises its weights.
 * - `modelProtoType` and `tensorProtoType` read and write everything,
 *   payloads included: for `input_0.pb` test data and for building models in
 *   tests.
 */

/** TensorProto.DataType. */
export const ONNX_DATA_TYPE = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
  FLOAT8E4M3FN: 17,
  FLOAT8E4M3FNUZ: 18,
  FLOAT8E5M2: 19,
  FLOAT8E5M2FNUZ: 20,
  UINT4: 21,
  INT4: 22,
  FLOAT4E2M1: 23,
} as const;

/** AttributeProto.AttributeType. */
export const ONNX_ATTRIBUTE_TYPE = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSOR: 11,
  SPARSE_TENSORS: 12,
  TYPE_PROTO: 13,
  TYPE_PROTOS: 14,
} as const;

type FieldJson = { type: string; id: number; rule?: 'repeated' };
type MessageJson = { fields: Record<string, FieldJson>; oneofs?: Record<string, { oneof: string[] }> };

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

function messages(withPayloads: boolean): Record<string, MessageJson> {
  return {
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
  };
}

const fullRoot = Root.fromJSON({ nested: { onnx: { nested: messages(true) } } });
const structureRoot = Root.fromJSON({ nested: { onnx: { nested: messages(false) } } });

/** Reads and writes whole models, weights included (tests, small models). */
export const modelProtoType: Type = fullRoot.lookupType('onnx.ModelProto');
/** Reads and writes one tensor with its values (`input_0.pb`, `output_0.pb`). */
export const tensorProtoType: Type = fullRoot.lookupType('onnx.TensorProto');
/** Reads a model's structure without copying tensor payloads (see the file comment). */
export const modelStructureType: Type = structureRoot.lookupType('onnx.ModelProto');
