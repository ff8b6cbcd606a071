import type { TensorDType } from '../protocol/tensor';
import { tensorValues, type HostTensor } from '../schema/host-tensor';

/** One element of a tensor in a JSON document. */
export type JsonElement = number | string | boolean;

/** One tensor in the app's own JSON form: `{"dims", "dtype", "data"}` with `data` flat, in C order. */
export interface TensorDocumentEntry {
  readonly dims: number[];
  readonly dtype: TensorDType;
  readonly data: JsonElement[];
}

const NON_FINITE: Readonly<Record<string, string>> = { NaN: 'NaN', Infinity: 'Infinity', '-Infinity': '-Infinity' };

/**
 * The elements of a tensor as JSON holds them exactly, the rule of every document the app writes
 * (and that `readTensorFiles` reads back):
 * - float32, float64, float16: numbers (float16 decoded from its bits); NaN, Infinity and -Infinity,
 *   which JSON has no numbers for (JSON.stringify would write `null`), as the strings "NaN",
 *   "Infinity" and "-Infinity".
 * - int64 and uint64: a number when it is a safe integer (|v| ≤ 2^53 − 1), else its decimal digits
 *   as a string, so that no JSON reader rounds it through a double.
 * - other integers: numbers; bool: true/false; string: strings.
 */
export function jsonElements(tensor: HostTensor): JsonElement[] {
  const values = tensorValues(tensor);
  if (tensor.dtype === 'bool') return values.map((v) => v !== 0);
  return values.map((v) => {
    if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString();
    if (typeof v === 'number' && !Number.isFinite(v)) return NON_FINITE[String(v)]!;
    return v;
  });
}

export function tensorDocumentEntry(tensor: HostTensor): TensorDocumentEntry {
  return { dims: [...tensor.dims], dtype: tensor.dtype, data: jsonElements(tensor) };
}

/** `{NAME: {dims, dtype, data}}` for a set of tensors, in their order. */
export function tensorDocument(tensors: Readonly<Record<string, HostTensor>>): Record<string, TensorDocumentEntry> {
  const out: Record<string, TensorDocumentEntry> = {};
  for (const [name, tensor] of Object.entries(tensors)) out[name] = tensorDocumentEntry(tensor);
  return out;
}
