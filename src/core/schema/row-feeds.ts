import type { TensorDType } from '../protocol/tensor';
import { allocate, fromNumbers, tensorValues, type HostTensor } from './host-tensor';
import type { Signature } from './signature';
import type { FeatureValue } from './validate-row';

function numeric(value: FeatureValue): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  return Number(value);
}

function fillColumn(dtype: TensorDType, dims: number[], count: number, at: (row: number) => FeatureValue): HostTensor {
  if (dtype === 'string') return { dtype, dims, data: Array.from({ length: count }, (_, r) => String(at(r) ?? '')) };
  // float16 holds bit patterns: numbers are encoded, never stored as they are (5.1 would become the bits 0x0005).
  if (dtype === 'float16') return { dtype, dims, data: fromNumbers(dtype, Array.from({ length: count }, (_, r) => numeric(at(r)))) };
  const out = allocate(dtype, count);
  if (out instanceof BigInt64Array || out instanceof BigUint64Array) {
    for (let r = 0; r < count; r++) out[r] = BigInt(Math.trunc(numeric(at(r))));
  } else {
    for (let r = 0; r < count; r++) out[r] = numeric(at(r));
  }
  return { dtype, dims, data: out };
}

/** The usual case, a float input: row after row straight into the tensor. */
function packNumbers(dtype: 'float32' | 'float64', dims: number[], rows: readonly (readonly FeatureValue[])[], width: number): HostTensor {
  const out = dtype === 'float32' ? new Float32Array(rows.length * width) : new Float64Array(rows.length * width);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    for (let k = 0; k < width; k++) out[r * width + k] = numeric(row[k]!);
  }
  return { dtype, dims, data: out };
}

/**
 * Rows of typed feature values (in signature order) to the model's feeds:
 * one `[N, …rowShape]` tensor, or one `[N, 1]` tensor per feature input.
 */
export function rowsToFeeds(signature: Signature, rows: readonly (readonly FeatureValue[])[]): Record<string, HostTensor> {
  const n = rows.length;
  const { layout } = signature;
  if (layout.kind === 'one-input') {
    const width = signature.features.length;
    if (layout.dtype === 'float32' || layout.dtype === 'float64') return { [layout.input]: packNumbers(layout.dtype, [n, ...layout.rowShape], rows, width) };
    const feed = fillColumn(layout.dtype, [n, ...layout.rowShape], n * width, (i) => rows[Math.floor(i / width)]![i % width]!);
    return { [layout.input]: feed };
  }
  if (layout.kind === 'input-per-feature') {
    const feeds: Record<string, HostTensor> = {};
    signature.features.forEach((feature, f) => {
      const input = signature.inputs.find((i) => i.name === feature.name)!;
      const dims = input.shape && input.shape.length === 1 ? [n] : [n, 1];
      feeds[input.name] = fillColumn(input.dtype === 'unknown' ? 'float32' : input.dtype, dims, n, (r) => rows[r]![f]!);
    });
    return feeds;
  }
  throw new Error('rowsToFeeds needs a signature with features');
}

/**
 * The feeds of some rows of numbers packed row after row (`runnable`: which rows, in order),
 * equal to `rowsToFeeds` on the same rows: for the usual single float input the numbers go
 * straight into the tensor, with no array per row.
 */
export function packedToFeeds(signature: Signature, packed: Float64Array, runnable: readonly number[]): Record<string, HostTensor> {
  const width = signature.features.length;
  const { layout } = signature;
  const n = runnable.length;
  if (layout.kind === 'one-input' && (layout.dtype === 'float32' || layout.dtype === 'float64')) {
    const dims = [n, ...layout.rowShape];
    const every = n * width === packed.length;
    const out = layout.dtype === 'float32' ? new Float32Array(n * width) : new Float64Array(n * width);
    if (every) out.set(packed);
    else runnable.forEach((row, r) => out.set(packed.subarray(row * width, (row + 1) * width), r * width));
    return { [layout.input]: { dtype: layout.dtype, dims, data: out } };
  }
  return rowsToFeeds(signature, runnable.map((row) => Array.from(packed.subarray(row * width, (row + 1) * width))));
}

/** The inverse for a single-input layout: the feature values of each row of a feed. */
export function feedToRows(signature: Signature, feeds: Readonly<Record<string, HostTensor>>): FeatureValue[][] | null {
  const { layout, features } = signature;
  if (layout.kind === 'one-input') {
    const t = feeds[layout.input];
    if (!t) return null;
    const width = features.length;
    const n = t.dims[0] ?? 0;
    if (t.data.length !== n * width) return null;
    const values = tensorValues(t);
    return Array.from({ length: n }, (_, r) =>
      Array.from({ length: width }, (_, f) => {
        const v = values[r * width + f]!;
        return typeof v === 'bigint' ? Number(v) : v;
      }),
    );
  }
  if (layout.kind === 'input-per-feature') {
    const columns = features.map((f) => feeds[f.name]);
    if (columns.some((c) => !c)) return null;
    const n = columns[0]!.dims[0] ?? 0;
    const values = columns.map((c) => tensorValues(c!));
    return Array.from({ length: n }, (_, r) =>
      columns.map((c, k) => {
        const v = values[k]![r]!;
        return typeof v === 'bigint' ? Number(v) : c!.dtype === 'bool' ? v === 1 : v;
      }),
    );
  }
  return null;
}
