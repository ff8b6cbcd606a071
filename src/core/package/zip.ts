import { Inflate } from 'fflate';
import { engineError, type Result, ok, fail, describeThrown } from '../protocol/engine-error';
import type { PackageFile } from './model-package';
import { normaliseEntryPath } from './entry-path';
import { byteSize, checkArchiveListing, PACKAGE_LIMITS, tooLarge, tooManyFiles, type ArchiveLimits } from './limits';
import { entryDataStart, readZipDirectory, type ByteSource, type ZipEntry } from './zip-directory';

const JUNK = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$)/;
/** Compressed bytes read per step (one Blob read each): progress moves in steps this size. */
const SLICE_BYTES = 4 * 1024 * 1024;
/**
 * Compressed bytes handed to the inflater at once. Deflate expands at most ~1032×, so no push
 * writes more than ~4 MB before the output is counted: a bomb is stopped within a few MB.
 */
const PUSH_BYTES = 4 * 1024;

export interface UnzipProgress {
  /** Compressed bytes consumed so far, of `total` (the archive's size). */
  readonly read: number;
  readonly total: number;
  /** Real bytes written so far. */
  readonly written: number;
}

export interface UnzipOptions {
  readonly limits?: ArchiveLimits;
  readonly onProgress?: (progress: UnzipProgress) => void;
  /**
   * For archives this app wrote (library exports): any name that normalising would change
   * (`packages/x/1/../../../evil.onnx`) refuses the whole archive before anything is inflated.
   */
  readonly strictNames?: boolean;
}

/** An entry left out, and why (a name that climbs out of the package, a duplicate). */
export interface RefusedEntry {
  readonly name: string;
  readonly reason: string;
}

export interface UnzippedArchive {
  readonly files: readonly PackageFile[];
  readonly refused: readonly RefusedEntry[];
}

/** Stops the inflation at once, with the message the user sees. */
class Stop extends Error {
  constructor(readonly result: Result<never>) {
    super('stop');
  }
}

function damaged(zipName: string, detail: string): Result<never> {
  return fail(
    engineError(
      'bad-zip',
      `“${zipName}” could not be unzipped (${detail}): the archive is damaged or incomplete.`,
      'Create the zip again, or download it again (compare its size with the original), and open it.',
    ),
  );
}

function lies(zipName: string, entry: string, declared: number, written: number): Result<never> {
  return fail(
    engineError(
      'package-too-large',
      `“${zipName}” lies about its contents: “${entry}” declares ${byteSize(declared)} but inflates to more. Unpacking stopped after ${byteSize(written)}; nothing was opened.`,
      'A genuine zip never does this: it is damaged, or a zip bomb made to fill your memory. Delete it; if you trust it, unzip it with another tool and open the folder.',
    ),
  );
}

/** Picks the entries worth reading, each under a safe name; the rest are junk, folders or refused. */
function selectEntries(entries: readonly ZipEntry[], strict: boolean): { wanted: { entry: ZipEntry; path: string }[]; refused: RefusedEntry[] } {
  const wanted: { entry: ZipEntry; path: string }[] = [];
  const refused: RefusedEntry[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name.endsWith('/') || entry.name.endsWith('\\') || JUNK.test(entry.name)) continue;
    const path = normaliseEntryPath(entry.name);
    if (!path.ok) refused.push({ name: entry.name, reason: path.reason });
    else if (strict && path.path !== entry.name) refused.push({ name: entry.name, reason: 'it is not a plain path (it holds “..”, “.”, “\\” or empty segments)' });
    else if (seen.has(path.path)) refused.push({ name: entry.name, reason: `a second file named “${path.path}”` });
    else {
      seen.add(path.path);
      wanted.push({ entry, path: path.path });
    }
  }
  return { wanted, refused };
}

/**
 * Reads every file of a zip archive, streaming: the directory is checked against the limits
 * before anything is inflated; then each entry is inflated in slices, its real output counted
 * against what it declared and against the limit, stopping the moment either is exceeded.
 */
