import { ok, type Result } from '../protocol/engine-error';
import { readZip } from '../package/zip';
import { bytesSource } from '../package/zip-directory';
import type { FoundTensor } from './found-tensor';
import { TENSOR_LIMITS } from './limits';
import { decodeNpy } from './npy';
import { badFile } from './tensor-error';
import type { ArchiveLimits } from '../package/limits';

const NPZ_LIMITS: ArchiveLimits = { maxBytes: TENSOR_LIMITS.maxArchiveBytes, maxFiles: TENSOR_LIMITS.maxTensors };

/**
 * NumPy `.npz` archives (numpy.savez and savez_compressed: a zip of `.npy` files). Entries
 * saved by keyword (`savez(f, input_ids=…)`) are named after it; positional ones (`arr_0`,
 * `arr_1`…) are matched to the model's inputs by position.
 */
export async function decodeNpz(bytes: Uint8Array, file: string): Promise<Result<FoundTensor[]>> {
  const read = await readZip(file, bytesSource(bytes), { limits: NPZ_LIMITS });
  const entries = read.ok ? ok(read.value.files) : read;
  if (!entries.ok) return badFile(file, entries.error.message, 'Save it again with numpy.savez(path, name=array, …).');
  const arrays = entries.value.filter((e) => e.path.endsWith('.npy'));
  if (arrays.length === 0) return badFile(file, `“${file}” holds no .npy arrays (it has ${entries.value.map((e) => e.path).join(', ') || 'nothing'}).`, 'Save it with numpy.savez(path, name=array, …).');
  if (arrays.length > TENSOR_LIMITS.maxTensors) return badFile(file, `“${file}” holds ${arrays.length} arrays, more than ${TENSOR_LIMITS.maxTensors}.`, 'Give the model’s inputs only.');
  const out: FoundTensor[] = [];
  for (const [position, entry] of arrays.entries()) {
    const key = entry.path.slice(0, -'.npy'.length);
    const source = `${file}:${key}`;
    const tensor = decodeNpy(entry.bytes, source);
    if (!tensor.ok) return tensor;
    out.push({ kind: 'typed', format: 'npz', name: /^arr_\d+$/.test(key) ? null : key, source, position, tensor: tensor.value });
  }
  return ok(out);
}
