import { unzipSync } from 'fflate';
import { engineError, type Result, ok, fail, describeThrown } from '../protocol/engine-error';
import type { PackageFile } from './model-package';
import { checkArchiveListing, type ListedFile } from './limits';

const JUNK = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$)/;

/** Reads every file of a zip archive; directories and OS clutter are left out. The listing is checked before anything is inflated. */
export function readZip(zipName: string, bytes: Uint8Array): Result<PackageFile[]> {
  const wanted = (name: string): boolean => !name.endsWith('/') && !JUNK.test(name);
  try {
    const listing: ListedFile[] = [];
    // First pass: the central directory only (the filter refuses every file, so nothing is inflated).
    unzipSync(bytes, {
      filter: (file) => {
        if (wanted(file.name)) listing.push({ path: file.name, bytes: file.originalSize });
        return false;
      },
    });
    const checked = checkArchiveListing(zipName, listing);
    if (!checked.ok) return checked;
    const entries = unzipSync(bytes, { filter: (file) => wanted(file.name) });
    return ok(Object.entries(entries).map(([path, data]) => ({ path, bytes: data })));
  } catch (thrown) {
    return fail(
      engineError(
        'bad-zip',
        `“${zipName}” could not be unzipped (${describeThrown(thrown)}): the archive is damaged or incomplete.`,
        'Create the zip again, or download it again (compare its size with the original), and open it.',
      ),
    );
  }
}

/** A zip of one folder is common: that folder becomes the package root. */
export function stripCommonFolder(files: readonly PackageFile[]): { folder: string | null; files: PackageFile[] } {
  const first = files[0]?.path.split('/')[0];
  const shared = first !== undefined && files.every((f) => f.path.includes('/') && f.path.split('/')[0] === first);
  if (!shared) return { folder: null, files: [...files] };
  return { folder: first, files: files.map((f) => ({ ...f, path: f.path.slice(first.length + 1) })) };
}
