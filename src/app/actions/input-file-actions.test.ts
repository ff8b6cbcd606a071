import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareTensors } from '../../core/check/compare-tensors';
import { DEFAULT_TOLERANCE } from '../../core/check/tolerance';
import type { HostTensor } from '../../core/schema/host-tensor';
import { decodeTensorProto } from '../../core/tensors/tensor-proto';
import { isReady, type ReadyModel } from '../store/models-slice';
import { rig, type Rig } from './actions.fixture';

const MODELS = new URL('../../core/tensors/fixtures/models/', import.meta.url);
const bytesOf = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, MODELS)));
const fileOf = (path: string, name = path.split('/').pop()!): { path: string; file: File } => ({ path: name, file: new File([bytesOf(path) as BlobPart], name) });

async function openFixture(r: Rig, name: string): Promise<ReadyModel> {
  await r.actions.openPackageFiles(name, [{ path: 'model.onnx', bytes: bytesOf(`${name}/model.onnx`) }], name);
  const model = r.store.getState().models.find((m) => m.pkg.name === name);
  if (!isReady(model)) throw new Error(`${name} did not open: ${r.store.getState().notices.map((n) => n.message).join(' ')}`);
  return model;
}

function expectAsDataSet(outputs: Readonly<Record<string, HostTensor>>, model: ReadyModel, set: string): void {
  model.description.outputs.forEach((o, k) => {
    const expected = decodeTensorProto(bytesOf(`${set}/output_${k}.pb`), `output_${k}.pb`);
    if (!expected.ok) throw new Error(expected.error.message);
    const compared = compareTensors(expected.value.tensor, outputs[o.name]!, DEFAULT_TOLERANCE);
    expect(compared.problem).toBeNull();
    expect(compared.pass, `${o.name}: max abs ${compared.maxAbs}`).toBe(true);
  });
}

/** The Run tab's outputs against output_K.pb of the data set, written by onnxruntime-node from the same inputs. */
function expectReferenceOutputs(r: Rig, model: ReadyModel, set: string): void {
  const run = r.store.getState().models.find((m) => m.id === model.id)!.run;
  expect(run.status, r.store.getState().notices.map((n) => n.message).join(' ')).toBe('done');
  if (run.status !== 'done') return;
  expect(run.inputSource).toBe('file');
  expectAsDataSet(run.outputs, model, set);
}

