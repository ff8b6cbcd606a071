import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { packTar } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import { openSingleFile, roleOf } from './model-package';
import { sniffFile } from './file-kinds';

const MODELS = 'src/core/tensors/fixtures/models';
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

describe('a model with its own tests, as a .tar.gz (the Model Zoo’s format)', () => {
  it('opens the model inside the top folder and marks its test_data_set files as test data', async () => {
    const r = await openSingleFile('token-gru.tar.gz', bytes(`${MODELS}/token-gru.tar.gz`));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.name).toBe('token-gru');
    expect(r.value.model.path).toBe('model.onnx');
    expect(r.value.entries.filter((e) => e.role === 'test-data').map((e) => e.path)).toEqual([
      'test_data_set_0/input_0.pb',
      'test_data_set_0/input_1.pb',
      'test_data_set_0/input_2.pb',
      'test_data_set_0/output_0.pb',
      'test_data_set_0/output_1.pb',
      'test_data_set_1/input_0.pb',
      'test_data_set_1/input_1.pb',
      'test_data_set_1/input_2.pb',
      'test_data_set_1/output_0.pb',
      'test_data_set_1/output_1.pb',
    ]);
    // Test data is not handed to onnxruntime as external data.
    expect(r.value.otherFiles).toEqual([]);
  });

  it('reads a plain tar too, and names a gzip that is no tar', async () => {
    const tar = await packTar([{ header: { name: 'm/model.onnx', size: 3, type: 'file' }, body: new Uint8Array([8, 7, 18]) }]);
    expect(sniffFile('m.tar', tar)).toEqual({ kind: 'tar' });
    const r = await openSingleFile('m.tar', tar);
    expect(r.ok && r.value.model.path).toBe('model.onnx');
    const notTar = await openSingleFile('x.tgz', gzipSync(new Uint8Array([8, 1, 2, 3])));
    expect(!notTar.ok && notTar.error.message).toMatch(/^“x\.tgz” is not a readable tar archive/);
  });

  it('refuses an archive with more entries than a package may hold', async () => {
    const many = await packTar(Array.from({ length: 501 }, (_, i) => ({ header: { name: `f${i}.pb`, size: 1, type: 'file' as const }, body: new Uint8Array([1]) })));
    const r = await openSingleFile('many.tar', many);
    expect(!r.ok && r.error.code).toBe('package-too-large');
  });

  it('refuses a tar larger than a package may be before reading it', async () => {
    const head = new Uint8Array(512);
    head.set([0x1f, 0x8b]);
    let read = 0;
    const huge = { size: 3 * 1024 ** 3, read: async (start: number, end: number) => ((read += end - start), head.subarray(0, end - start)) };
    const r = await openSingleFile('huge.tar.gz', huge);
    expect(!r.ok && r.error.message).toBe('“huge.tar.gz” would expand to 3.0 GB, more than the 2.0 GB limit for one package; nothing was unpacked.');
    expect(read).toBe(512);
  });

  it('gives test data its role only in the ONNX layout', () => {
    expect(roleOf('test_data_set_3/output_12.pb')).toBe('test-data');
    expect(roleOf('m/test_data_set_0/input_0.pb')).toBe('test-data');
    expect(roleOf('weights.pb')).toBe('other');
  });
});
