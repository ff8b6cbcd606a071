import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import { extensionOf } from './file-kinds';

/** More than a browser tab should hold for one package (and past what 32-bit WASM can address for a model). */
export const MAX_PACKAGE_BYTES = 2 * 1024 ** 3;
/** A model package holds a handful of files; a folder with more is something else. */
export const MAX_PACKAGE_FILES = 500;

/** What one archive may expand to. */
export interface ArchiveLimits {
  readonly maxBytes: number;
  readonly maxFiles: number;
}

export const PACKAGE_LIMITS: ArchiveLimits = { maxBytes: MAX_PACKAGE_BYTES, maxFiles: MAX_PACKAGE_FILES };

export interface ListedFile {
  readonly path: string;
  readonly bytes: number;
}

/** Sizes for messages, in the units the rest of the app shows (1 GB = 1024³ bytes). */
export function byteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export const count = (n: number): string => n.toLocaleString('en-US');

/** Refuses an archive from its directory alone, before inflating anything (zip bombs). */
export function checkArchiveListing(archiveName: string, listing: readonly ListedFile[], limits: ArchiveLimits = PACKAGE_LIMITS): Result<void> {
  const total = listing.reduce((n, f) => n + f.bytes, 0);
  if (total > limits.maxBytes) return tooLarge(archiveName, total, limits);
  if (listing.length > limits.maxFiles) return tooManyFiles(archiveName, listing.length, limits);
  return ok(undefined);
}

export function tooLarge(archiveName: string, total: number, limits: ArchiveLimits = PACKAGE_LIMITS): Result<never> {
  return fail(
    engineError(
      'package-too-large',
      `“${archiveName}” would expand to ${byteSize(total)}, more than the ${byteSize(limits.maxBytes)} limit for one ${limits === PACKAGE_LIMITS ? 'package' : 'import'}; nothing was unpacked.`,
      'If the archive is genuine, unzip it yourself and open the model folder; if you did not make it, it may be a zip bomb: delete it.',
    ),
  );
}

export function tooManyFiles(name: string, files: number, limits: ArchiveLimits = PACKAGE_LIMITS): Result<never> {
  if (limits !== PACKAGE_LIMITS) {
    return fail(engineError('package-too-large', `“${name}” holds ${count(files)} files, more than the ${count(limits.maxFiles)} an import may have; nothing was unpacked.`, 'Export a smaller library, or import it in parts.'));
  }
  return fail(
    engineError(
      'package-too-large',
      `“${name}” holds ${count(files)} files, more than the ${limits.maxFiles} a model package can have, and no single model among them says which folder is the package.`,
      'Open the folder (or zip) that holds just the model and its files: model.onnx with metadata.json, MLmodel, input_example.json, test.csv …',
    ),
  );
}

export interface FolderPlan {
  /** Files to read, by path. */
  readonly read: readonly string[];
  /** Files left unread because they lie outside the package. */
  readonly ignored: number;
  /** The package's folder inside what was opened ('' = the top). */
  readonly root: string;
}

/**
 * Decides which files of a dropped folder to read. A folder with thousands of unrelated
 * files is narrowed to the folder of its one model; without one model, it is refused.
 */
export function planFolder(folderName: string, listing: readonly ListedFile[]): Result<FolderPlan> {
  const total = listing.reduce((n, f) => n + f.bytes, 0);
  if (listing.length <= MAX_PACKAGE_FILES && total <= MAX_PACKAGE_BYTES) return ok({ read: listing.map((f) => f.path), ignored: 0, root: '' });
  const models = listing.filter((f) => ['onnx', 'ort'].includes(extensionOf(f.path)));
  if (models.length !== 1) return tooManyFiles(folderName, listing.length);
  const slash = models[0]!.path.lastIndexOf('/');
  const root = slash < 0 ? '' : models[0]!.path.slice(0, slash + 1);
  const inside = listing.filter((f) => f.path.startsWith(root) && !f.path.slice(root.length).includes('/'));
  if (inside.length > MAX_PACKAGE_FILES) return tooManyFiles(folderName, listing.length);
  const checked = checkArchiveListing(folderName, inside);
  if (!checked.ok) return checked;
  return ok({ read: inside.map((f) => f.path), ignored: listing.length - inside.length, root });
}