describe('Run tab inputs from files', () => {
  it('feeds a three-input model from an .npz, shows what was read, and matches onnxruntime-node', async () => {
    const r = rig();
    const model = await openFixture(r, 'token-gru');
    await r.inputFiles.giveInputFiles(model.id, 'run', [fileOf('token-gru-inputs.npz')]);
    const state = r.store.getState().inputFiles[model.id]!.run!;
    expect(state.error).toBeNull();
    expect(r.store.getState().runSources[model.id]).toBe('file');
    expect(state.reading!.summary.map((s) => [s.name, s.dtype, s.dims.join('x')])).toEqual([
      ['input_ids', 'int64', '1x3'],
      ['attention_mask', 'int64', '1x3'],
      ['state', 'float32', '1x1x8'],
    ]);
    expect(state.reading!.dims).toMatchObject({ batch: 1, seq: 3 });
    await r.actions.runModel(model.id);
    expectReferenceOutputs(r, model, 'token-gru/test_data_set_0');
  });

  it('feeds a model with unnamed dimensions and a scalar from a test_data_set folder of .pb files', async () => {
    const r = rig();
    const model = await openFixture(r, 'vad-like');
    const folder = ['input_0.pb', 'input_1.pb', 'input_2.pb', 'output_0.pb', 'output_1.pb'].map((f) => fileOf(`vad-like/test_data_set_0/${f}`, `test_data_set_0/${f}`));
    await r.inputFiles.giveInputFiles(model.id, 'run', [...folder, fileOf('vad-like/model.onnx', 'model.onnx')], { folder: true });
    const reading = r.store.getState().inputFiles[model.id]!.run!.reading!;
    expect(reading.summary.map((s) => `${s.name} ${s.dtype} [${s.dims.join(', ')}]`)).toEqual(['input float32 [1, 512]', 'state float32 [2, 1, 128]', 'sr int64 []']);
    expect(reading.summary[2]!.first).toEqual(['16000']);
    await r.actions.runModel(model.id);
    expectReferenceOutputs(r, model, 'vad-like/test_data_set_0');
  });

  it('takes one file per input, and runs nothing until every input has a value', async () => {
    const r = rig();
    const model = await openFixture(r, 'token-gru');
    await r.inputFiles.giveInputFiles(model.id, 'run', [fileOf('token-gru-input_ids.npy')], { input: 'input_ids' });
    await r.inputFiles.giveInputFiles(model.id, 'run', [fileOf('token-gru-state.npy')], { input: 'state' });
    const before = r.engine.runs;
    await r.actions.runModel(model.id);
    expect(r.engine.runs).toBe(before);
    expect(r.store.getState().notices.at(-1)!.message).toBe('No value was given for “attention_mask” (int64 [batch, seq]).');
    await r.inputFiles.giveInputFiles(model.id, 'run', [fileOf('token-gru-attention_mask.npy')], { input: 'attention_mask' });
    expect(r.store.getState().inputFiles[model.id]!.run!.files.map((f) => f.input)).toEqual(['input_ids', 'state', 'attention_mask']);
    await r.actions.runModel(model.id);
    expectReferenceOutputs(r, model, 'token-gru/test_data_set_0');
  });

  it('names the input, what it expects and what the file holds when they disagree, and runs nothing', async () => {
    const r = rig();
    const model = await openFixture(r, 'token-gru');
    await r.inputFiles.giveInputFiles(model.id, 'run', [fileOf('token-gru-state.npy')], { input: 'input_ids' });
    const state = r.store.getState().inputFiles[model.id]!.run!;
    expect(state.status).toBe('failed');
    expect(state.error).toMatchObject({ code: 'input-mismatch', input: 'input_ids' });
    expect(state.error!.expected).toContain('int64');
    expect(state.error!.found).toContain('float32');
    r.inputFiles.setRunSource(model.id, 'file');
    const before = r.engine.runs;
    await r.actions.runModel(model.id);
    expect(r.engine.runs).toBe(before);
    expect(r.store.getState().notices.at(-1)!.message).toBe(state.error!.message);
  });

  it('runs zeros of each input’s type and shape', async () => {
    const r = rig();
    const model = await openFixture(r, 'vad-like');
    r.inputFiles.setRunSource(model.id, 'zeros');
    await r.actions.runModel(model.id);
    const run = r.store.getState().models.find((m) => m.id === model.id)!.run;
    if (run.status !== 'done') throw new Error(r.store.getState().notices.map((n) => n.message).join(' '));
    expect(run.inputSource).toBe('zeros');
    expect([...(run.inputs.input!.data as Float32Array)].every((v) => v === 0)).toBe(true);
    // sigmoid(0) for zero audio and a zero state.
    expect([...(run.outputs.output!.data as Float32Array)]).toEqual([0.5]);
  });
});

describe('Predict tensor mode from files', () => {
  it('fills every input from .pb files (sizes from the data) and predicts what onnxruntime-node computed', async () => {
    const r = rig();
    const model = await openFixture(r, 'token-gru');
    await r.predict.openPredict(model.id);
    const set = ['input_0.pb', 'input_1.pb', 'input_2.pb'].map((f) => fileOf(`token-gru/test_data_set_1/${f}`));
    await r.inputFiles.giveInputFiles(model.id, 'predict', set);
    const s = r.store.getState().predict[model.id]!;
    expect(Object.fromEntries(Object.entries(s.tensors).map(([k, d]) => [k, `${d.source} [${d.tensor!.dims.join(', ')}]`]))).toEqual({
      input_ids: 'input_0.pb [2, 5]',
      attention_mask: 'input_1.pb [2, 5]',
      state: 'input_2.pb [1, 2, 8]',
    });
    expect(r.store.getState().models.find((m) => m.id === model.id)!.dims).toMatchObject({ batch: 2, seq: 5 });
    expect(s.tensorIssues.filter((i) => i.severity === 'error')).toEqual([]);
    await r.predict.predict(model.id);
    const result = r.store.getState().predict[model.id]!.result;
    expect(result, r.store.getState().notices.map((n) => n.message).join(' ')).not.toBeNull();
    expectAsDataSet(result!.outputs, model, 'token-gru/test_data_set_1');
  });
});
