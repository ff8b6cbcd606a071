import { afterEach, describe, expect, it } from 'vitest';
import { BERT_LIKE_INPUTS, bertLikeModel, identityModel } from '../../core/package/onnx-builder.fixture';
import { ONNX_DATA_TYPE as T } from '../../core/package/onnx-schema';
import { tensorValues } from '../../core/schema/host-tensor';
import { isReady, type ReadyModel } from '../store/models-slice';
import { rig, vi, type Rig } from './actions.fixture';

async function openIdentity(r: Rig, elemType: number, dims: (number | string)[]): Promise<ReadyModel> {
  await r.actions.openFiles([new File([Uint8Array.from(identityModel(elemType, dims)).buffer], 'identity.onnx')]);
  const model = r.store.getState().models.find((m) => m.source === 'identity.onnx');
  if (!isReady(model)) throw new Error(`did not open: ${r.store.getState().notices.map((n) => n.message).join(' ')}`);
  await r.predict.openPredict(model.id);
  return model;
}

/** What the model gave back for `x` after a prediction. */
async function received(r: Rig, model: ReadyModel): Promise<number[]> {
  expect(await r.predict.predict(model.id)).toBe('done');
  expect(r.store.getState().notices).toEqual([]);
  return tensorValues(r.store.getState().predict[model.id]!.result!.outputs.y!).map(Number);
}

afterEach(() => vi.restoreAllMocks());

describe('image inputs filled from pictures and random values (onnxruntime-node)', () => {
  it('feeds a white picture to an int8 image input as 127, not wrapped to -1, and says which scale it assumed', async () => {
    const r = rig();
    const model = await openIdentity(r, T.INT8, [1, 3, 4, 4]);
    r.predict.setImage(model.id, 'x', new Uint8ClampedArray(4 * 4 * 4).fill(255), 4, 4, 'white.png');
    expect(new Set(await received(r, model))).toEqual(new Set([127]));
    const draft = r.store.getState().predict[model.id]!.tensors.x!;
    expect(draft.imageNote).toContain('white = 127, black = 0 — assumed for int8 pixels, as the package gives no range: 0 to 127');
  });

  it.each([
    ['float16', T.FLOAT16],
    ['float64', T.DOUBLE],
  ])('randomizes a %s image input into a tensor the model accepts, values over the pixel scale', async (dtype, elemType) => {
    const r = rig();
    const model = await openIdentity(r, elemType, [1, 3, 4, 4]);
    r.predict.randomizeTensor(model.id, 'x');
    const draft = r.store.getState().predict[model.id]!.tensors.x!;
    const shown = tensorValues(draft.tensor!).map(Number);
    expect(await received(r, model)).toEqual(shown);
    expect(shown.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(draft.source).toBe(`random ${dtype} pixels from 0 to 1 (48)`);
  });

  it('randomizes a uint8 image input over 0–255, and redraws it over that scale, relabelled, after a size change', async () => {
    const r = rig();
    let call = 0;
    // Evenly spread draws: every eighth of the scale is reached.
    vi.spyOn(Math, 'random').mockImplementation(() => ((call++ * 0.37) % 1));
    const model = await openIdentity(r, T.UINT8, ['N', 3, 4, 4]);
    r.predict.randomizeTensor(model.id, 'x');
    let draft = r.store.getState().predict[model.id]!.tensors.x!;
    expect(Math.max(...tensorValues(draft.tensor!).map(Number))).toBeGreaterThan(200);
    expect(draft.source).toBe('random uint8 pixels from 0 to 255 (48)');

    r.predict.setDim(model.id, 'N', 2);
    draft = r.store.getState().predict[model.id]!.tensors.x!;
    expect(draft.tensor!.dims).toEqual([2, 3, 4, 4]);
    const values = tensorValues(draft.tensor!).map(Number);
    expect(Math.max(...values)).toBeGreaterThan(200);
    expect(draft.source).toBe('random uint8 pixels from 0 to 255 (96)');
    expect(draft.preview).not.toBeNull();
    expect(await received(r, model)).toEqual(values);
  });
});

describe('Random values for the inputs of a BERT-shaped model (onnxruntime-node)', () => {
  it('keeps a mask ones, token type ids zeros and positions in order, so that the model runs and gives no NaN', async () => {
    const r = rig();
    await r.actions.openFiles([new File([Uint8Array.from(bertLikeModel(50, 16)).buffer], 'bert.onnx')]);
    const model = r.store.getState().models.find((m) => m.source === 'bert.onnx');
    if (!isReady(model)) throw new Error(`did not open: ${r.store.getState().notices.map((n) => n.message).join(' ')}`);
    await r.predict.openPredict(model.id);
    for (const spec of BERT_LIKE_INPUTS) r.predict.randomizeTensor(model.id, spec.name);
    const tensors = r.store.getState().predict[model.id]!.tensors;
    const values = (name: string) => tensorValues(tensors[name]!.tensor!).map(Number);
    const length = tensors.input_ids!.tensor!.dims.at(-1)!;
    expect(new Set(values('attention_mask'))).toEqual(new Set([1]));
    expect(new Set(values('token_type_ids'))).toEqual(new Set([0]));
    expect(values('position_ids').slice(0, length)).toEqual(Array.from({ length }, (_, i) => i));
    expect(tensors.token_type_ids!.source).toMatch(/^random inputs for “token_type_ids” are zeros/);
    expect(await r.predict.predict(model.id)).toBe('done');
    expect(r.store.getState().notices).toEqual([]);
    const y = tensorValues(r.store.getState().predict[model.id]!.result!.outputs.y!).map(Number);
    expect(y.every(Number.isFinite)).toBe(true);
  });
});
