import { readFileSync, readdirSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRunner } from './node-runner.fixture.mjs';
import { summarizeOnnx } from '../package/onnx-summary';
import type { HostTensor } from '../schema/host-tensor';
import { decodeHalf, encodeHalf } from '../tensors/float16';
import { readExpectedOutputs } from '../tensors/expected-outputs';
import { readTensorFiles, type TensorFile } from '../tensors/read-tensor-files';
import { readTarArchive } from '../tensors/tar-archive';
import { findTestDataSets, readTestDataSet } from '../tensors/test-data-set';
import type { TensorSet } from '../tensors/tensor-summary';
import { checkOutputs } from './check-outputs';
import { DEFAULT_TOLERANCE } from './tolerance';

/**
 * The readers and the checker against the reference runtime: each fixture model's inputs are
 * read through the app's reader (every file form), run on onnxruntime-node, and the outputs
 * checked against the expected outputs (written by onnxruntime-node from numpy-written inputs).
 */

const MODELS = 'src/core/tensors/fixtures/models';
const bytes = (path: string): Uint8Array => new Uint8Array(readFileSync(path));
const asFile = (path: string): TensorFile => ({ path: path.slice(path.lastIndexOf('/') + 1), bytes: bytes(path) });

interface Runner {
  run(feeds: TensorSet): Promise<Record<string, HostTensor>>;
  release(): Promise<void>;
}
const runners: Runner[] = [];
async function runnerFor(modelBytes: Uint8Array): Promise<Runner> {
  const r = (await createNodeRunner(ort, modelBytes)) as Runner;
  runners.push(r);
  return r;
}
afterAll(async () => {
  for (const r of runners) await r.release();
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function checkModel(model: string, inputFiles: TensorFile[]): Promise<ReturnType<typeof checkOutputs>> {
  const modelBytes = bytes(`${MODELS}/${model}/model.onnx`);
  const summary = summarizeOnnx(modelBytes);
  const read = unwrap(await readTensorFiles(inputFiles, summary.inputs));
  const set = `${MODELS}/${model}/test_data_set_0`;
  const expected = unwrap(await readExpectedOutputs(readdirSync(set).filter((f) => f.startsWith('output_')).map((f) => ({ path: `test_data_set_0/${f}`, bytes: bytes(`${set}/${f}`) })), summary.outputs));
  const got = await (await runnerFor(modelBytes)).run(read.tensors);
  return checkOutputs(expected.tensors, got, DEFAULT_TOLERANCE);
}

const pbFolder = (model: string): TensorFile[] => readdirSync(`${MODELS}/${model}/test_data_set_0`).map((f) => ({ path: `test_data_set_0/${f}`, bytes: bytes(`${MODELS}/${model}/test_data_set_0/${f}`) }));

describe('reader → onnxruntime-node → checker, on the fixture models', () => {
  it.each(['token-gru', 'vad-like', 'fp16-add', 'fp16-mlp', 'identity-all-types'])('%s: its test_data_set_0 folder passes', async (model) => {
    const check = await checkModel(model, pbFolder(model));
    expect(Object.values(check.outputs).map((c) => c.problem ?? c.failures)).toEqual(Object.values(check.outputs).map(() => []));
    expect(check.pass).toBe(true);
  });

  it('the token model fed from .npz, from an MLflow body and from one .npy per input gives the expected outputs', async () => {
    for (const files of [
      [asFile(`${MODELS}/token-gru-inputs.npz`)],
      [asFile(`${MODELS}/token-gru-inputs-compressed.npz`)],
      [asFile(`${MODELS}/token-gru-request.json`)],
      [asFile(`${MODELS}/token-gru-instances.json`)],
      ['input_ids', 'attention_mask', 'state'].map((n) => asFile(`${MODELS}/token-gru-${n}.npy`)),
    ]) {
      expect((await checkModel('token-gru', files)).pass).toBe(true);
    }
  });

  it('the voice-activity model ([?, ?] input, [2, ?, 128] state, int64 scalar) from .npz and JSON', async () => {
    expect((await checkModel('vad-like', [asFile(`${MODELS}/vad-like-inputs.npz`)])).pass).toBe(true);
    expect((await checkModel('vad-like', [asFile(`${MODELS}/vad-like-request.json`)])).pass).toBe(true);
  });

  it('every element type (and rank 0, zero-size) round-trips through the reader and onnxruntime from an .npz', async () => {
    expect((await checkModel('identity-all-types', [asFile(`${MODELS}/identity-all-types.npz`)])).pass).toBe(true);
  });

  it('float16: typed numbers become their half-float bits, and outputs read back as numbers', async () => {
    const modelBytes = bytes(`${MODELS}/fp16-mlp/model.onnx`);
    const summary = summarizeOnnx(modelBytes);
    const runner = await runnerFor(modelBytes);
    // The same iris row typed as numbers, and as numpy's float16 (the test_data_set input).
    const typed = unwrap(await readTensorFiles([{ path: 'x.json', bytes: new TextEncoder().encode('{"inputs": {"x": [[5.1, 3.5, 1.4, 0.2]]}}') }], summary.inputs));
    const fromNumpy = unwrap(await readTensorFiles(pbFolder('fp16-mlp'), summary.inputs));
    expect(Array.from(typed.tensors.x!.data as Uint16Array)).toEqual(Array.from((fromNumpy.tensors.x!.data as Uint16Array).subarray(0, 4)));
    const got = await runner.run(typed.tensors);
    const probabilities = Array.from(decodeHalf(got.probabilities!.data as Uint16Array));
    expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 2);
    // What the old code fed (the integer parts as raw bits) answers something else entirely.
    const wrong = await runner.run({ x: { dtype: 'float16', dims: [1, 4], data: Uint16Array.from([5, 3, 1, 0]) } });
    expect(Array.from(wrong.probabilities!.data as Uint16Array)).not.toEqual(Array.from(got.probabilities!.data as Uint16Array));
    // Cast/Add: y = x + c in float16, y32 its float32 copy: 5.1 + 0.5 is 5.6 to float16 precision.
    const add = summarizeOnnx(bytes(`${MODELS}/fp16-add/model.onnx`));
    const addRunner = await runnerFor(bytes(`${MODELS}/fp16-add/model.onnx`));
    const sum = await addRunner.run(unwrap(await readTensorFiles([asFile(`${MODELS}/fp16-request.json`)], add.inputs)).tensors);
    expect(Array.from(sum.y32!.data as Float32Array)).toEqual(Array.from(decodeHalf(encodeHalf([5.1 + 0.5, 3.5 - 1, 1.4 + 2, 0.2 + 0.125]))));
  });

  it('a zoo-style .tar.gz passes on every data set; a perturbed copy fails on exactly the changed element', async () => {
    const results = async (archive: string) => {
      const files = unwrap(await readTarArchive(archive, bytes(`${MODELS}/${archive}`)));
      const found = findTestDataSets(files);
      if (!found) throw new Error('no data sets');
      const summary = summarizeOnnx(found.model.bytes);
      const runner = await runnerFor(found.model.bytes);
      const out: { name: string; check: ReturnType<typeof checkOutputs> }[] = [];
      for (const set of found.sets) {
        const c = unwrap(await readTestDataSet(set, summary.inputs, summary.outputs));
        out.push({ name: c.name, check: checkOutputs(c.expected.tensors, await runner.run(c.inputs.tensors), DEFAULT_TOLERANCE) });
      }
      return { root: found.root, out };
    };
    const good = await results('token-gru.tar.gz');
    expect(good.root).toBe('token-gru/');
    expect(good.out.map((r) => [r.name, r.check.pass])).toEqual([
      ['test_data_set_0', true],
      ['test_data_set_1', true],
    ]);
    const bad = await results('token-gru-perturbed.tar.gz');
    expect(bad.out.map((r) => r.check.pass)).toEqual([true, false]);
    const scores = bad.out[1]!.check.outputs.scores!;
    expect(scores).toMatchObject({ count: 6, mismatched: 1, pass: false });
    expect(scores.failures.map((f) => f.index)).toEqual([[1, 1]]);
    expect(scores.maxAbs).toBeCloseTo(0.05, 5);
    expect(bad.out[1]!.check.outputs.hn!.pass).toBe(true);
    expect((await results('vad-like.tar.gz')).out.every((r) => r.check.pass)).toBe(true);
  });
});
