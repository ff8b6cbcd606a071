import { Gunzip } from 'fflate';
import { unpackTar } from 'modern-tar';
import { describeThrown, engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { PackageFile } from '../package/model-package';
import { TENSOR_LIMITS } from './limits';
import { isGzip } from './file-magic';
import { badFile } from './tensor-error';

/**
 * `.tar`, `.tar.gz` and `.tgz` archives (the ONNX Model Zoo's format: `model/model.onnx` with
 * `model/test_data_set_N/`). Gunzip is bounded as it inflates, the entry count as the headers
 * are read; entry names are normalised and any that would climb out of the archive (`../`, an
 * absolute path) refuses the whole archive. Regular files only: folders and links are left out.
 */

const formatBytes = (n: number): string => (n >= 1024 ** 3 ? `${n / 1024 ** 3} GB` : n >= 1024 ** 2 ? `${n / 1024 ** 2} MB` : `${n} bytes`);

class LimitExceeded extends Error {}


/** Inflates gzip data, stopping as soon as the output passes `limit` bytes. */
export function gunzipBounded(bytes: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Gunzip((chunk) => {
    total += chunk.length;
    if (total > limit) throw new LimitExceeded(`more than ${limit} bytes`);
    chunks.push(chunk);
  });
  const STEP = 1 << 16;
  for (let i = 0; i < bytes.length; i += STEP) inflater.push(bytes.subarray(i, i + STEP), i + STEP >= bytes.length);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A `/`-separated path without `.` segments, or null when it is absolute or climbs out with `..`. */
export function normaliseEntryName(name: string): string | null {
  if (name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) return null;
  const parts: string[] = [];
  for (const part of name.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

interface ArchiveLimits {
  readonly maxArchiveBytes: number;
  readonly maxArchiveEntries: number;
}

export async function readTarArchive(archiveName: string, bytes: Uint8Array, limits: ArchiveLimits = TENSOR_LIMITS): Promise<Result<PackageFile[]>> {
  const hint = 'Create the archive again (tar czf model.tar.gz model/), or download it again, and open it.';
  let tar: Uint8Array;
  try {
    tar = isGzip(bytes) ? gunzipBounded(bytes, limits.maxArchiveBytes) : bytes;
  } catch (thrown) {
    if (thrown instanceof LimitExceeded) {
      return fail(engineError('package-too-large', `“${archiveName}” expands to more than ${formatBytes(limits.maxArchiveBytes)}; nothing was unpacked.`, 'If the archive is genuine, unpack it yourself and open the model folder; if you did not make it, delete it.'));
    }
    return badFile(archiveName, `“${archiveName}” could not be decompressed (${describeThrown(thrown)}): it is damaged or not a .tar.gz.`, hint);
  }
  let entries = 0;
  let climbing: string | null = null;
  try {
    const unpacked = await unpackTar(tar, {
      strict: true,
      filter: (header) => {
        if (++entries > limits.maxArchiveEntries) throw new LimitExceeded('entries');
        const regular = header.type === undefined || header.type === 'file';
        if (regular && normaliseEntryName(header.name) === null) climbing ??= header.name;
        return regular;
      },
    });
    if (climbing !== null) {
      return badFile(archiveName, `“${archiveName}” holds an entry named “${climbing}”, which points outside the archive; nothing was unpacked.`, 'Do not open archives you did not make; if you made it, create it again from inside the model folder.');
    }
    const files = unpacked.map((e) => ({ path: normaliseEntryName(e.header.name)!, bytes: e.data ?? new Uint8Array(0) })).filter((f) => f.path !== '');
    if (files.length === 0) return badFile(archiveName, `“${archiveName}” holds no files.`, hint);
    return ok(files);
  } catch (thrown) {
    if (thrown instanceof LimitExceeded) {
      return fail(engineError('package-too-large', `“${archiveName}” holds more than ${limits.maxArchiveEntries.toLocaleString('en-US')} entries; a model with its test data has far fewer. Nothing was unpacked.`, 'Open the folder of the one model you want instead.'));
    }
    return badFile(archiveName, `“${archiveName}” is not a readable tar archive (${describeThrown(thrown)}).`, hint);
  }
}
