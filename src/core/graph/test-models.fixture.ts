import { modelProtoType } from '../package/onnx-schema';
import { buildGraph } from './build-graph';
import type { GraphModel } from './graph-model';

/** Small ONNX models for the graph tests, written with the one ONNX schema. */
export const FLOAT = 1;

export const tensorType = (dims: readonly (number | string)[]) => ({ tensorType: { elemType: FLOAT, shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) } } });

/** A float32 initializer filled with `value`. */
export const weight = (name: string, dims: number[], value = 0.01) => ({ name, dataType: FLOAT, dims, floatData: new Array<number>(dims.reduce((a, b) => a * b, 1)).fill(value) });
export const ints = (name: string, values: number[]) => ({ name, type: 7, ints: values });
export const int = (name: string, value: number) => ({ name, type: 2, i: value });

export function encodeModel(graph: object, opset = 17, irVersion = 8, domains: readonly { domain: string; version: number }[] = []): Uint8Array {
  return modelProtoType.encode(modelProtoType.fromObject({ irVersion, opsetImport: [{ domain: '', version: opset }, ...domains], graph })).finish();
}

export function graphFrom(bytes: Uint8Array): GraphModel {
  const result = buildGraph(bytes);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
