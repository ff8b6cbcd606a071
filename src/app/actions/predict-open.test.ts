import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linearRegressor } from '../../core/package/onnx-builder.fixture';
import { tensorValues } from '../../core/schema/host-tensor';
import { isReady, type ReadyModel } from '../store/models-slice';
import { openExample, rig, type Rig } from './actions.fixture';

const tokenGru = new URL('../../core/tensors/fixtures/models/token-gru/model.onnx', import.meta.url);

async function openBuilt(r: Rig, name: string, files: { path: string; bytes: Uint8Array }[]): Promise<ReadyModel> {
  await r.actions.openPackageFiles(name, files, name);
  const model = r.store.getState().models.find((m) => m.pkg.name === name);
  if (!isReady(model)) throw new Error(`${name} did not open: ${r.store.getState().notices.map((n) => n.message).join(' ')}`);
  return model;
}

const EXAMPLES = ['iris-pipeline', 'iris-trees', 'iris-mlp', 'digits-cnn', 'wine-mlflow', 'mlp-large', 'mlp-large-fp16', 'mlp-large-int8'];

describe('the Predict tab opens ready to run (onnxruntime-node)', () => {
  it.each(EXAMPLES)('opens %s with no value in red, and predicts at once', async (id) => {
    const r = rig();
    const model = await openExample(r, id);
    await r.predict.openPredict(model.id);
    const s = r.store.getState().predict[model.id]!;
    const issues = s.mode === 'form' ? s.check!.issues : s.tensorIssues;
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(await r.predict.predict(model.id)).toBe('done');
    await r.actions.closeModel(model.id);
  });

  it('opens the 64-pixel MLP in tensor mode on its example, and predicts at once', async () => {
    const r = rig();
    const model = await openExample(r, 'mlp-large');
    await r.predict.openPredict(model.id);
    const s = r.store.getState().predict[model.id]!;
    expect(s.mode).toBe('tensors');
    expect(s.tensorIssues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(s.tensors.pixels_flat!.source).toBe('the package’s input example');
    await r.predict.predict(model.id);
    expect(r.store.getState().predict[model.id]!.result!.predictions.rows).toBe(1);
  });

  it('fills a 256-wide unnamed input with seeded values and predicts x·w + b from exactly those values', async () => {
    const r = rig();
    const weights = Array.from({ length: 256 }, (_, i) => ((i % 7) - 3) / 4);
    await r.actions.openFiles([new File([Uint8Array.from(linearRegressor(weights, 0.5)).buffer], 'wide.onnx')]);
    expect(r.store.getState().notices).toEqual([]);
    const model = r.store.getState().models.find((m) => m.source === 'wide.onnx') as ReadyModel;
    expect(isReady(model)).toBe(true);
    await r.predict.openPredict(model.id);
    const s = r.store.getState().predict[model.id]!;
    expect(s.mode).toBe('tensors');
    expect(s.fillNote).toMatch(/^seeded random values/);
    expect(s.tensorIssues).toEqual([]);
    await r.predict.predict(model.id);
    const result = r.store.getState().predict[model.id]!.result!;
    const x = tensorValues(result.feeds.x!, 256).map(Number);
    const expected = x.reduce((sum, v, i) => sum + v * weights[i]!, 0.5);
    expect(Number(tensorValues(result.outputs.variable!, 1)[0])).toBeCloseTo(expected, 4);
  });

  it('opens a GRU at the sequence length its metadata gives, token ids within the vocabulary, and runs it', async () => {
    const r = rig();
    const metadata = new TextEncoder().encode(JSON.stringify({ max_sequence_length: 24, vocab_size: 32 }));
    const model = await openBuilt(r, 'token-gru', [
      { path: 'model.onnx', bytes: new Uint8Array(readFileSync(tokenGru)) },
      { path: 'metadata.json', bytes: metadata },
    ]);
    expect(model.dims).toEqual({ batch: 1, seq: 24 });
    expect(model.facts.dimensions.find((d) => d.name === 'seq')).toMatchObject({ source: 'metadata', detail: 'metadata.json max_sequence_length' });
    await r.predict.openPredict(model.id);
    const s = r.store.getState().predict[model.id]!;
    expect(s.mode).toBe('tensors');
    expect(s.tensorIssues).toEqual([]);
    const ids = tensorValues(s.tensors.input_ids!.tensor!).map(Number);
    expect(s.tensors.input_ids!.tensor!.dims).toEqual([1, 24]);
    expect(Math.max(...ids)).toBeLessThanOrEqual(31);
    expect(new Set(tensorValues(s.tensors.attention_mask!.tensor!))).toEqual(new Set([1n]));
    await r.predict.predict(model.id);
    expect(r.store.getState().notices).toEqual([]);
    expect(r.store.getState().predict[model.id]!.result!.outputs.scores!.dims).toEqual([1, 3]);
  });
});
