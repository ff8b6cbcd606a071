import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_PACKAGE_BYTES } from './limits';
import { readZip, stripCommonFolder, type UnzipProgress } from './zip';
import { craftZip, deflated, stored } from './zip.fixture';
import { bytesSource } from './zip-directory';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);
const read = (name: string, zip: Uint8Array, options = {}) => readZip(name, bytesSource(zip), options);
const MB = 1024 * 1024;

describe('readZip', () => {
  it('returns every file with its path and bytes, without directories or OS clutter', async () => {
    const zip = zipSync({
      pkg: { 'model.onnx': bytes(1, 2, 3), sub: { 'a.txt': bytes(4) }, empty: {}, '.DS_Store': bytes(0) },
      __MACOSX: { pkg: { '._model.onnx': bytes(9) } },
      'Thumbs.db': bytes(7),
    });
    const result = await read('pkg.zip', zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.fromEntries(result.value.files.map((f) => [f.path, [...f.bytes]]))).toEqual({
      'pkg/model.onnx': [1, 2, 3],
      'pkg/sub/a.txt': [4],
    });
    expect(result.value.refused).toEqual([]);
  });

  it('fails with bad-zip on damaged bytes', async () => {
    const result = await read('x.zip', bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-zip');
    expect(result.error.message).toMatch(/^“x\.zip” could not be unzipped \(.+\)/);
  });

  it('refuses an honest bomb from its directory, before inflating anything', async () => {
    const zeros = new Uint8Array(96 * MB);
    const entry = deflated('zeros.bin', zeros);
    const zip = craftZip(Array.from({ length: 24 }, (_, i) => ({ ...entry, name: `zeros-${i}.bin` })));
    const progress: UnzipProgress[] = [];
    const result = await read('bomb.zip', zip, { onProgress: (p: UnzipProgress) => progress.push(p) });
    expect(!result.ok && result.error.message).toBe('“bomb.zip” would expand to 2.3 GB, more than the 2.0 GB limit for one package; nothing was unpacked.');
    expect(progress).toEqual([]);
  });

  it('reads a zip64 size as written (a 3 GB entry is 3.0 GB, not 4.0 GB)', async () => {
    const zip = craftZip([{ ...deflated('zeros.bin', new Uint8Array(1024)), declared: 3 * 1024 ** 3, zip64: true }]);
    const result = await read('bomb3g.zip', zip);
    expect(!result.ok && result.error.message).toBe('“bomb3g.zip” would expand to 3.0 GB, more than the 2.0 GB limit for one package; nothing was unpacked.');
  });

  it('stops a bomb that under-states its sizes at the first byte past what it declared', async () => {
    // 64 MB of zeros declared as 1 KB: the directory passes, the inflation must not.
    const bomb = deflated('model.onnx', new Uint8Array(64 * MB), 1024);
    const zip = craftZip([stored('metadata.json', new TextEncoder().encode('{}')), bomb]);
    const progress: UnzipProgress[] = [];
    const started = performance.now();
    const result = await read('liar.zip', zip, { onProgress: (p: UnzipProgress) => progress.push(p) });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/^“liar\.zip” lies about its contents: “model\.onnx” declares 1\.0 KB but inflates to more\. Unpacking stopped after [\d.]+ (KB|MB); nothing was opened\.$/);
    expect(Math.max(0, ...progress.map((p) => p.written))).toBeLessThanOrEqual(1024);
  });

  it('counts real output against the limit when the limit is lower than the declared sizes allow', async () => {
    const zip = craftZip([deflated('a.bin', new Uint8Array(3 * MB)), deflated('b.bin', new Uint8Array(3 * MB))]);
    const result = await read('two.zip', zip, { limits: { maxBytes: 5 * MB, maxFiles: 10 } });
    expect(!result.ok && result.error.message).toMatch(/would expand to 6\.0 MB, more than the 5\.0 MB limit/);
  });

  it('reports progress in compressed bytes read and real bytes written', async () => {
    const data = new Uint8Array(9 * MB);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919) % 251;
    const zip = craftZip([stored('model.onnx', data)]);
    const progress: UnzipProgress[] = [];
    const result = await read('p.zip', zip, { onProgress: (p: UnzipProgress) => progress.push(p) });
    expect(result.ok && Buffer.compare(result.value.files[0]!.bytes, data)).toBe(0);
    expect(progress.length).toBe(3);
    expect(progress.at(-1)).toEqual({ read: 9 * MB, total: zip.length, written: 9 * MB });
  });

  it('normalises entry names and leaves out those that climb out of the package', async () => {
    const zip = craftZip([
      stored('pkg\\model.onnx', bytes(1)),
      stored('pkg/./sub/../metadata.json', bytes(2)),
      stored('../../evil.onnx', bytes(3)),
      stored('/etc/passwd', bytes(4)),
      stored('pkg/model.onnx', bytes(5)),
    ]);
    const result = await read('slip.zip', zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.files.map((f) => f.path)).toEqual(['pkg/model.onnx', 'pkg/metadata.json']);
    expect(result.value.refused).toEqual([
      { name: '../../evil.onnx', reason: 'it climbs out of the package (“..”)' },
      { name: '/etc/passwd', reason: 'it is an absolute path' },
      { name: 'pkg/model.onnx', reason: 'a second file named “pkg/model.onnx”' },
    ]);
  });

  it('with strict names, refuses the whole archive for one crafted name, before inflating', async () => {
    const zip = craftZip([stored('library.json', bytes(1)), stored('packages/evil/1/../../../evil.onnx', bytes(2))]);
    const result = await read('lib.zip', zip, { strictNames: true });
    expect(!result.ok && result.error.message).toBe('“lib.zip” holds an entry named “packages/evil/1/../../../evil.onnx”, which is refused: it is not a plain path (it holds “..”, “.”, “\\” or empty segments). Nothing was unpacked.');
  });

  it('refuses more entries than allowed from the end record alone', async () => {
    const zip = craftZip(Array.from({ length: 41 }, (_, i) => stored(`f${i}`, bytes(i))));
    const result = await read('many.zip', zip, { limits: { maxBytes: MB, maxFiles: 10 } });
    expect(!result.ok && result.error.message).toMatch(/^“many\.zip” holds 41 files, more than the 10/);
  });

  it('says which entry is encrypted or uses an unknown compression', async () => {
    const locked = await read('locked.zip', craftZip([{ ...stored('model.onnx', bytes(1)), flags: 1 }]));
    expect(!locked.ok && locked.error.message).toMatch(/“locked\.zip” is encrypted \(“model\.onnx” needs a password\)/);
    const bzip = await read('bz.zip', craftZip([{ ...stored('model.onnx', bytes(1)), method: 12 as 0 }]));
    expect(!bzip.ok && bzip.error.message).toMatch(/“model\.onnx” in “bz\.zip” uses compression method 12/);
  });

  it('says when an entry holds less than it declares', async () => {
    const result = await read('short.zip', craftZip([deflated('model.onnx', new Uint8Array(100), 200)]));
    expect(!result.ok && result.error.message).toMatch(/“model\.onnx” holds 100 B, not the 200 B its header declares/);
  });

  it('keeps the limit in force for a whole archive of honest entries', () => {
    expect(MAX_PACKAGE_BYTES).toBe(2 * 1024 ** 3);
  });
});

describe('stripCommonFolder', () => {
  it('makes the one top-level folder the root', () => {
    const out = stripCommonFolder([
      { path: 'wine/model.onnx', bytes: bytes(1) },
      { path: 'wine/data/test.csv', bytes: bytes(2) },
    ]);
    expect(out.folder).toBe('wine');
    expect(out.files.map((f) => f.path)).toEqual(['model.onnx', 'data/test.csv']);
  });

  it('leaves files alone when one sits at the root or folders differ', () => {
    expect(stripCommonFolder([{ path: 'model.onnx', bytes: bytes(1) }, { path: 'a/b.txt', bytes: bytes(2) }]).folder).toBeNull();
    const differ = stripCommonFolder([{ path: 'a/model.onnx', bytes: bytes(1) }, { path: 'b/x.txt', bytes: bytes(2) }]);
    expect(differ.folder).toBeNull();
    expect(differ.files.map((f) => f.path)).toEqual(['a/model.onnx', 'b/x.txt']);
    expect(stripCommonFolder([])).toEqual({ folder: null, files: [] });
  });
});
