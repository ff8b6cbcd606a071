import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { TensorSpec } from '../protocol/tensor';
import { conformTensor } from '../tensors/conform';
import type { FoundTensor } from '../tensors/found-tensor';
import { decodeJsonTensors } from '../tensors/json-tensors';
import { decodeNpy } from '../tensors/npy';
import { elementText } from '../tensors/tensor-summary';
import { elementCount, tensorValues, type HostTensor } from './host-tensor';

function bad(message: string, hint: string): Result<never> {
  return fail(engineError('bad-input', message, hint));
}

const shapeText = (dims: readonly (number | string)[]): string => `[${dims.join(', ')}]`;

/** Checks a tensor's shape against the spec with its symbolic dimensions resolved; null when it fits. */
export function shapeProblem(spec: TensorSpec, dims: readonly number[], expected: readonly number[]): string | null {
  if (!spec.shape) return null;
  if (dims.length !== spec.shape.length) return `“${spec.name}” has ${dims.length} dimensions ${shapeText(dims)}, but the model expects ${spec.shape.length}: ${shapeText(spec.shape)}.`;
  for (let i = 0; i < dims.length; i++) {
    const d = spec.shape[i];
    if (typeof d === 'number' && d >= 0 && d !== dims[i]) return `“${spec.name}” has size ${dims[i]} in dimension ${i} ${shapeText(dims)}, but the model fixes it at ${d} ${shapeText(spec.shape)}.`;
    if (typeof d === 'string' && expected[i] !== undefined && expected[i] !== dims[i]) {
      return `“${spec.name}” has ${d} = ${dims[i]} ${shapeText(dims)}, but ${d} is set to ${expected[i]} for this run; change ${d} or the data.`;
    }
  }
  return null;
}

/** NaN and ±Infinity in a float tensor the user fills by hand (the form's rule; tensor files may hold them). */
function nonFinite(spec: TensorSpec, tensor: HostTensor, what: string): Result<never> | null {
  if (!tensor.dtype.startsWith('float')) return null;
  const values = tensorValues(tensor);
  const at = values.findIndex((v) => typeof v === 'number' && !Number.isFinite(v));
  if (at < 0) return null;
  return bad(`${what} for “${spec.name}” holds ${String(values[at])} at element ${at}: NaN and ±Infinity cannot be given to a model here.`, 'Replace it with a finite number (or give the values as a tensor file).');
}

/** One found tensor as the input `spec` takes it, then checked against the sizes chosen for this run. */
function conformOne(spec: TensorSpec, found: FoundTensor, expected: readonly number[], what: string): Result<HostTensor> {
  const conformed = conformTensor(spec, found, new Map());
  if (!conformed.ok) return conformed;
  const tensor = conformed.value.tensor;
  const problem = shapeProblem(spec, tensor.dims, expected);
  if (problem) return bad(problem, `Give ${elementCount(expected)} values shaped ${shapeText(expected)}.`);
  return nonFinite(spec, tensor, what) ?? ok(tensor);
}

/**
 * Nested JSON arrays for one input, or any JSON body the tensor reader takes (`{"inputs": {name: …}}`,
 * `{name: …}`, instances, the app's outputs document), checked against its spec and the chosen sizes.
 */
export function tensorFromJsonText(text: string, spec: TensorSpec, expected: readonly number[]): Result<HostTensor> {
  const found = decodeJsonTensors(text, 'the JSON');
  if (!found.ok) return found;
  const pick = found.value.length === 1 ? found.value[0]! : found.value.find((f) => f.name === spec.name);
  if (!pick) return bad(`The JSON names ${found.value.map((f) => `“${f.name ?? '?'}”`).join(', ')}, but not “${spec.name}”.`, `Give the values of “${spec.name}” as nested arrays, e.g. [[1, 2, 3]].`);
  return conformOne(spec, pick, expected, 'The JSON');
}

/** One element as JSON text: shortest decimals that read back the same, int64 exact, NaN/±Infinity as strings. */
function jsonLeaf(dtype: HostTensor['dtype'], v: number | bigint | string): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return JSON.stringify(String(v));
  return elementText(dtype, v);
}

/** The tensor as nested JSON arrays (for the editor); reads back as the same tensor. */
export function tensorToJsonText(tensor: HostTensor): string {
  const leaves = tensorValues(tensor).map((v) => jsonLeaf(tensor.dtype, v));
  // Each element's text goes in place of a marker, so that int64 digits never pass through a double.
  const build = (depth: number, offset: number): unknown => {
    if (depth === tensor.dims.length) return `\u0000${offset}\u0000`;
    const stride = elementCount(tensor.dims.slice(depth + 1));
    return Array.from({ length: tensor.dims[depth]! }, (_, i) => build(depth + 1, offset + i * stride));
  };
  // The innermost arrays on one line each.
  return JSON.stringify(build(0, 0), null, 1)
    .replace(/\[\s+([^[\]]*?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`)
    .replace(/"\\u0000(\d+)\\u0000"/g, (_, i: string) => leaves[Number(i)]!);
}

/** Reads a NumPy `.npy` file (any dtype, byte order and memory order) as the spec's dtype, when every value fits it. */
export function tensorFromNpy(bytes: Uint8Array, spec: TensorSpec, expected: readonly number[]): Result<HostTensor> {
  const tensor = decodeNpy(bytes, `${spec.name}.npy`);
  if (!tensor.ok) return tensor;
  return conformOne(spec, { kind: 'typed', format: 'npy', name: null, source: 'the .npy file', position: 0, tensor: tensor.value }, expected, 'The .npy data');
}
