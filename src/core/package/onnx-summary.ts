import { modelProtoType } from './onnx-proto';
import { unnamedDim, type Dim, type TensorDType, type TensorSpec } from '../protocol/tensor';

export interface OpsetImport {
  readonly domain: string;
  readonly version: number;
}

export interface OnnxSummary {
  readonly irVersion: number;
  readonly opsetImports: readonly OpsetImport[];
  readonly producerName: string;
  readonly producerVersion: string;
  readonly domain: string;
  readonly modelVersion: number;
  readonly docString: string;
  readonly graphName: string;
  readonly metadataProps: Readonly<Record<string, string>>;
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  readonly nodeCount: number;
  /** Operator type → number of nodes, most frequent first. */
  readonly operatorCounts: readonly { readonly opType: string; readonly count: number }[];
  readonly initializerCount: number;
  readonly parameterCount: number;
  /** Parameters and their bytes by element type, largest first. */
  readonly parametersByDtype: readonly { readonly dtype: string; readonly count: number; readonly bytes: number }[];
  /** File names of ONNX external-data tensors, in first-use order. */
  readonly externalDataFiles: readonly string[];
  /** Bytes each external-data file must hold at least (largest offset + length its tensors name). */
  readonly externalDataBytes: Readonly<Record<string, number>>;
}

const ELEMENT_BYTES: Readonly<Record<string, number>> = {
  float32: 4, uint8: 1, int8: 1, uint16: 2, int16: 2, int32: 4, int64: 8, bool: 1, float16: 2, float64: 8, uint32: 4, uint64: 8, bfloat16: 2,
};

/** ONNX TensorProto.DataType → onnxruntime's element type names. */
const ELEMENT_TYPES: Readonly<Record<number, TensorDType | 'bfloat16'>> = {
  1: 'float32',
  2: 'uint8',
  3: 'int8',
  4: 'uint16',
  5: 'int16',
  6: 'int32',
  7: 'int64',
  8: 'string',
  9: 'bool',
  10: 'float16',
  11: 'float64',
  12: 'uint32',
  13: 'uint64',
  16: 'bfloat16',
};

export function elementTypeName(code: number): TensorDType | 'unknown' {
  const name = ELEMENT_TYPES[code];
  return name === undefined || name === 'bfloat16' ? 'unknown' : name;
}

// protobufjs yields int64 as a Long object when the `long` package is present.
type Int64 = number | { toNumber(): number };

interface RawDimension { dimValue?: Int64; dimParam?: string }
interface RawType {
  tensorType?: { elemType?: number; shape?: { dim?: RawDimension[] } };
  sequenceType?: unknown;
  mapType?: unknown;
}
interface RawValueInfo { name?: string; type?: RawType }
interface RawTensor {
  dims?: Int64[];
  dataType?: number;
  name?: string;
  dataLocation?: number;
  externalData?: { key?: string; value?: string }[];
}
interface RawModel {
  irVersion?: Int64;
  opsetImport?: { domain?: string; version?: Int64 }[];
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: Int64;
  docString?: string;
  metadataProps?: { key?: string; value?: string }[];
  graph?: {
    name?: string;
    node?: { opType?: string; domain?: string }[];
    initializer?: RawTensor[];
    input?: RawValueInfo[];
    output?: RawValueInfo[];
  };
}

function toNumber(value: Int64 | undefined): number {
  if (value === undefined) return 0;
  return typeof value === 'number' ? value : value.toNumber();
}

function toSpec(info: RawValueInfo): TensorSpec {
  const tensor = info.type?.tensorType;
  const name = info.name ?? '';
  if (!tensor) return { name, dtype: 'unknown', shape: null };
  const dims = tensor.shape?.dim;
  // protobufjs puts field defaults on the prototype, so only an own dimValue was really in the file.
  // A dimension with neither name nor value is this input's own: never shared with another input's.
  const shape: Dim[] | null = dims
    ? dims.map((d, i) => (d.dimParam ? d.dimParam : Object.hasOwn(d, 'dimValue') ? toNumber(d.dimValue) : unnamedDim(name, i)))
    : null;
  return { name, dtype: elementTypeName(tensor.elemType ?? 0), shape };
}

/** Decodes the structure of an ONNX model. Throws on bytes that are not an ONNX ModelProto. */
export function summarizeOnnx(bytes: Uint8Array): OnnxSummary {
  const model = modelProtoType.decode(bytes) as unknown as RawModel;
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
    const count = (tensor.dims ?? []).reduce<number>((n, d) => n * toNumber(d), 1);
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
    irVersion: toNumber(model.irVersion),
    opsetImports: (model.opsetImport ?? []).map((o) => ({ domain: o.domain || 'ai.onnx', version: toNumber(o.version) })),
    producerName: model.producerName ?? '',
    producerVersion: model.producerVersion ?? '',
    domain: model.domain ?? '',
    modelVersion: toNumber(model.modelVersion),
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
  };
}
