import { deflateRawSync } from 'node:zlib';

/** One entry of a hand-made zip: what its headers say may differ from what it holds (that is the point). */
export interface CraftedEntry {
  readonly name: string;
  /** The bytes stored (already compressed when `method` is 8). */
  readonly stored: Uint8Array;
  readonly method: 0 | 8;
  /** The uncompressed size the headers declare. */
  readonly declared: number;
  /** Write the sizes as zip64 (0xFFFFFFFF plus an extra field), as Python does for big entries. */
  readonly zip64?: boolean;
  readonly flags?: number;
}

export const deflated = (name: string, data: Uint8Array, declared = data.length): CraftedEntry => ({ name, stored: new Uint8Array(deflateRawSync(data, { level: 9 })), method: 8, declared });
export const stored = (name: string, data: Uint8Array): CraftedEntry => ({ name, stored: data, method: 0, declared: data.length });

const u16 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff];
const u32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];
const u64 = (v: number): number[] => [...u32(v % 2 ** 32), ...u32(Math.floor(v / 2 ** 32))];

/** Writes local headers, data and a central directory exactly as told (CRCs left 0: the reader does not check them). */
export function craftZip(entries: readonly CraftedEntry[]): Uint8Array {
  const parts: (number[] | Uint8Array)[] = [];
  const central: number[][] = [];
  let offset = 0;
  for (const e of entries) {
    const name = [...new TextEncoder().encode(e.name)];
    const size = e.zip64 ? 0xffffffff : e.declared;
    const csize = e.zip64 ? 0xffffffff : e.stored.length;
    const extra = e.zip64 ? [...u16(1), ...u16(16), ...u64(e.declared), ...u64(e.stored.length)] : [];
    const flags = (e.flags ?? 0) | 0x800;
    const local = [...u32(0x04034b50), ...u16(45), ...u16(flags), ...u16(e.method), ...u32(0), ...u32(0), ...u32(csize), ...u32(size), ...u16(name.length), ...u16(extra.length), ...name, ...extra];
    parts.push(local, e.stored);
    central.push([...u32(0x02014b50), ...u16(45), ...u16(45), ...u16(flags), ...u16(e.method), ...u32(0), ...u32(0), ...u32(csize), ...u32(size), ...u16(name.length), ...u16(extra.length), ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(offset), ...name, ...extra]);
    offset += local.length + e.stored.length;
  }
  const directory = central.flat();
  const end = [...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length), ...u32(directory.length), ...u32(offset), ...u16(0)];
  const out = new Uint8Array(offset + directory.length + end.length);
  let at = 0;
  for (const p of [...parts, directory, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
