import { modelStructureType } from './onnx-schema';

/** What a graph input or output holds: most are tensors; ONNX also has sequences, maps, optionals, sparse tensors. */
export type ValueKind = 'tensor' | 'sequence' | 'map' | 'optional' | 'sparse-tensor' | 'unknown';

export interface ValueKinds {
  readonly inputs: Readonly<Record<string, ValueKind>>;
  readonly outputs: Readonly<Record<string, ValueKind>>;
}

interface RawType {
  tensorType?: unknown;
  sequenceType?: unknown;
  mapType?: unknown;
  optionalType?: unknown;
  sparseTensorType?: unknown;
}
interface RawGraph {
  graph?: { input?: { name?: string; type?: RawType }[]; output?: { name?: string; type?: RawType }[] };
}

function kindOf(type: RawType | undefined): ValueKind {
  if (!type) return 'unknown';
  if (type.tensorType) return 'tensor';
  if (type.sequenceType) return 'sequence';
  if (type.mapType) return 'map';
  if (type.optionalType) return 'optional';
  if (type.sparseTensorType) return 'sparse-tensor';
  return 'unknown';
}

/** The kind of each graph input and output (a model's structure only; weights are not read). Throws on bytes that are not ONNX. */
export function valueKinds(modelBytes: Uint8Array): ValueKinds {
  const model = modelStructureType.decode(modelBytes) as unknown as RawGraph;
  const table = (values: { name?: string; type?: RawType }[] | undefined): Record<string, ValueKind> => Object.fromEntries((values ?? []).map((v) => [v.name ?? '', kindOf(v.type)]));
  return { inputs: table(model.graph?.input), outputs: table(model.graph?.output) };
}
