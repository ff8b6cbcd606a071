import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import { extensionOf } from './file-kinds';

/** More than a browser tab should hold for one package (and past what 32-bit WASM can address for a model). */
export const MAX_PACKAGE_BYTES = 2 * 1024 ** 3;
/** A model package holds a handful of files; a folder with more is something else. */
export const MAX_PACKAGE_FILES = 500;

export interface ListedFile {
  readonly path: string;
  readonly bytes: number;
}

const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** Refuses an archive from its directory alone, before inflating anything (zip bombs). */
export function checkArchiveListing(archiveName: string, listing: readonly ListedFile[]): Result<void> {
  const total = listing.reduce((n, f) => n + f.bytes, 0);
  if (total > MAX_PACKAGE_BYTES) {
    return fail(
      engineError(
        'package-too-large',
        `“${archiveName}” would expand to ${gb(total)}, more than the ${gb(MAX_PACKAGE_BYTES)} limit for one package; nothing was unpacked.`,
        'If the archive is genuine, unzip it yourself and open the model folder; if you did not make it, it may be a zip bomb: delete it.',
      ),
    );
  }
  if (listing.length > MAX_PACKAGE_FILES) return tooManyFiles(archiveName, listing.length);
  return ok(undefined);
}

function tooManyFiles(name: string, count: number): Result<never> {
  return fail(
    engineError(
      'package-too-large',
      `“${name}” holds ${count.toLocaleString('en-US')} files, more than the ${MAX_PACKAGE_FILES} a model package can have, and no single model among them says which folder is the package.`,
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
