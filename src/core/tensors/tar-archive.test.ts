import { readFileSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { packTar } from 'modern-tar';
import { describe, expect, it } from 'vitest';
import { summarizeOnnx } from '../package/onnx-summary';
import { readExpectedOutputs } from './expected-outputs';
import { gunzipBounded, normaliseEntryName, readTarArchive } from './tar-archive';
import { findTestDataSets, readTestDataSet } from './test-data-set';

const MODELS = 'src/core/tensors/fixtures/models';
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const tarOf = (entries: [string, string | Uint8Array][]): Promise<Uint8Array> =>
  packTar(entries.map(([name, body]) => ({ header: { name, size: typeof body === 'string' ? new TextEncoder().encode(body).length : body.length }, body })));

describe('tar archives', () => {
  it('reads a zoo-style .tar.gz into its files and finds the model with its data sets in order', async () => {
    const r = await readTarArchive('token-gru.tar.gz', bytes(`${MODELS}/token-gru.tar.gz`));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((f) => f.path)).toContain('token-gru/test_data_set_1/output_1.pb');
    const found = findTestDataSets(r.value)!;
    expect(found.model.path).toBe('token-gru/model.onnx');
    expect(found.sets.map((s) => [s.name, s.inputs.map((f) => f.path.split('/').pop()), s.outputs.length])).toEqual([
      ['test_data_set_0', ['input_0.pb', 'input_1.pb', 'input_2.pb'], 2],
      ['test_data_set_1', ['input_0.pb', 'input_1.pb', 'input_2.pb'], 2],
    ]);
    const summary = summarizeOnnx(found.model.bytes);
    const set1 = await readTestDataSet(found.sets[1]!, summary.inputs, summary.outputs);
    expect(set1.ok && set1.value.inputs.dims).toEqual({ batch: 2, seq: 5 });
    expect(set1.ok && Object.keys(set1.value.expected.tensors)).toEqual(['scores', 'hn']);
  });

  it('sorts input_10 after input_9 and reads a plain (not gzipped) tar', async () => {
    const names = Array.from({ length: 11 }, (_, k) => `m/test_data_set_0/input_${k}.pb`);
    const tar = await tarOf([['m/model.onnx', 'x'], ...names.map((n): [string, string] => [n, 'x'])]);
    const r = await readTarArchive('m.tar', tar);
    expect(r.ok && findTestDataSets(r.value)!.sets[0]!.inputs.map((f) => f.path.split('/').pop())).toEqual(names.map((n) => n.split('/').pop()));
  });

  it('refuses entries that climb out of the archive, and normalises the rest', async () => {
    expect(normaliseEntryName('./a//b/./c.pb')).toBe('a/b/c.pb');
    expect(normaliseEntryName('a/../b.pb')).toBe('b.pb');
    expect(normaliseEntryName('../evil')).toBeNull();
    expect(normaliseEntryName('a/../../evil')).toBeNull();
    expect(normaliseEntryName('/etc/passwd')).toBeNull();
    const r = await readTarArchive('evil.tar.gz', gzipSync(await tarOf([['model.onnx', 'x'], ['../../.bashrc', 'rm -rf']])));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('“evil.tar.gz” holds an entry named “../../.bashrc”, which points outside the archive; nothing was unpacked.');
  });

  it('bounds the bytes it inflates and the entries it reads', async () => {
    const zeros = gzipSync(new Uint8Array(5 * 1024 * 1024));
    expect(() => gunzipBounded(zeros, 1024 * 1024)).toThrow(/more than 1048576 bytes/);
    expect(gunzipBounded(zeros, 6 * 1024 * 1024).length).toBe(5 * 1024 * 1024);
    const bomb = await readTarArchive('bomb.tar.gz', zeros, { maxArchiveBytes: 1024 * 1024, maxArchiveEntries: 100 });
    expect(!bomb.ok && bomb.error).toMatchObject({ code: 'package-too-large', message: '“bomb.tar.gz” expands to more than 1 MB; nothing was unpacked.' });
    const many = await tarOf(Array.from({ length: 30 }, (_, i): [string, string] => [`f${i}.pb`, 'x']));
    const r = await readTarArchive('many.tar', many, { maxArchiveBytes: 1024 ** 3, maxArchiveEntries: 20 });
    expect(!r.ok && r.error.message).toBe('“many.tar” holds more than 20 entries; a model with its test data has far fewer. Nothing was unpacked.');
  });

  it('says so when an archive is truncated, damaged or empty', async () => {
    const good = bytes(`${MODELS}/token-gru.tar.gz`);
    const cut = await readTarArchive('cut.tar.gz', good.subarray(0, good.length - 100));
    expect(!cut.ok && cut.error.message).toMatch(/^“cut\.tar\.gz” (could not be decompressed|is not a readable tar archive)/);
    const tar = await tarOf([['m/model.onnx', 'x'.repeat(2000)]]);
    const short = await readTarArchive('short.tar', tar.subarray(0, 1500));
    expect(!short.ok && short.error.message).toBe('“short.tar” is not a readable tar archive (Tar archive is truncated.).');
    const empty = await readTarArchive('empty.tar', new Uint8Array(1024));
    expect(!empty.ok && empty.error.message).toBe('“empty.tar” holds no files.');
  });
});

describe('expected outputs', () => {
  const outputs = summarizeOnnx(bytes(`${MODELS}/token-gru/model.onnx`)).outputs;

  it('are matched to outputs by name from a JSON outputs document, keeping their own dtype', async () => {
    const doc = { outputs: { hn: { dims: [1, 1, 8], dtype: 'float64', data: new Array(8).fill(0) }, scores: { dims: [1, 3], dtype: 'float32', data: [1, 2, 3] } } };
    const r = await readExpectedOutputs([{ path: 'expected.json', bytes: new TextEncoder().encode(JSON.stringify(doc)) }], outputs);
    expect(r.ok && Object.keys(r.value.tensors)).toEqual(['scores', 'hn']);
    expect(r.ok && r.value.tensors.hn!.dtype).toBe('float64');
  });

  it('refuses a value for an output the model does not have', async () => {
    const r = await readExpectedOutputs([{ path: 'expected.json', bytes: new TextEncoder().encode('{"outputs": {"logits": [1, 2]}}') }], outputs);
    expect(!r.ok && r.error.message).toBe('expected.json:logits (“logits”) matches no output of the model (its outputs are “scores”, “hn”).');
  });
});
