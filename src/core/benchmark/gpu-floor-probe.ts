// The probe model for the WebGPU floor (gpu-floor.ts), apart from it so that the page loads the ONNX
// codec only when it measures the floor.
import { modelProtoType, ONNX_DATA_TYPE } from '../package/onnx-schema';
import { FLOOR_INPUT } from './gpu-floor';

/** `x → Relu → … → y`: `nodes` chained element-wise nodes over float32 FLOOR_INPUT.dims. */
export function dispatchProbeModel(nodes: number): Uint8Array {
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > 4096) throw new RangeError(`probe node count ${nodes} is out of range`);
  const tensorType = { tensorType: { elemType: ONNX_DATA_TYPE.FLOAT, shape: { dim: FLOOR_INPUT.dims.map((d) => ({ dimValue: d })) } } };
  const name = (i: number): string => (i === 0 ? 'x' : i === nodes ? 'y' : `t${i}`);
  const model = {
    irVersion: 8,
    producerName: 'onnx-playground dispatch probe',
    opsetImport: [{ domain: '', version: 17 }],
    graph: {
      name: 'dispatch_probe',
      node: Array.from({ length: nodes }, (_, i) => ({ opType: 'Relu', name: `relu_${i}`, input: [name(i)], output: [name(i + 1)] })),
      input: [{ name: 'x', type: tensorType }],
      output: [{ name: 'y', type: tensorType }],
    },
  };
  return modelProtoType.encode(modelProtoType.fromObject(model)).finish();
}
