import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extensionOf, onnxDecodeError, sniffFile } from './file-kinds';
import { summarizeOnnx } from './onnx-summary';
import type { EngineError } from '../protocol/engine-error';

const irisModel = new Uint8Array(readFileSync(new URL('../../../public/examples/iris-pipeline/model.onnx', import.meta.url)));
const text = (s: string): Uint8Array => new TextEncoder().encode(s);
// pickle protocol 4: PROTO 4, FRAME …
const PICKLE = new Uint8Array([0x80, 0x04, 0x95, 0x1a, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x8c, 0x0a]);

function sniffError(path: string, bytes: Uint8Array): EngineError {
  const sniffed = sniffFile(path, bytes);
  if (!('error' in sniffed)) throw new Error(`expected an error, got kind ${sniffed.kind}`);
  return sniffed.error;
}

function decodeError(path: string, bytes: Uint8Array): EngineError {
  try {
    summarizeOnnx(bytes);
  } catch (thrown) {
    return onnxDecodeError(path, bytes.length, thrown);
  }
  throw new Error('expected summarizeOnnx to throw');
}

describe('sniffFile', () => {
  it('says an empty file is empty', () => {
    const error = sniffError('models/model.onnx', new Uint8Array(0));
    expect(error.code).toBe('empty-file');
    expect(error.message).toBe('“model.onnx” is empty (0 bytes).');
    expect(error.hint).not.toBe('');
  });

  it('rejects a text file named .onnx (a Git LFS pointer)', () => {
    const pointer = text('version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n');
    const error = sniffError('x.onnx', pointer);
    expect(error.code).toBe('not-onnx');
    expect(error.message).toContain('“x.onnx” is a text file');
    expect(error.hint).toMatch(/Git LFS pointer/);
  });

  it.each([
    ['model.pkl', /skl2onnx/],
    ['MODEL.PICKLE', /skl2onnx/],
    ['pipeline.joblib', /skl2onnx/],
    ['net.pt', /torch\.onnx\.export/],
    ['net.pth', /torch\.onnx\.export/],
    ['model.h5', /tf2onnx/],
  ])('refuses %s by name, with how to export it', (name, hint) => {
    const error = sniffError(`pkg/${name}`, text('anything at all'));
    expect(error.code).toBe('not-runnable-format');
    expect(error.message.startsWith(`“${name}” is `)).toBe(true);
    expect(error.message).toContain('cannot run in a browser');
    expect(error.hint).toMatch(hint);
  });

  it('recognises pickle bytes whatever the name, and names the file as dropped', () => {
    const error = sniffError('model.onnx', PICKLE);
    expect(error.code).toBe('not-runnable-format');
    expect(error.message).toMatch(/^“model\.onnx” is a Python pickle/);
    expect(error.hint).toMatch(/skl2onnx/);
  });

  it('recognises a zip by its magic', () => {
    expect(sniffFile('download', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))).toEqual({ kind: 'zip' });
  });

  it('recognises the ORT format by its flatbuffer identifier', () => {
    const ort = new Uint8Array([0x14, 0, 0, 0, 0x4f, 0x52, 0x54, 0x4d, 0x0c, 0, 0x18, 0]);
    expect(sniffFile('model.ort', ort)).toEqual({ kind: 'ort' });
  });

  it('takes a real binary ONNX model for ONNX', () => {
    expect(sniffFile('model.onnx', irisModel)).toEqual({ kind: 'onnx' });
  });
});

describe('onnxDecodeError', () => {
  it('calls a model cut in half truncated', () => {
    const half = irisModel.subarray(0, 538);
    const error = decodeError('model.onnx', half);
    expect(error.code).toBe('truncated-model');
    expect(error.message).toContain('“model.onnx” ends early');
    expect(error.message).toContain('538 bytes');
  });

  it('calls garbage not ONNX, with the decoder’s reason', () => {
    const error = decodeError('photo.onnx', text('hello world, this is not a model'));
    expect(error.code).toBe('not-onnx');
    expect(error.message).toMatch(/^“photo\.onnx” is not a valid ONNX model \(invalid wire type/);
    expect(error.hint).toMatch(/torch\.onnx\.export/);
  });

  it('says a text field that is not UTF-8 means a damaged file, not a TextDecoder failure', () => {
    const garbled = irisModel.slice();
    // producer_name (field 2, 24 bytes) overwritten with bytes that are not UTF-8.
    garbled.fill(0xff, 4, 28);
    const error = decodeError('garbled.onnx', garbled);
    expect(error.code).toBe('not-onnx');
    expect(error.message).toBe('“garbled.onnx” is not a valid ONNX model: a text field in it (a name or a string) holds bytes that are not UTF-8 text, so the file is damaged or was never an ONNX model.');
    expect(onnxDecodeError('g.onnx', 10, new TypeError("Failed to execute 'decode' on 'TextDecoder': The encoded data was not valid.")).message).not.toMatch(/TextDecoder/);
  });

  it('calls valid protobuf without a graph not ONNX', () => {
    expect(decodeError('empty.onnx', new Uint8Array(0)).code).toBe('not-onnx');
  });

  it('formats large byte counts with separators', () => {
    expect(onnxDecodeError('a.onnx', 12_345_678, new RangeError('index out of range: 3 + 10 > 5')).message).toContain('12,345,678 bytes');
  });
});

describe('extensionOf', () => {
  it('lower-cases the last extension and ignores dotfiles', () => {
    expect(extensionOf('dir.v1/Model.ONNX')).toBe('onnx');
    expect(extensionOf('archive.tar.gz')).toBe('gz');
    expect(extensionOf('.hidden')).toBe('');
    expect(extensionOf('MLmodel')).toBe('');
  });
});
