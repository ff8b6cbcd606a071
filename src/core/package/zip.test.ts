import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip, stripCommonFolder } from './zip';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('readZip', () => {
  it('returns every file with its path and bytes, without directories or OS clutter', () => {
    const zip = zipSync({
      pkg: { 'model.onnx': bytes(1, 2, 3), sub: { 'a.txt': bytes(4) }, empty: {}, '.DS_Store': bytes(0) },
      __MACOSX: { pkg: { '._model.onnx': bytes(9) } },
      'Thumbs.db': bytes(7),
    });
    const result = readZip('pkg.zip', zip);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.fromEntries(result.value.map((f) => [f.path, [...f.bytes]]))).toEqual({
      'pkg/model.onnx': [1, 2, 3],
      'pkg/sub/a.txt': [4],
    });
  });

  it('fails with bad-zip on damaged bytes', () => {
    const result = readZip('x.zip', bytes(0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-zip');
    expect(result.error.message).toMatch(/^“x\.zip” could not be unzipped \(.+\)/);
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
