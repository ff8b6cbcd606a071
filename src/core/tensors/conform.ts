import { ok, type Result } from '../protocol/engine-error';
import type { TensorDType, TensorSpec } from '../protocol/tensor';
import type { HostTensor } from '../schema/host-tensor';
import { convertTensor, convertValues } from './convert';
import { foundDims, type FoundTensor } from './found-tensor';
import { mismatch, shapeText } from './tensor-error';

/** Symbolic sizes taken from the data so far: name → size and the input that set it. */
export type BoundDims = Map<string, { readonly size: number; readonly input: string }>;

export interface Conformed {
  readonly tensor: HostTensor;
  readonly notes: readonly string[];
}

const expectedText = (spec: TensorSpec): string => `${spec.dtype === 'unknown' ? 'any type' : spec.dtype} ${shapeText(spec.shape)}`;

/**
 * Checks dims against an input's shape, binding its symbolic dimensions (shared names must
 * agree across inputs). A JSON or .npy tensor one dimension short of a batched input gets a
 * batch of 1 (`addBatch`); TensorProto files are taken as they are.
 */
function fitShape(spec: TensorSpec, dims: readonly number[], found: FoundTensor, bound: BoundDims, addBatch: boolean): Result<{ dims: number[]; note: string | null }> {
  const shape = spec.shape;
  if (shape === null) return ok({ dims: [...dims], note: null });
  const details = { input: spec.name, file: found.source, expected: expectedText(spec) };
  let actual = [...dims];
  let note: string | null = null;
  if (actual.length === shape.length - 1 && addBatch && (typeof shape[0] === 'string' || shape[0] === 1)) {
    actual = [1, ...actual];
    note = `“${spec.name}”: ${found.source} gives one example ${shapeText(dims)}; read as a batch of 1 ${shapeText(actual)}.`;
  }
  const foundText = (dtype: string): string => `${dtype} ${shapeText(dims)}`;
  const dtypeOf = found.kind === 'typed' ? found.tensor.dtype : 'values';
  if (actual.length !== shape.length) {
    return mismatch(`“${spec.name}” has ${dims.length} dimensions ${shapeText(dims)}, but the model expects ${shape.length}: ${shapeText(shape)} (in ${found.source}).`, `Give “${spec.name}” an array of shape ${shapeText(shape)}.`, { ...details, found: foundText(dtypeOf) });
  }
  const local = new Map<string, number>();
  for (let axis = 0; axis < shape.length; axis++) {
    const want = shape[axis]!;
    const size = actual[axis]!;
    if (typeof want === 'number') {
      if (want >= 0 && want !== size) {
        return mismatch(`“${spec.name}” has size ${size} in dimension ${axis} ${shapeText(actual)}, but the model fixes it at ${want} ${shapeText(shape)} (in ${found.source}).`, `Give “${spec.name}” an array of shape ${shapeText(shape)}.`, { ...details, found: foundText(dtypeOf) });
      }
      continue;
    }
    const other = bound.get(want) ?? (local.has(want) ? { size: local.get(want)!, input: spec.name } : undefined);
    if (other && other.size !== size) {
      const whose = other.input === spec.name ? `dimension ${shape.indexOf(want)} of “${spec.name}”` : `“${other.input}”`;
      return mismatch(
        `“${spec.name}” has ${want} = ${size} (dimension ${axis}), but ${whose} has ${want} = ${other.size}: inputs that share a named dimension must agree.`,
        `Make the sizes of ${want} agree across the inputs.`,
        { ...details, found: foundText(dtypeOf) },
      );
    }
    local.set(want, size);
  }
  for (const [name, size] of local) if (!bound.has(name)) bound.set(name, { size, input: spec.name });
  return ok({ dims: actual, note });
}

/** A found tensor as the model input `spec` takes it: its dtype (exactly, see convert.ts) and its shape. */
export function conformTensor(spec: TensorSpec, found: FoundTensor, bound: BoundDims): Result<Conformed> {
  const notes: string[] = [];
  // Nested JSON arrays and .npy arrays often leave out a batch of 1; TensorProto files and dims-declaring JSON never do.
  const addBatch = found.kind === 'loose' || found.format === 'npy' || found.format === 'npz';
  const shaped = fitShape(spec, foundDims(found), found, bound, addBatch);
  if (!shaped.ok) return shaped;
  if (shaped.value.note) notes.push(shaped.value.note);
  const dims = shaped.value.dims;
  const ctx = { input: spec.name, source: found.source, expected: expectedText(spec) };
  if (found.kind === 'loose') {
    // A model input of unknown type: JSON numbers are read as float32, strings as strings.
    const dtype: TensorDType = spec.dtype !== 'unknown' ? spec.dtype : found.values.every((v) => typeof v === 'string') && found.values.length > 0 ? 'string' : 'float32';
    const data = convertValues(found.values, dtype, ctx);
    return data.ok ? ok({ tensor: { dtype, dims, data: data.value }, notes }) : data;
  }
  if (spec.dtype === 'unknown') return ok({ tensor: { ...found.tensor, dims }, notes });
  const converted = convertTensor(found.tensor, spec.dtype, ctx);
  if (!converted.ok) return converted;
  if (converted.value.note) notes.push(`“${spec.name}”: ${converted.value.note}.`);
  return ok({ tensor: { dtype: spec.dtype, dims, data: converted.value.data }, notes });
}
