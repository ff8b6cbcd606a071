import { describe, expect, it } from 'vitest';
import { normaliseEntryPath } from './entry-path';

describe('normaliseEntryPath', () => {
  it.each([
    ['model.onnx', 'model.onnx'],
    ['./pkg//model.onnx', 'pkg/model.onnx'],
    ['pkg\\sub\\model.onnx', 'pkg/sub/model.onnx'],
    ['pkg/sub/../model.onnx', 'pkg/model.onnx'],
    ['packages/evil/1/../../../evil.onnx', 'evil.onnx'],
  ])('%s → %s', (name, path) => {
    expect(normaliseEntryPath(name)).toEqual({ ok: true, path });
  });

  it.each([
    ['../../evil.onnx', 'it climbs out of the package (“..”)'],
    ['pkg/../../evil.onnx', 'it climbs out of the package (“..”)'],
    ['/etc/passwd', 'it is an absolute path'],
    ['C:\\Windows\\evil.onnx', 'it is an absolute path'],
    ['evil\u0000.onnx', 'its name holds control characters'],
    ['./', 'it has no file name'],
  ])('refuses %s', (name, reason) => {
    expect(normaliseEntryPath(name)).toEqual({ ok: false, reason });
  });
});
