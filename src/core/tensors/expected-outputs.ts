import { ok, type Result } from '../protocol/engine-error';
import type { TensorSpec } from '../protocol/tensor';
import type { HostTensor } from '../schema/host-tensor';
import { convertValues } from './convert';
import type { FoundTensor } from './found-tensor';
import { decodeTensorFile, type TensorFile } from './read-tensor-files';
import { badFile, mismatch, shapeText } from './tensor-error';
import type { TensorSet } from './tensor-summary';

/** Expected outputs by output name, with where each came from. */
export interface ExpectedOutputs {
  readonly tensors: TensorSet;
  readonly sources: Readonly<Record<string, string>>;
}

/**
 * Matches tensors to the model's outputs: by name, else by position (output_K.pb's K, or the
 * order of unnamed tensors). Typed tensors keep their own dtype and shape, so that the check
 * reports a difference instead of hiding it; JSON numbers take the output's dtype.
 */
export function matchExpected(found: readonly FoundTensor[], outputs: readonly TensorSpec[]): Result<ExpectedOutputs> {
  const tensors: Record<string, HostTensor> = {};
  const sources: Record<string, string> = {};
  const names = new Set(outputs.map((o) => o.name));
  // Unnamed tensors, and TensorProto files whose names are not output names, are matched by position.
  const positional = (f: FoundTensor): boolean => f.name === null || (f.format === 'pb' && !names.has(f.name));
  const stray = found.find((f) => !positional(f) && !names.has(f.name!));
  if (stray) return mismatch(`${stray.source} (“${stray.name}”) matches no output of the model (its outputs are ${outputs.map((o) => `“${o.name}”`).join(', ')}).`, 'Name expected values after the model’s outputs.', { file: stray.source });
  const byPosition = found.filter(positional).sort((a, b) => a.position - b.position);
  const take = (spec: TensorSpec, f: FoundTensor): Result<true> => {
    if (sources[spec.name]) return mismatch(`Two expected values were given for output “${spec.name}”: ${sources[spec.name]} and ${f.source}.`, 'Give each output once.', { input: spec.name });
    sources[spec.name] = f.source;
    if (f.kind === 'typed') {
      tensors[spec.name] = f.tensor;
      return ok(true);
    }
    const dtype = spec.dtype === 'unknown' ? 'float32' : spec.dtype;
    const data = convertValues(f.values, dtype, { input: spec.name, source: f.source, expected: `${dtype} ${shapeText(spec.shape)}` });
    if (!data.ok) return data;
    tensors[spec.name] = { dtype, dims: [...f.dims], data: data.value };
    return ok(true);
  };
  for (const f of found) {
    if (f.name === null || !names.has(f.name)) continue;
    const r = take(outputs.find((o) => o.name === f.name)!, f);
    if (!r.ok) return r;
  }
  const open = outputs.filter((o) => !sources[o.name]);
  for (const f of byPosition) {
    // input_K/output_K files carry their K; other unnamed tensors fill the outputs left, in order.
    const spec = f.format === 'pb' ? outputs[f.position] : open.shift();
    if (!spec || sources[spec.name]) {
      return mismatch(`${f.source}${f.name ? ` (“${f.name}”)` : ''} matches no output of the model (its outputs are ${outputs.map((o) => `“${o.name}”`).join(', ')}).`, 'Name expected values after the model’s outputs.', { file: f.source });
    }
    const r = take(spec, f);
    if (!r.ok) return r;
  }
  // In the model's output order.
  const ordered: Record<string, HostTensor> = {};
  for (const o of outputs) if (tensors[o.name]) ordered[o.name] = tensors[o.name]!;
  return ok({ tensors: ordered, sources });
}

/** Expected outputs from files (output_K.pb, a JSON outputs document, .npz, .npy). */
export async function readExpectedOutputs(files: readonly TensorFile[], outputs: readonly TensorSpec[]): Promise<Result<ExpectedOutputs>> {
  if (files.length === 0) return badFile('(none)', 'No expected-output files were given.', 'Give output_K.pb files, an outputs .json, or an .npz named after the outputs.');
  const found: FoundTensor[] = [];
  for (const file of files) {
    const r = await decodeTensorFile(file);
    if (!r.ok) return r;
    // A single unnamed .npy named after an output.
    const stem = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.npy$/, '');
    for (const f of r.value) found.push(f.name === null && f.format === 'npy' && outputs.some((o) => o.name === stem) ? { ...f, name: stem } : f);
  }
  return matchExpected(found, outputs);
}