export async function readZip(zipName: string, source: ByteSource, options: UnzipOptions = {}): Promise<Result<UnzippedArchive>> {
  const limits = options.limits ?? PACKAGE_LIMITS;
  try {
    const directory = await readZipDirectory(source, limits.maxFiles * 4);
    if (!directory.ok) return directory.count !== undefined ? tooManyFiles(zipName, directory.count, limits) : damaged(zipName, directory.reason);
    const { wanted, refused } = selectEntries(directory.entries, options.strictNames ?? false);
    if (options.strictNames && refused.length > 0) {
      const first = refused[0]!;
      return fail(engineError('bad-zip', `“${zipName}” holds an entry named “${first.name}”, which is refused: ${first.reason}${refused.length > 1 ? ` (and ${refused.length - 1} more like it)` : ''}. Nothing was unpacked.`, 'Only import a library exported by this app, as it was exported.'));
    }
    const checked = checkArchiveListing(zipName, wanted.map((w) => ({ path: w.path, bytes: w.entry.size })), limits);
    if (!checked.ok) return checked;
    const inflated = new Map<string, Uint8Array>();
    const progress = { read: 0, total: source.size, written: 0 };
    // In file order, so that the source is read front to back.
    for (const { entry, path } of [...wanted].sort((a, b) => a.entry.localOffset - b.entry.localOffset)) {
      inflated.set(path, await inflateEntry(zipName, source, entry, path, limits, progress, options.onProgress));
    }
    return ok({ files: wanted.map((w) => ({ path: w.path, bytes: inflated.get(w.path)! })), refused });
  } catch (thrown) {
    if (thrown instanceof Stop) return thrown.result;
    return damaged(zipName, describeThrown(thrown));
  }
}

async function inflateEntry(
  zipName: string,
  source: ByteSource,
  entry: ZipEntry,
  path: string,
  limits: ArchiveLimits,
  progress: { read: number; total: number; written: number },
  onProgress: UnzipOptions['onProgress'],
): Promise<Uint8Array> {
  if (entry.flags & 1) throw new Stop(fail(engineError('bad-zip', `“${zipName}” is encrypted (“${path}” needs a password), which this page cannot unpack.`, 'Unzip it with its password and open the folder.')));
  if (entry.method !== 0 && entry.method !== 8) {
    throw new Stop(fail(engineError('bad-zip', `“${path}” in “${zipName}” uses compression method ${entry.method}, which this page cannot unpack (only stored and deflated entries).`, 'Zip the folder again with the usual (deflate) compression.')));
  }
  const start = await entryDataStart(source, entry);
  if (start === null || start + entry.compressedSize > source.size) throw new Stop(damaged(zipName, `“${path}” points past the end of the file`));
  // Real output lands in a buffer of the declared size: an entry that writes more is refused there and then.
  let out: Uint8Array;
  try {
    out = new Uint8Array(entry.size);
  } catch {
    throw new Stop(fail(engineError('package-too-large', `“${path}” in “${zipName}” is ${byteSize(entry.size)}, more memory than this tab could set aside to unpack it; nothing was opened.`, 'Close other tabs and try again, or unzip it yourself and open the folder.')));
  }
  let written = 0;
  let finished = entry.method === 0;
  const write = (chunk: Uint8Array): void => {
    if (written + chunk.length > entry.size) throw new Stop(lies(zipName, path, entry.size, progress.written + chunk.length));
    if (progress.written + chunk.length > limits.maxBytes) throw new Stop(tooLarge(zipName, progress.written + chunk.length, limits));
    out.set(chunk, written);
    written += chunk.length;
    progress.written += chunk.length;
  };
  const inflater =
    entry.method === 8
      ? new Inflate((chunk, final) => {
          write(chunk);
          if (final) finished = true;
        })
      : null;
  let at = 0;
  do {
    const end = Math.min(entry.compressedSize, at + SLICE_BYTES);
    const slice = await source.read(start + at, start + end);
    if (inflater) {
      for (let p = 0; p < slice.length || p === 0; p += PUSH_BYTES) inflater.push(slice.subarray(p, p + PUSH_BYTES), end === entry.compressedSize && p + PUSH_BYTES >= slice.length);
    } else write(slice);
    progress.read += slice.length;
    onProgress?.({ ...progress });
    at = end;
  } while (at < entry.compressedSize);
  if (!finished || written !== entry.size) throw new Stop(damaged(zipName, `“${path}” holds ${byteSize(written)}, not the ${byteSize(entry.size)} its header declares`));
  return out;
}

/** A zip of one folder is common: that folder becomes the package root. */
export function stripCommonFolder(files: readonly PackageFile[]): { folder: string | null; files: PackageFile[] } {
  const first = files[0]?.path.split('/')[0];
  const shared = first !== undefined && files.every((f) => f.path.includes('/') && f.path.split('/')[0] === first);
  if (!shared) return { folder: null, files: [...files] };
  return { folder: first, files: files.map((f) => ({ ...f, path: f.path.slice(first.length + 1) })) };
}
