import { parseJsonText } from './json-text';

/** One entry of an MLflow signature: a named column, or a tensor spec. */
export interface SignatureEntry {
  readonly name: string | null;
  /** Column type (`double`, `long`, …) or `tensor`. */
  readonly type: string;
  /** For tensors: the numpy dtype; for columns: the column type. */
  readonly dtype: string;
  /** For tensors; `-1` means any size. */
  readonly shape: readonly number[] | null;
  readonly required: boolean;
}

export interface MlflowSignature {
  readonly inputs: readonly SignatureEntry[];
  readonly outputs: readonly SignatureEntry[];
  readonly params: readonly { readonly name: string; readonly type: string; readonly default: unknown }[];
  readonly kind: 'columns' | 'tensors' | 'none';
  /** Problems reading the signature strings, with where. */
  readonly problems: readonly string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function entries(raw: unknown, field: string, problems: string[]): SignatureEntry[] {
  if (raw === null || raw === undefined) return [];
  let value: unknown = raw;
  // MLflow stores each part as a JSON string inside the YAML.
  if (typeof raw === 'string') {
    const parsed = parseJsonText(raw);
    if (!parsed.ok) {
      problems.push(`signature.${field} is not valid JSON (${parsed.reason})`);
      return [];
    }
    value = parsed.value;
  }
  if (!Array.isArray(value)) {
    problems.push(`signature.${field} is not a list`);
    return [];
  }
  return value.filter(isRecord).map((e) => {
    const spec = isRecord(e['tensor-spec']) ? e['tensor-spec'] : null;
    return {
      name: typeof e.name === 'string' ? e.name : null,
      type: String(e.type ?? 'unknown'),
      dtype: spec ? String(spec.dtype ?? 'unknown') : String(e.type ?? 'unknown'),
      shape: spec && Array.isArray(spec.shape) ? spec.shape.map(Number) : null,
      required: e.required !== false,
    };
  });
}

export function parseMlflowSignature(signature: unknown): MlflowSignature {
  const problems: string[] = [];
  if (!isRecord(signature)) return { inputs: [], outputs: [], params: [], kind: 'none', problems };
  const inputs = entries(signature.inputs, 'inputs', problems);
  const outputs = entries(signature.outputs, 'outputs', problems);
  const params = entries(signature.params, 'params', problems).map((p) => ({ name: p.name ?? '', type: p.type, default: null }));
  const kind = inputs.length === 0 ? 'none' : inputs.every((i) => i.type === 'tensor') ? 'tensors' : 'columns';
  return { inputs, outputs, params, kind, problems };
}

/** MLflow column types and numpy dtypes → onnxruntime element types. */
export function signatureDtypeToOnnx(dtype: string): string | null {
  const table: Record<string, string> = {
    double: 'float64', float: 'float32', long: 'int64', integer: 'int32', boolean: 'bool', string: 'string',
    float64: 'float64', float32: 'float32', float16: 'float16', int64: 'int64', int32: 'int32', int16: 'int16', int8: 'int8',
    uint8: 'uint8', uint16: 'uint16', uint32: 'uint32', uint64: 'uint64', bool: 'bool', str: 'string', object: 'string',
  };
  return table[dtype] ?? null;
}
