import { unnamedDim, type Dim, type TensorDType, type TensorSpec } from '../protocol/tensor';
import type { OnnxSummary } from '../protocol/model-description';
import { classLabelsOf } from './class-labels';
import { ONNX_DATA_TYPE } from './onnx-schema';
import { decodeModelStructure, int64ToNumber, type DecodedModel, type DecodedValueInfo } from './onnx-structure';

export type { OnnxSummary, OpsetImport } from '../protocol/model-description';

const ELEMENT_BYTES: Readonly<Record<string, number>> = {
  float32: 4, uint8: 1, int8: 1, uint16: 2, int16: 2, int32: 4, int64: 8, bool: 1, float16: 2, float64: 8, uint32: 4, uint64: 8, bfloat16: 2,
};

/** ONNX TensorProto.DataType → onnxruntime's element type names. */
const T = ONNX_DATA_TYPE;
const ELEMENT_TYPES: Readonly<Record<number, TensorDType | 'bfloat16'>> = {
  [T.FLOAT]: 'float32',
  [T.UINT8]: 'uint8',
  [T.INT8]: 'int8',
  [T.UINT16]: 'uint16',
  [T.INT16]: 'int16',
  [T.INT32]: 'int32',
  [T.INT64]: 'int64',
  [T.STRING]: 'string',
  [T.BOOL]: 'bool',
  [T.FLOAT16]: 'float16',
  [T.DOUBLE]: 'float64',
  [T.UINT32]: 'uint32',
  [T.UINT64]: 'uint64',
  [T.BFLOAT16]: 'bfloat16',
};

export function elementTypeName(code: number): TensorDType | 'unknown' {
  const name = ELEMENT_TYPES[code];
  return name === undefined || name === 'bfloat16' ? 'unknown' : name;
}

function toSpec(info: DecodedValueInfo): TensorSpec {
  const tensor = info.type?.tensorType;
  const name = info.name ?? '';
  if (!tensor) return { name, dtype: 'unknown', shape: null };
  const dims = tensor.shape?.dim;
  // protobufjs puts field defaults on the prototype, so only an own dimValue was really in the file.
  // A dimension with neither name nor value is this input's own: never shared with another input's.
  const shape: Dim[] | null = dims
    ? dims.map((d, i) => (d.dimParam ? d.dimParam : Object.hasOwn(d, 'dimValue') ? int64ToNumber(d.dimValue) : unnamedDim(name, i)))
    : null;
  return { name, dtype: elementTypeName(tensor.elemType ?? 0), shape };
}

/** Decodes the structure of an ONNX model and summarises it. Throws on bytes that are not an ONNX ModelProto. */
export function summarizeOnnx(bytes: Uint8Array): OnnxSummary {
  return summarizeStructure(decodeModelStructure(bytes));
}

/** Summarises an already decoded structure (see onnx-structure.ts). Throws when it holds no graph. */
export function summarizeStructure(model: DecodedModel): OnnxSummary {
  const graph = model.graph;
  if (!graph || (graph.node?.length ?? 0) === 0 && (graph.output?.length ?? 0) === 0) {
    throw new Error('the file decodes as protobuf but holds no ONNX graph');
  }
  const initializers = graph.initializer ?? [];
  const initializerNames = new Set(initializers.map((t) => t.name ?? ''));
  const counts = new Map<string, number>();
  for (const node of graph.node ?? []) {
    const op = node.domain ? `${node.domain}.${node.opType ?? '?'}` : (node.opType ?? '?');
    counts.set(op, (counts.get(op) ?? 0) + 1);
  }
  let parameterCount = 0;
  const byDtype = new Map<string, { count: number; bytes: number }>();
  const externalDataFiles: string[] = [];
  const externalDataBytes: Record<string, number> = {};
  for (const tensor of initializers) {
    const count = (tensor.dims ?? []).reduce<number>((n, d) => n * int64ToNumber(d), 1);
    parameterCount += count;
    const dtype = ELEMENT_TYPES[tensor.dataType ?? 0] ?? 'unknown';
    const entry = byDtype.get(dtype) ?? { count: 0, bytes: 0 };
    byDtype.set(dtype, { count: entry.count + count, bytes: entry.bytes + count * (ELEMENT_BYTES[dtype] ?? 0) });
    if (tensor.dataLocation === 1) {
      const field = (key: string): string | undefined => tensor.externalData?.find((e) => e.key === key)?.value;
      const location = field('location');
      if (!location) continue;
      if (!externalDataFiles.includes(location)) externalDataFiles.push(location);
      const end = Number(field('offset') ?? 0) + Number(field('length') ?? count * (ELEMENT_BYTES[dtype] ?? 0));
      externalDataBytes[location] = Math.max(externalDataBytes[location] ?? 0, end);
    }
  }
  return {
    irVersion: int64ToNumber(model.irVersion),
    opsetImports: (model.opsetImport ?? []).map((o) => ({ domain: o.domain || 'ai.onnx', version: int64ToNumber(o.version) })),
    producerName: model.producerName ?? '',
    producerVersion: model.producerVersion ?? '',
    domain: model.domain ?? '',
    modelVersion: int64ToNumber(model.modelVersion),
    docString: model.docString ?? '',
    graphName: graph.name ?? '',
    metadataProps: Object.fromEntries((model.metadataProps ?? []).map((p) => [p.key ?? '', p.value ?? ''])),
    // Before IR 4, initializers were also listed as graph inputs.
    inputs: (graph.input ?? []).filter((i) => !initializerNames.has(i.name ?? '')).map(toSpec),
    outputs: (graph.output ?? []).map(toSpec),
    nodeCount: graph.node?.length ?? 0,
    operatorCounts: [...counts.entries()]
      .map(([opType, count]) => ({ opType, count }))
      .sort((a, b) => b.count - a.count || a.opType.localeCompare(b.opType)),
    initializerCount: initializers.length,
    parameterCount,
    parametersByDtype: [...byDtype.entries()].map(([dtype, v]) => ({ dtype, ...v })).sort((a, b) => b.bytes - a.bytes),
    externalDataFiles,
    externalDataBytes,
    classLabels: classLabelsOf(model),
  };
}
