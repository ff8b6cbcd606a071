import { readFileSync, readdirSync } from 'node:fs';
import { zipSync } from 'fflate';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { twoInputModel } from '../package/onnx-builder.fixture';
import { summarizeOnnx } from '../package/onnx-summary';
import type { TensorSpec } from '../protocol/tensor';
import { tensorValues, type HostTensor } from '../schema/host-tensor';
import { decodeHalf } from './float16';
import { encodeNpy } from './npy';
import { readTensorFiles, type TensorFile, type TensorReading } from './read-tensor-files';
import type { TensorError } from './tensor-error';
import { encodeTensorProto } from './tensor-proto';

const MODELS = 'src/core/tensors/fixtures/models';
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const file = (path: string, input?: string): TensorFile => ({ path: path.slice(path.lastIndexOf('/') + 1), bytes: bytes(path), ...(input ? { input } : {}) });
const json = (name: string, value: unknown): TensorFile => ({ path: name, bytes: new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value)) });
const inputsOf = (model: string): TensorSpec[] => [...summarizeOnnx(bytes(`${MODELS}/${model}/model.onnx`)).inputs];
const gru = inputsOf('token-gru');
const vad = inputsOf('vad-like');

async function read(files: TensorFile[], inputs: readonly TensorSpec[]): Promise<TensorReading> {
  const r = await readTensorFiles(files, inputs);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
async function failure(files: TensorFile[], inputs: readonly TensorSpec[]): Promise<TensorError> {
  const r = await readTensorFiles(files, inputs);
  if (r.ok) throw new Error('expected a failure');
  return r.error as TensorError;
}
const values = (r: TensorReading, name: string): unknown[] => tensorValues(r.tensors[name]!);

/** The token model's inputs as numpy wrote them (int64 ids and mask, float32 state). */
const expected = JSON.parse(readFileSync(`${MODELS}/token-gru-expected.json`, 'utf8')) as Record<string, { dims: number[]; data: (string | number)[] }>;

function expectTokenInputs(r: TensorReading): void {
  expect(Object.keys(r.tensors)).toEqual(['input_ids', 'attention_mask', 'state']);
  expect(r.tensors.input_ids!.dtype).toBe('int64');
  expect(r.tensors.input_ids!.dims).toEqual(expected.input_ids!.dims);
  expect(values(r, 'input_ids')).toEqual(expected.input_ids!.data.map((v) => BigInt(v)));
  expect(values(r, 'attention_mask')).toEqual(expected.attention_mask!.data.map((v) => BigInt(v)));
  expect(r.tensors.state!.dims).toEqual([1, 1, 8]);
  expect(values(r, 'state')).toEqual(expected.state!.data.map((v) => Math.fround(v as number)));
  expect(r.dims).toEqual({ batch: 1, seq: 3 });
}

describe('readTensorFiles: one reader for every form, checked against the model', () => {
  it('reads a multi-input model from an .npz (savez and savez_compressed)', async () => {
    expectTokenInputs(await read([file(`${MODELS}/token-gru-inputs.npz`)], gru));
    expectTokenInputs(await read([file(`${MODELS}/token-gru-inputs-compressed.npz`)], gru));
  });

  it('reads an MLflow {"inputs": {NAME: nested}} body and an {"instances": [{NAME: …}]} body', async () => {
    expectTokenInputs(await read([file(`${MODELS}/token-gru-request.json`)], gru));
    expectTokenInputs(await read([file(`${MODELS}/token-gru-instances.json`)], gru));
  });

  it('reads one .npy per input, chosen by file name', async () => {
    const r = await read(['input_ids', 'attention_mask', 'state'].map((n) => file(`${MODELS}/token-gru-${n}.npy`)), gru);
    expectTokenInputs(r);
    expect(r.summary.map((s) => s.source)).toEqual(['token-gru-input_ids.npy', 'token-gru-attention_mask.npy', 'token-gru-state.npy']);
  });

  it('reads NAME=FILE whatever the file is called', async () => {
    const r = await read([file(`${MODELS}/token-gru-input_ids.npy`, 'attention_mask'), file(`${MODELS}/token-gru-attention_mask.npy`, 'input_ids'), file(`${MODELS}/token-gru-state.npy`)], gru);
    expect(values(r, 'attention_mask')).toEqual(expected.input_ids!.data.map((v) => BigInt(v)));
  });

  it('reads a test_data_set folder of .pb files (outputs left aside) by name', async () => {
    const dir = `${MODELS}/token-gru/test_data_set_0`;
    expectTokenInputs(await read(readdirSync(dir).map((f) => ({ path: `test_data_set_0/${f}`, bytes: bytes(`${dir}/${f}`) })), gru));
  });

  it('takes unnamed dimensions from the data, each its own: input [1, 512] with state [2, 1, 128]', async () => {
    const r = await read([file(`${MODELS}/vad-like-inputs.npz`)], vad);
    expect(r.dims).toEqual({ 'input[0]': 1, 'input[1]': 512, 'state[1]': 1 });
    expect(r.tensors.sr).toMatchObject({ dtype: 'int64', dims: [] });
    expect(values(r, 'sr')).toEqual([16000n]);
    const viaJson = await read([file(`${MODELS}/vad-like-request.json`)], vad);
    expect(viaJson.dims).toEqual(r.dims);
    expect(values(viaJson, 'state')).toEqual(values(r, 'state'));
  });

  it('reads float16 numbers as their half-float bits (5.1 is 0x451a, not 5)', async () => {
    const fp16 = inputsOf('fp16-add');
    const r = await read([file(`${MODELS}/fp16-request.json`)], fp16);
    expect(Array.from(r.tensors.x!.data as Uint16Array, (b) => b.toString(16))).toEqual(['451a', '4300', '3d9a', '3266']);
    expect(r.summary[0]!.first).toEqual(['5.1', '3.5', '1.4', '0.2']);
    expect(Array.from(decodeHalf(r.tensors.x!.data as Uint16Array))).toEqual([5.1015625, 3.5, 1.400390625, 0.199951171875]);
  });

  it('keeps int64 beyond 2^53 exact from JSON numbers and strings of digits', async () => {
    const ids: TensorSpec = { name: 'ids', dtype: 'int64', shape: ['n'] };
    const signed = await read([json('big.json', '{"inputs": {"ids": [9007199254740993, "-9223372036854775808", 3]}}')], [ids]);
    expect(values(signed, 'ids')).toEqual([9007199254740993n, -9223372036854775808n, 3n]);
    const unsigned = await read([json('big.json', '{"inputs": {"ids": [18446744073709551615, "9007199254740993"]}}')], [{ ...ids, dtype: 'uint64' }]);
    expect(values(unsigned, 'ids')).toEqual([18446744073709551615n, 9007199254740993n]);
    expect(unsigned.summary[0]!.first).toEqual(['18446744073709551615', '9007199254740993']);
  });

  it('reads the app\'s own documents, so that one model\'s outputs feed another', async () => {
    const doc = { outputs: { hn: { dims: [1, 2], dtype: 'float32', data: [0.5, 'NaN'] }, ids: { dims: [2], dtype: 'int64', data: [1, '18446744073709551'] } } };
    const r = await read([json('outputs.json', doc)], [{ name: 'ids', dtype: 'int64', shape: [2] }, { name: 'hn', dtype: 'float32', shape: [1, 'k'] }]);
    expect(values(r, 'hn')).toEqual([0.5, NaN]);
    expect(values(r, 'ids')).toEqual([1n, 18446744073709551n]);
    expect(r.dims).toEqual({ k: 2 });
  });

  it('reads rank-0 and zero-size tensors', async () => {
    const r = await read([json('x.json', { inputs: { sr: 16000, empty: [[], []] } })], [{ name: 'sr', dtype: 'int64', shape: [] }, { name: 'empty', dtype: 'float32', shape: [2, 'n'] }]);
    expect(r.tensors.sr).toMatchObject({ dims: [] });
    expect(r.tensors.empty).toMatchObject({ dims: [2, 0] });
    expect(r.dims).toEqual({ n: 0 });
  });

  it('adds a batch of 1 to one example given without it, and says so', async () => {
    const r = await read([json('x.json', [1, 2, 3, 4])], [{ name: 'x', dtype: 'float32', shape: ['batch', 4] }]);
    expect(r.tensors.x!.dims).toEqual([1, 4]);
    expect(r.notes).toEqual(['“x”: x.json gives one example [4]; read as a batch of 1 [1, 4].']);
  });

  it('converts a file\'s dtype only when every value survives, and says so', async () => {
    const f64 = { path: 'x.npy', bytes: encodeNpy({ dtype: 'float64', dims: [1, 2], data: Float64Array.from([0.1, 2]) }) };
    const r = await read([f64], [{ name: 'x', dtype: 'float32', shape: ['n', 2] }]);
    expect(r.notes).toEqual(['“x”: float64 values rounded to float32.']);
    const ints = { path: 'ids.npy', bytes: encodeNpy({ dtype: 'int32', dims: [2], data: Int32Array.from([1, 2]) }) };
    expect(values(await read([ints], [{ name: 'ids', dtype: 'int64', shape: [2] }]), 'ids')).toEqual([1n, 2n]);
  });

  describe('errors name the input, what it expects and what the file holds; nothing is returned', () => {
    it('a missing input', async () => {
      const e = await failure([file(`${MODELS}/token-gru-input_ids.npy`), file(`${MODELS}/token-gru-attention_mask.npy`)], gru);
      expect(e.code).toBe('input-mismatch');
      expect(e.input).toBe('state');
      expect(e.message).toBe('No value was given for “state” (float32 [1, batch, 8]); the files give “input_ids”, “attention_mask”.');
    });

    it('an extra input', async () => {
      const e = await failure([json('x.json', { inputs: { input_ids: [[1]], attention_mask: [[1]], state: [[[0, 0, 0, 0, 0, 0, 0, 0]]], speed: [1] } })], gru);
      expect(e.message).toBe('“speed” (x.json:speed) is not an input of this model; its inputs are “input_ids”, “attention_mask”, “state”.');
    });

    it('a shape mismatch on a fixed dimension, and named dimensions that disagree across inputs', async () => {
      const bad = await failure([json('x.json', { inputs: { input_ids: [[1, 2]], attention_mask: [[1, 1]], state: [[[0, 0, 0]]] } })], gru);
      expect(bad.message).toBe('“state” has size 3 in dimension 2 [1, 1, 3], but the model fixes it at 8 [1, batch, 8] (in x.json:state).');
      expect(bad.expected).toBe('float32 [1, batch, 8]');
      expect(bad.found).toBe('values [1, 1, 3]');
      const disagree = await failure([json('x.json', { inputs: { input_ids: [[1, 2]], attention_mask: [[1, 1, 1]], state: [[[0, 0, 0, 0, 0, 0, 0, 0]]] } })], gru);
      expect(disagree.message).toBe('“attention_mask” has seq = 3 (dimension 1), but “input_ids” has seq = 2: inputs that share a named dimension must agree.');
      const rank = await failure([json('x.json', { inputs: [[[1]]] })], [{ name: 'x', dtype: 'float32', shape: [4] }]);
      expect(rank.message).toBe('“x” has 3 dimensions [1, 1, 1], but the model expects 1: [4] (in x.json).');
    });

    it('a wrong dtype: floats for int64 ids, strings for floats, a .npy of strings', async () => {
      const fraction = await failure([json('x.json', { inputs: { input_ids: [[1.5]], attention_mask: [[1]], state: [[[0, 0, 0, 0, 0, 0, 0, 0]]] } })], gru);
      expect(fraction.message).toBe('“input_ids” is int64, but element 0 in x.json:input_ids is 1.5, not a whole number.');
      const text = await failure([json('x.json', ['a', 'b'])], [{ name: 'x', dtype: 'float32', shape: [2] }]);
      expect(text.message).toBe('“x” is float32, but element 0 in x.json is "a".');
      const npyStrings = { path: 'x.npy', bytes: encodeNpy({ dtype: 'string', dims: [1], data: ['a'] }) };
      expect((await failure([npyStrings], [{ name: 'x', dtype: 'float32', shape: [1] }])).message).toBe('“x” is float32, but x.npy holds string values.');
      const floats = { path: 'ids.npy', bytes: encodeNpy({ dtype: 'float64', dims: [2], data: Float64Array.from([1, 0.5]) }) };
      expect((await failure([floats], [{ name: 'ids', dtype: 'int64', shape: [2] }])).message).toBe('“ids” is int64, but ids.npy holds float64 values (element 1 is 0.5).');
      const overflow = await failure([json('x.json', [300])], [{ name: 'x', dtype: 'uint8', shape: [1] }]);
      expect(overflow.message).toBe('“x” is uint8, but element 0 in x.json is 300, outside uint8’s range 0 to 255.');
      const unsafe = await failure([json('x.json', '[9007199254740993.0]')], [{ name: 'x', dtype: 'int64', shape: [1] }]);
      expect(unsafe.message).toMatch(/beyond 2\^53 where a JSON number may already have been rounded/);
      // A fraction stays a fraction, though its double (9007199254740994) is whole.
      const half = await failure([json('x.json', '[9007199254740993.5]')], [{ name: 'x', dtype: 'int64', shape: [1] }]);
      expect(half.message).toBe('“x” is int64, but element 0 in x.json is 9007199254740993.5, not a whole number.');
    });

    it('bad JSON, ragged arrays, a 100,000-level nesting, a table body', async () => {
      const x: TensorSpec[] = [{ name: 'x', dtype: 'float32', shape: null }];
      expect((await failure([json('bad.json', '{"inputs": [1, 2,, 3]}')], x)).message).toBe('“bad.json” is not valid JSON (line 1, column 18: Array item expected but got \',\').');
      expect((await failure([json('bad.json', '[[1, 2], [3]]')], x)).message).toBe('The tensor in “bad.json” is not rectangular: at [1] there are 1 values where the first row has 2.');
      const deep = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
      const e = await failure([json('deep.json', deep)], x);
      expect(e.code).toBe('bad-tensor-file');
      expect(e.message).toBe('“deep.json” nests arrays or objects more than 64 levels deep; no tensor needs that many.');
      expect((await failure([json('t.json', { dataframe_split: { columns: ['a'], data: [[1]] } })], x)).message).toMatch(/is a table \(dataframe_split\), not tensors/);
    });

    it('an archive, a table or an unknown file given as input values', async () => {
      expect((await failure([file(`${MODELS}/token-gru.tar.gz`)], gru)).message).toBe('“token-gru.tar.gz” is an archive, not a tensor file.');
      expect((await failure([json('rows.csv', 'a,b\n1,2\n')], gru)).message).toBe('“rows.csv” is a table, not a tensor file.');
      expect((await failure([{ path: 'notes.bin', bytes: new Uint8Array([0xff, 0xfe, 0xfd]) }], gru)).message).toBe('“notes.bin” is not a tensor file this app reads (.json, .npy, .npz, or an ONNX TensorProto .pb).');
    });

    it('a bad .pb, a truncated .npy, two values for one input, unnamed files for several inputs', async () => {
      expect((await failure([{ path: 'input_0.pb', bytes: new Uint8Array([0xff, 0xff, 0xff]) }], gru)).message).toMatch(/^“input_0\.pb” is not an ONNX TensorProto/);
      const npy = bytes(`${MODELS}/token-gru-state.npy`);
      expect((await failure([{ path: 'state.npy', bytes: npy.subarray(0, npy.length - 4) }], gru)).message).toMatch(/^“state\.npy” is truncated: 8 values of <f4 \[1, 1, 8\] need 32 bytes/);
      expect((await failure([file(`${MODELS}/token-gru-state.npy`), file(`${MODELS}/token-gru-inputs.npz`)], gru)).message).toBe('Two values were given for “state”: token-gru-state.npy and token-gru-inputs.npz:state.');
      const anonymous = { path: 'values.npy', bytes: bytes(`${MODELS}/token-gru-state.npy`) };
      expect((await failure([anonymous], gru)).message).toBe('values.npy does not say which of “input_ids”, “attention_mask”, “state” it is for.');
    });

    it('with givenWins, a file given for one input replaces that input’s value from a whole set', async () => {
      const state = { ...file(`${MODELS}/token-gru-state.npy`, 'state'), bytes: encodeNpy({ dtype: 'float32', dims: [1, 1, 8], data: new Float32Array(8).fill(0.5) }) };
      const set = file(`${MODELS}/token-gru-inputs.npz`);
      expect((await failure([set, state], gru)).message).toBe('Two values were given for “state”: token-gru-inputs.npz:state and token-gru-state.npy.');
      const r = await readTensorFiles([set, state], gru, { givenWins: true });
      if (!r.ok) throw new Error(r.error.message);
      expect(values(r.value, 'state')).toEqual(new Array(8).fill(0.5));
      expect(values(r.value, 'input_ids')).toEqual(expected.input_ids!.data.map((v) => BigInt(v)));
      expect(r.value.summary.find((x) => x.name === 'state')!.source).toBe('token-gru-state.npy');
    });
  });
});

describe('readTensorFiles: which input an unnamed tensor is for', () => {
  const two = summarizeOnnx(twoInputModel()).inputs; // p float32 [N, 1], q int64 [N, 1]
  const pb = (path: string, tensor: HostTensor, name = ''): TensorFile => ({ path, bytes: encodeTensorProto(name, tensor) });
  const q5 = pb('test_data_set_0/input_1.pb', { dtype: 'int64', dims: [1, 1], data: BigInt64Array.of(5n) });
  const p1 = pb('test_data_set_0/input_0.pb', { dtype: 'float32', dims: [1, 1], data: Float32Array.of(1.5) });
  const ui = { partial: true, givenWins: true } as const;
  const npy = (path: string, data: number[]): TensorFile => ({ path, bytes: encodeNpy({ dtype: 'int64', dims: [1, data.length], data: BigInt64Array.from(data, BigInt) }) });
  const bert: TensorSpec[] = ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => ({ name, dtype: 'int64', shape: ['batch', 'seq'] }));

  it('input_K.pb is the model’s input K, alone (the UI’s partial reading) or out of order', async () => {
    const alone = await readTensorFiles([q5], two, ui);
    if (!alone.ok) throw new Error(alone.error.message);
    expect(Object.keys(alone.value.tensors)).toEqual(['q']);
    expect(values(alone.value, 'q')).toEqual([5n]);
    // Both, given last-first, fed to onnxruntime-node: q_echo is q, variable is 2·p + q.
    const both = await read([q5, p1], two);
    expect(values(both, 'p')).toEqual([1.5]);
    const session = await ort.InferenceSession.create(twoInputModel());
    try {
      const feeds = Object.fromEntries(Object.entries(both.tensors).map(([name, t]) => [name, new ort.Tensor(t.dtype as 'float32', t.data as Float32Array, [...t.dims])]));
      const out = await session.run(feeds);
      expect([...(out.q_echo!.data as BigInt64Array)]).toEqual([5n]);
      expect([...(out.variable!.data as Float32Array)]).toEqual([8]);
    } finally {
      await session.release();
    }
  });

  it('input_K.pb past the model’s inputs, or for an input named by another file, is an error', async () => {
    const far = await failure([p1, pb('test_data_set_0/input_2.pb', { dtype: 'int64', dims: [1, 1], data: BigInt64Array.of(5n) })], two);
    expect(far.message).toBe('test_data_set_0/input_2.pb is for input 2 (input_K.pb holds the model’s input K, counted from 0), but the model has 2 inputs: “p”, “q”.');
    const clash = await failure([q5, json('q.json', { inputs: { q: [[6]], p: [[1]] } })], two);
    expect(clash.message).toBe('Two values were given for “q”: q.json:q and test_data_set_0/input_1.pb.');
    // With givenWins, a file given for q replaces input_1.pb's value.
    const given = await readTensorFiles([q5, { ...npy('six.npy', [6]), input: 'q' }], two, ui);
    expect(given.ok && values(given.value, 'q')).toEqual([6n]);
  });

  it('several files named after no input are refused, in strict and partial reading alike', async () => {
    const files = [npy('mask.npy', [1, 1]), npy('segments.npy', [0, 0]), npy('tokens.npy', [101, 102])];
    const message = 'mask.npy, segments.npy, tokens.npy do not say which of “input_ids”, “attention_mask”, “token_type_ids” they are for.';
    const strict = await failure(files, bert);
    expect(strict.message).toBe(message);
    expect(strict.hint).toBe('Name each file after its input (input_ids.npy), or give NAME=FILE.');
    const partial = await readTensorFiles(files, bert, ui);
    expect(!partial.ok && partial.error.message).toBe(message);
    // One named file does not make the other two any clearer.
    const mixed = await failure([npy('input_ids.npy', [101, 102]), npy('a.npy', [1, 1]), npy('b.npy', [0, 0])], bert);
    expect(mixed.message).toBe('a.npy, b.npy do not say which of “attention_mask”, “token_type_ids” they are for.');
    // A single unnamed file for several open inputs says no more in the UI than it does strictly.
    const single = await readTensorFiles([npy('mask.npy', [1, 1])], bert, ui);
    expect(!single.ok && single.error.message).toBe('mask.npy does not say which of “input_ids”, “attention_mask”, “token_type_ids” it is for.');
  });

  it('one unnamed file for the single input still open is taken, and said', async () => {
    const r = await read([npy('input_ids.npy', [101, 102]), npy('token_type_ids.npy', [0, 0]), npy('mask.npy', [1, 1])], bert);
    expect(values(r, 'attention_mask')).toEqual([1n, 1n]);
    expect(r.notes).toContain('“attention_mask” was read from mask.npy by its position.');
    const ui1 = await readTensorFiles([npy('input_ids.npy', [101, 102]), { ...npy('types.npy', [0, 0]), input: 'token_type_ids' }, npy('mask.npy', [1, 1])], bert, ui);
    expect(ui1.ok && values(ui1.value, 'attention_mask')).toEqual([1n, 1n]);
  });

  it('an .npz of positional arrays (numpy.savez(f, a, b)) still fills the inputs in its order', async () => {
    const entry = (data: number[]) => encodeNpy({ dtype: 'int64', dims: [1, data.length], data: BigInt64Array.from(data, BigInt) });
    const npz = { path: 'bert.npz', bytes: zipSync({ 'arr_0.npy': entry([101, 102]), 'arr_1.npy': entry([1, 1]), 'arr_2.npy': entry([0, 0]) }, { level: 0 }) };
    const r = await read([npz], bert);
    expect(bert.map((i) => values(r, i.name))).toEqual([[101n, 102n], [1n, 1n], [0n, 0n]]);
  });
});
