import { Root, type Type } from 'protobufjs/light';

/**
 * sklearn-onnx classifiers end in a ZipMap node whose output is a sequence of
 * maps ({class: probability} per row). onnxruntime (web and node) cannot hand
 * such values to JavaScript ("Reading data from non-tensor typed value is not
 * supported"), so the tensor ZipMap reads is exposed as an extra graph output.
 */
export interface ZipMapOutput {
  /** The non-tensor graph output (e.g. `output_probability`). */
  readonly output: string;
  /** The `[N, classes]` float tensor ZipMap reads (e.g. `probabilities`). */
  readonly tensor: string;
  /** ZipMap's class labels (its map keys), in score order. */
  readonly classLabels: readonly string[];
}

const SUBSET = {
  nested: {
    onnx: {
      nested: {
        ModelProto: { fields: { graph: { type: 'GraphProto', id: 7 } } },
        GraphProto: {
          fields: {
            node: { rule: 'repeated', type: 'NodeProto', id: 1 },
            output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
          },
        },
        NodeProto: {
          fields: {
            input: { rule: 'repeated', type: 'string', id: 1 },
            output: { rule: 'repeated', type: 'string', id: 2 },
            opType: { type: 'string', id: 4 },
            attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
            domain: { type: 'string', id: 7 },
          },
        },
        AttributeProto: {
          fields: {
            name: { type: 'string', id: 1 },
            ints: { rule: 'repeated', type: 'int64', id: 8 },
            strings: { rule: 'repeated', type: 'bytes', id: 9 },
          },
        },
        ValueInfoProto: { fields: { name: { type: 'string', id: 1 }, type: { type: 'TypeProto', id: 2 } } },
        TypeProto: { fields: { tensorType: { type: 'TensorTypeProto', id: 1 } } },
        TensorTypeProto: { fields: { elemType: { type: 'int32', id: 1 } } },
      },
    },
  },
};

const root = Root.fromJSON(SUBSET);
const modelType: Type = root.lookupType('onnx.ModelProto');

type Int64 = number | { toNumber(): number };
interface RawNode {
  input?: string[];
  output?: string[];
  opType?: string;
  domain?: string;
  attribute?: { name?: string; ints?: Int64[]; strings?: Uint8Array[] }[];
}
interface RawModel {
  graph?: { node?: RawNode[]; output?: { name?: string; type?: { tensorType?: unknown } }[] };
}

const decoder = new TextDecoder();

/** The ZipMap nodes whose output is a graph output. Decodes node headers only: weights are skipped, not copied. */
export function findZipMaps(bytes: Uint8Array): ZipMapOutput[] {
  let model: RawModel;
  try {
    model = modelType.decode(bytes) as unknown as RawModel;
  } catch {
    return [];
  }
  const outputs = new Set((model.graph?.output ?? []).map((o) => o.name ?? ''));
  const found: ZipMapOutput[] = [];
  for (const node of model.graph?.node ?? []) {
    if (node.opType !== 'ZipMap' || !node.input?.[0] || !node.output?.[0] || !outputs.has(node.output[0])) continue;
    const attribute = (name: string) => node.attribute?.find((a) => a.name === name);
    const strings = attribute('classlabels_strings')?.strings ?? [];
    const ints = attribute('classlabels_int64s')?.ints ?? [];
    const classLabels = strings.length > 0 ? strings.map((s) => decoder.decode(s)) : ints.map((i) => String(typeof i === 'number' ? i : i.toNumber()));
    found.push({ output: node.output[0], tensor: node.input[0], classLabels });
  }
  return found;
}

/**
 * Adds float tensors as graph outputs by appending a second `graph` field:
 * protobuf merges repeated embedded messages, so the model is not re-encoded (nor its weights copied twice).
 */
export function exposeFloatOutputs(bytes: Uint8Array, names: readonly string[]): Uint8Array {
  const extra = modelType.encode({ graph: { output: names.map((name) => ({ name, type: { tensorType: { elemType: 1 } } })) } }).finish();
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes, 0);
  out.set(extra, bytes.length);
  return out;
}
