import { onnx, onnxstructure } from './onnx-codec.generated.js';

/**
 * The ONNX protobuf codecs, made from the one schema (`onnx-messages.ts`) as static code
 * (`onnx-codec.generated.js`), so that no decoder is built with `eval` at run time:
 * - `modelStructureType` reads a model's structure (graph, nodes, attributes, value_info,
 *   subgraphs, functions) and skips tensor payloads (raw_data, float_data, …) without copying
 *   them, so reading a 2 GB model's structure never materialises its weights.
 * - `modelProtoType` and `tensorProtoType` read and write everything, payloads included: for
 *   `input_0.pb` test data and for building models in tests.
 * Decoded messages are plain objects with camelCase fields; int64 fields are `Long` objects
 * (or numbers when small) — convert with BigInt exactness where the value matters.
 */
export interface MessageCodec {
  decode(bytes: Uint8Array): object;
  encode(message: object): { finish(): Uint8Array };
  /** Builds a message from a plain object (strings for bytes fields, numbers for int64 …). */
  fromObject(object: Record<string, unknown>): object;
}

// TensorProto.DataType lives in its own module so that code needing only the codes does not load the codecs.
export { ONNX_DATA_TYPE } from './onnx-data-type';

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

/** Reads and writes whole models, weights included (tests, small models). */
export const modelProtoType: MessageCodec = onnx.ModelProto;
/** Reads and writes one tensor with its values (`input_0.pb`, `output_0.pb`). */
export const tensorProtoType: MessageCodec = onnx.TensorProto;
/** Reads a model's structure without copying tensor payloads (see above). */
export const modelStructureType: MessageCodec = onnxstructure.ModelProto;
