import type { ZipMapOutput } from '../protocol/model-description';
import { modelProtoType, ONNX_DATA_TYPE } from '../package/onnx-schema';
import { nodeClassLabels } from '../package/class-labels';
import type { DecodedModel } from '../package/onnx-structure';

/**
 * sklearn-onnx classifiers end in a ZipMap node whose output is a sequence of
 * maps ({class: probability} per row). onnxruntime (web and node) cannot hand
 * such values to JavaScript ("Reading data from non-tensor typed value is not
 * supported"), so the tensor ZipMap reads is exposed as an extra graph output.
 */
export type { ZipMapOutput } from '../protocol/model-description';

/** The ZipMap nodes whose output is a graph output, read from the model's decoded structure. */
export function findZipMaps(model: DecodedModel): ZipMapOutput[] {
  const outputs = new Set((model.graph?.output ?? []).map((o) => o.name ?? ''));
  const found: ZipMapOutput[] = [];
  for (const node of model.graph?.node ?? []) {
    if (node.opType !== 'ZipMap' || !node.input?.[0] || !node.output?.[0] || !outputs.has(node.output[0])) continue;
    found.push({ output: node.output[0], tensor: node.input[0], classLabels: nodeClassLabels(node) ?? [] });
  }
  return found;
}

/**
 * Adds float tensors as graph outputs by appending a second `graph` field:
 * protobuf merges repeated embedded messages, so the model is not re-encoded (nor its weights copied twice).
 */
export function exposeFloatOutputs(bytes: Uint8Array, names: readonly string[]): Uint8Array {
  const outputs = names.map((name) => ({ name, type: { tensorType: { elemType: ONNX_DATA_TYPE.FLOAT } } }));
  const extra = modelProtoType.encode(modelProtoType.fromObject({ graph: { output: outputs } })).finish();
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes, 0);
  out.set(extra, bytes.length);
  return out;
}
