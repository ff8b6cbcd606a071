/**
 * A zip's central directory, read on its own, before anything is inflated. Written here rather
 * than taken from fflate because fflate's listing ignores a zip64 size when the archive has no
 * zip64 end record (what Python's zipfile writes for one big entry): a 3 GB entry read as 4.0 GB.
 */

/** Random access to the archive's bytes: a Blob in the browser, a buffer in tests and the CLI. */
export interface ByteSource {
  readonly size: number;
  read(start: number, end: number): Promise<Uint8Array>;
}

export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => Promise.resolve(bytes.subarray(start, end)) };
}

export interface ZipEntry {
  /** The name as stored (not yet normalised). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  /** The uncompressed size the directory declares (a bomb may lie). */
  readonly size: number;
  readonly localOffset: number;
}

export type ZipDirectory = { readonly ok: true; readonly entries: readonly ZipEntry[] } | { readonly ok: false; readonly reason: string; readonly count?: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX32 = 0xffffffff;

const u16 = (d: Uint8Array, at: number): number => d[at]! | (d[at + 1]! << 8);
const u32 = (d: Uint8Array, at: number): number => (d[at]! | (d[at + 1]! << 8) | (d[at + 2]! << 16) | (d[at + 3]! << 24)) >>> 0;
/** Exact up to 2^53, far past any archive a tab can hold. */
const u64 = (d: Uint8Array, at: number): number => u32(d, at) + u32(d, at + 4) * 2 ** 32;

const utf8 = new TextDecoder();
function decodeName(bytes: Uint8Array, isUtf8: boolean): string {
  if (isUtf8) return utf8.decode(bytes);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** The end record (zip64-aware): how many entries, and where the directory lies. */
async function findEnd(source: ByteSource): Promise<{ count: number; offset: number; size: number } | null> {
  const tailStart = Math.max(0, source.size - (22 + 0xffff + 20));
  const tail = await source.read(tailStart, source.size);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (u32(tail, i) !== EOCD) continue;
    let count = u16(tail, i + 10);
    let size = u32(tail, i + 12);
    let offset = u32(tail, i + 16);
    if ((count === 0xffff || size === MAX32 || offset === MAX32) && i >= 20 && u32(tail, i - 20) === ZIP64_LOCATOR) {
      const at = u64(tail, i - 12);
      const record = await source.read(at, Math.min(source.size, at + 56));
      if (record.length < 56 || u32(record, 0) !== ZIP64_EOCD) return null;
      count = u64(record, 32);
      size = u64(record, 40);
      offset = u64(record, 48);
    }
    return { count, offset, size };
  }
  return null;
}

/** The zip64 extra field holds, in this order, whichever of the three 32-bit fields overflowed. */
function zip64Sizes(extra: Uint8Array, size: number, compressedSize: number, localOffset: number): [number, number, number] {
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== 1) continue;
    let field = at + 4;
    const next = (): number => {
      const v = u64(extra, field);
      field += 8;
      return v;
    };
    const s = size === MAX32 ? next() : size;
    const c = compressedSize === MAX32 ? next() : compressedSize;
    const o = localOffset === MAX32 ? next() : localOffset;
    return [s, c, o];
  }
  return [size, compressedSize, localOffset];
}

/**
 * Lists the archive from its directory alone. `maxEntries` is checked against the end record's
 * count before the directory itself is read, so that a million-entry archive costs nothing.
 */
export async function readZipDirectory(source: ByteSource, maxEntries: number): Promise<ZipDirectory> {
  const end = await findEnd(source);
  if (!end) return { ok: false, reason: 'no zip directory at its end: the archive is damaged or incomplete' };
  if (end.count > maxEntries) return { ok: false, reason: 'too many entries', count: end.count };
  if (end.offset + end.size > source.size) return { ok: false, reason: 'its directory points past the end of the file: the archive is incomplete' };
  const dir = await source.read(end.offset, end.offset + end.size);
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at + 46 <= dir.length && u32(dir, at) === CENTRAL) {
    const flags = u16(dir, at + 8);
    const nameLength = u16(dir, at + 28);
    const extraLength = u16(dir, at + 30);
    const commentLength = u16(dir, at + 32);
    const nameStart = at + 46;
    const extra = dir.subarray(nameStart + nameLength, nameStart + nameLength + extraLength);
    const [size, compressedSize, localOffset] = zip64Sizes(extra, u32(dir, at + 24), u32(dir, at + 20), u32(dir, at + 42));
    entries.push({ name: decodeName(dir.subarray(nameStart, nameStart + nameLength), (flags & 0x800) !== 0), method: u16(dir, at + 10), flags, compressedSize, size, localOffset });
    if (entries.length > maxEntries) return { ok: false, reason: 'too many entries', count: entries.length };
    at = nameStart + nameLength + extraLength + commentLength;
  }
  if (entries.length !== end.count) return { ok: false, reason: `its directory lists ${entries.length} of the ${end.count} entries it announces: the archive is damaged` };
  return { ok: true, entries };
}

/** Where an entry's data starts: after its local header, whose name and extra lengths may differ from the directory's. */
export async function entryDataStart(source: ByteSource, entry: ZipEntry): Promise<number | null> {
  const header = await source.read(entry.localOffset, entry.localOffset + 30);
  if (header.length < 30 || u32(header, 0) !== 0x04034b50) return null;
  return entry.localOffset + 30 + u16(header, 26) + u16(header, 28);
}
