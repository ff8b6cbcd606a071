import { test, expect } from '@playwright/test';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { createNodeRunner } from '../src/core/check/node-runner.fixture.mjs';
import { tensorValues, type HostTensor } from '../src/core/schema/host-tensor';
import { decodeTensorProto } from '../src/core/tensors/tensor-proto';
import type { OutputsFile } from './support/fixtures';

// `onnx-playground predict` for models with several tensor inputs: every input form goes through
// the app's own readers, and the outputs are checked against onnxruntime-node on the same inputs.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = resolve(ROOT, process.env.E2E_DIST ?? 'dist');
const CLI = join(ROOT, 'cli', 'onnx-playground.mjs');
const MODELS = join(ROOT, 'src/core/tensors/fixtures/models');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function predict(model: string, inputs: string[]): Promise<Outcome> {
  const args = ['predict', join(MODELS, model, 'model.onnx'), ...inputs.flatMap((i) => ['--input', i]), '--dist', DIST, '--quiet'];
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function pb(path: string): HostTensor {
  const read = decodeTensorProto(new Uint8Array(readFileSync(join(MODELS, path))), path);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.tensor;
}

const dataSet = (model: string, set: string, count: number): Record<string, HostTensor> =>
  Object.fromEntries(Array.from({ length: count }, (_, k) => pb(`${model}/${set}/input_${k}.pb`)).map((t, k) => [TENSOR_NAMES[model]![k]!, t]));
const TENSOR_NAMES: Record<string, string[]> = { 'token-gru': ['input_ids', 'attention_mask', 'state'], 'vad-like': ['input', 'state', 'sr'], 'fp16-add': ['x'] };

/** The CLI's document against onnxruntime-node on the same inputs: names, dtypes, dims; values within 1e-5 (exact for integers). */
async function expectAsReference(run: Outcome, model: string, feeds: Record<string, HostTensor>): Promise<void> {
  expect(run.code, run.stderr).toBe(0);
  const doc = JSON.parse(run.stdout) as OutputsFile;
  const runner = await createNodeRunner(ort, readFileSync(join(MODELS, model, 'model.onnx')));
  const ref = (await runner.run(feeds)) as Record<string, HostTensor>;
  await runner.release();
  expect(Object.keys(doc.outputs).sort()).toEqual(Object.keys(ref).sort());
  for (const [name, want] of Object.entries(ref)) {
    const got = doc.outputs[name]!;
    expect([got.dtype, got.dims], name).toEqual([want.dtype, [...want.dims]]);
    const values = tensorValues(want).map(Number);
    got.data.forEach((v, i) => expect(Math.abs(Number(v) - values[i]!), `${name}[${i}]`).toBeLessThanOrEqual(want.dtype.startsWith('float') ? 1e-5 : 0));
  }
}

test.describe.configure({ timeout: 300_000 });

test('predict feeds a three-input model from an .npz, from NAME=FILE arrays, and an MLflow tensor body', async () => {
  const first = dataSet('token-gru', 'test_data_set_0', 3);
  await expectAsReference(await predict('token-gru', [join(MODELS, 'token-gru-inputs.npz')]), 'token-gru', first);
  const named = ['input_ids', 'attention_mask', 'state'].map((n) => `${n}=${join(MODELS, `token-gru-${n}.npy`)}`);
  await expectAsReference(await predict('token-gru', named), 'token-gru', first);
  await expectAsReference(await predict('token-gru', [join(MODELS, 'token-gru-request.json')]), 'token-gru', first);
});

test('predict feeds a test_data_set folder (unnamed dimensions, a scalar), and writes float16 outputs as numbers', async () => {
  await expectAsReference(await predict('vad-like', [join(MODELS, 'vad-like', 'test_data_set_0')]), 'vad-like', dataSet('vad-like', 'test_data_set_0', 3));
  const fp16 = await predict('fp16-add', [join(MODELS, 'fp16-request.json')]);
  await expectAsReference(fp16, 'fp16-add', { x: { dtype: 'float16', dims: [1, 4], data: Uint16Array.of(0x451a, 0x4300, 0x3d9a, 0x3266) } });
  expect((JSON.parse(fp16.stdout) as OutputsFile).outputs.y!.data).toEqual([5.6015625, 2.5, 3.400390625, 0.324951171875]);
});

test('predict names the input and what it expects when a file does not fit, and runs nothing', async () => {
  const ids = join(MODELS, 'token-gru-input_ids.npy');
  const wrong = await predict('token-gru', [`input_ids=${join(MODELS, 'token-gru-state.npy')}`, `attention_mask=${ids}`, `state=${join(MODELS, 'token-gru-state.npy')}`]);
  expect(wrong.code).toBe(1);
  expect(wrong.stdout).toBe('');
  expect(wrong.stderr).toMatch(/The app cannot use token-gru-state\.npy for “input_ids”: .*input_ids/);
  expect(wrong.stderr).toContain('Expected: int64 [batch, seq]');
  expect(wrong.stderr).toMatch(/The file holds: float32/);

  const missing = await predict('token-gru', [`input_ids=${ids}`]);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('No value was given for “attention_mask” (int64 [batch, seq]), “state” (float32 [1, batch, 8]).');

  const unknown = await predict('token-gru', [`tokens=${ids}`]);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('The model has no input “tokens”');
});
