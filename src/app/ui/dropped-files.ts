/** A file with its path inside a dropped or picked folder. */
export interface FolderFile {
  readonly path: string;
  readonly file: File;
}

export type Dropped = { kind: 'files'; files: File[] } | { kind: 'folder'; name: string; files: FolderFile[] };

function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

async function walk(entry: FileSystemEntry, prefix: string, out: FolderFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: `${prefix}${entry.name}`, file });
    return;
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  // readEntries returns batches until an empty one.
  for (let batch = await readEntries(reader); batch.length > 0; batch = await readEntries(reader)) {
    for (const child of batch) await walk(child, `${prefix}${entry.name}/`, out);
  }
}

/** What a drop holds: loose files, or one folder with everything under it. */
export async function readDrop(transfer: DataTransfer): Promise<Dropped> {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry()).filter((e): e is FileSystemEntry => e !== null);
  const folder = entries.length === 1 && entries[0]!.isDirectory ? entries[0]! : null;
  if (folder) {
    const files: FolderFile[] = [];
    await walk(folder, '', files);
    return { kind: 'folder', name: folder.name, files: files.map((f) => ({ ...f, path: f.path.slice(folder.name.length + 1) })) };
  }
  return { kind: 'files', files: [...transfer.files] };
}

/** Files from an `<input webkitdirectory>`: their paths start with the folder's name. */
export function pickedFolder(list: FileList): Dropped {
  const files = [...list];
  const name = files[0]?.webkitRelativePath.split('/')[0] ?? 'folder';
  return { kind: 'folder', name, files: files.map((file) => ({ path: file.webkitRelativePath.slice(name.length + 1), file })) };
}
