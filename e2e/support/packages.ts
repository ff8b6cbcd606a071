import { readdirSync, readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { zipSync, strToU8, type Zippable } from 'fflate';

export const examplesDir = new URL('../../public/examples/', import.meta.url);

/** The files of a bundled example, by name. */
export function exampleFiles(id: string): Record<string, Uint8Array> {
  const dir = new URL(`${id}/`, examplesDir);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, new Uint8Array(readFileSync(new URL(name, dir)))]));
}

export function zipOf(files: Record<string, Uint8Array | string>, folder?: string): Buffer {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(files)) entries[folder ? `${folder}/${name}` : name] = typeof content === 'string' ? strToU8(content) : content;
  return Buffer.from(zipSync(entries));
}

/**
 * A zip bomb: `copies` entries of `chunkMb` MB of zeros each, sharing one small deflate stream.
 * Written by hand (local headers + central directory) so that it takes milliseconds to make.
 */
export function zipBomb(copies: number, chunkMb = 96): Buffer {
  const plain = Buffer.alloc(chunkMb * 1024 * 1024);
  const compressed = deflateRawSync(plain, { level: 9 });
  const crc = crc32(plain);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < copies; i++) {
    const name = Buffer.from(`zeros-${i}.bin`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(plain.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(plain.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(copies, 8);
  end.writeUInt16LE(copies, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Text that would run script if any of it were rendered as HTML. */
export const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">`;

/**
 * Writes an honest zip of stored (uncompressed) entries straight to disk, `zeros` bytes of
 * zeros for the big ones, so that a package of gigabytes costs the test seconds and no memory.
 */
export async function writeStoredZip(path: string, entries: readonly { name: string; data?: Uint8Array; zeros?: number }[]): Promise<void> {
  const { open } = await import('node:fs/promises');
  const file = await open(path, 'w');
  const block = Buffer.alloc(16 * 1024 * 1024);
  const centrals: Buffer[] = [];
  let offset = 0;
  try {
    for (const entry of entries) {
      const size = entry.data?.length ?? entry.zeros ?? 0;
      let crc = 0;
      if (entry.data) crc = crc32(entry.data);
      else for (let left = size; left > 0; left -= block.length) crc = crc32(block.subarray(0, Math.min(left, block.length)), crc);
      const name = Buffer.from(entry.name);
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(size, 18);
      local.writeUInt32LE(size, 22);
      local.writeUInt16LE(name.length, 26);
      await file.write(Buffer.concat([local, name]));
      if (entry.data) await file.write(entry.data);
      else for (let left = size; left > 0; left -= block.length) await file.write(block.subarray(0, Math.min(left, block.length)));
      const central = Buffer.alloc(46);
      central.writeUInt32LE(0x02014b50, 0);
      central.writeUInt16LE(20, 4);
      central.writeUInt16LE(20, 6);
      central.writeUInt32LE(crc, 16);
      central.writeUInt32LE(size, 20);
      central.writeUInt32LE(size, 24);
      central.writeUInt16LE(name.length, 28);
      central.writeUInt32LE(offset, 42);
      centrals.push(central, name);
      offset += 30 + name.length + size;
    }
    const directory = Buffer.concat(centrals);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(entries.length, 8);
    end.writeUInt16LE(entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(offset, 16);
    await file.write(Buffer.concat([directory, end]));
  } finally {
    await file.close();
  }
}
