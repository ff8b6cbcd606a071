import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { tensorIn } from './graph-model';
import { encodeModel, graphFrom, int, ints, tensorType, weight } from './test-models.fixture';

/**
 * Shape rules checked against onnxruntime-node: each model is run and its output's dims and type
 * compared with what the graph view infers (null where the view cannot tell: a size set by values it does not read).
 */
const UINT8 = 2;
const INT32 = 6;
const INT64 = 7;
const FLOAT16 = 10;
const int64s = (name: string, values: number[], dims = [values.length]) => ({ name, dataType: INT64, dims, int64Data: values });

async function runOnOrt(bytes: Uint8Array, feeds: Record<string, ort.Tensor>, output = 'y'): Promise<{ dims: readonly number[]; type: string }> {
  const session = await ort.InferenceSession.create(bytes, { graphOptimizationLevel: 'disabled' });
  try {
    const result = (await session.run(feeds))[output]!;
    return { dims: result.dims, type: result.type };
  } finally {
    await session.release();
  }
}

const inferred = (bytes: Uint8Array, name = 'y') => tensorIn(graphFrom(bytes), null, name);

/** onnxruntime-node gives `y` the shape `dims`, and the graph view infers the same. */
async function expectShape(bytes: Uint8Array, feeds: Record<string, ort.Tensor>, dims: number[]): Promise<void> {
  expect((await runOnOrt(bytes, feeds)).dims).toEqual(dims);
  expect(inferred(bytes)?.shape).toEqual(dims);
}
const floats = (dims: number[]) => new ort.Tensor('float32', new Float32Array(dims.reduce((a, b) => a * b, 1)).fill(0.5), dims);

describe('shape rules agree with onnxruntime-node', () => {
  it('MaxPool ceil_mode drops a last window that starts in the padding: x[1,1,5], kernel 2, stride 2, pads [1,1] → [1,1,3]', async () => {
    const bytes = encodeModel({
      node: [{ opType: 'MaxPool', name: 'pool', input: ['x'], output: ['y'], attribute: [ints('kernel_shape', [2]), ints('strides', [2]), ints('pads', [1, 1]), int('ceil_mode', 1)] }],
      input: [{ name: 'x', type: tensorType([1, 1, 5]) }],
      output: [{ name: 'y' }],
    });
    // onnxruntime-node: [1, 1, 3] (the old rule said [1, 1, 4]).
    await expectShape(bytes, { x: floats([1, 1, 5]) }, [1, 1, 3]);
  });

  it('ConvTranspose SAME_UPPER with stride 3 > kernel 1: padding cannot go negative, so x[1,1,3,3] → [1,2,7,7], not 9×9', async () => {
    const bytes = encodeModel({
      initializer: [weight('w', [1, 2, 1, 1], 1)],
      node: [{ opType: 'ConvTranspose', name: 'up', input: ['x', 'w'], output: ['y'], attribute: [ints('strides', [3, 3]), { name: 'auto_pad', type: 3, s: new TextEncoder().encode('SAME_UPPER') }] }],
      input: [{ name: 'x', type: tensorType([1, 1, 3, 3]) }],
      output: [{ name: 'y' }],
    });
    // onnxruntime-node and onnx shape inference: [1, 2, 7, 7].
    await expectShape(bytes, { x: floats([1, 1, 3, 3]) }, [1, 2, 7, 7]);
  });

  it('DequantizeLinear at opset 19 gives the scale’s type (float16)', async () => {
    const bytes = encodeModel(
      {
        initializer: [
          { name: 'sc', dataType: FLOAT16, dims: [], int32Data: [0x3800] },
          { name: 'zp', dataType: UINT8, dims: [], int32Data: [3] },
        ],
        node: [{ opType: 'DequantizeLinear', name: 'dq', input: ['x', 'sc', 'zp'], output: ['y'] }],
        input: [{ name: 'x', type: { tensorType: { elemType: UINT8, shape: { dim: [{ dimValue: 4 }, { dimValue: 8 }] } } } }],
        output: [{ name: 'y' }],
      },
      19,
      9,
    );
    const real = await runOnOrt(bytes, { x: new ort.Tensor('uint8', new Uint8Array(32), [4, 8]) });
    expect(real).toEqual({ dims: [4, 8], type: 'float16' });
    expect(inferred(bytes)).toMatchObject({ dtype: 'float16', shape: [4, 8] });
  });

  it('ConstantOfShape takes the `value` tensor’s type (backend tests test_constantofshape_int_zeros: int32)', async () => {
    const bytes = encodeModel({
      node: [{ opType: 'ConstantOfShape', name: 'c', input: ['s'], output: ['y'], attribute: [{ name: 'value', type: 4, t: { dataType: INT32, dims: [1], int32Data: [0] } }] }],
      input: [{ name: 's', type: { tensorType: { elemType: INT64, shape: { dim: [{ dimValue: 2 }] } } } }],
      output: [{ name: 'y' }],
    });
    const real = await runOnOrt(bytes, { s: new ort.Tensor('int64', BigInt64Array.from([3n, 5n]), [2]) });
    expect(real).toEqual({ dims: [3, 5], type: 'int32' });
    expect(inferred(bytes)).toMatchObject({ dtype: 'int32', shape: [null, null] });
  });

  it('Expand: the rank is the larger of the input’s and the shape’s; x[2,3,4] with shape [1,4] → [2,3,4]', async () => {
    const bytes = encodeModel({
      initializer: [int64s('s', [1, 4])],
      node: [{ opType: 'Expand', name: 'e', input: ['x', 's'], output: ['y'] }],
      input: [{ name: 'x', type: tensorType([2, 3, 4]) }],
      output: [{ name: 'y' }],
    });
    // onnxruntime-node: [2, 3, 4] (the old rule said rank 2).
    await expectShape(bytes, { x: floats([2, 3, 4]) }, [2, 3, 4]);
  });

  it('ReduceSum (opset 13) with axes computed by a node: sizes unknown (keepdims), never “every axis”', async () => {
    const bytes = encodeModel(
      {
        initializer: [int64s('st', [1], []), int64s('lim', [2], []), int64s('dl', [1], [])],
        node: [
          { opType: 'Range', name: 'r', input: ['st', 'lim', 'dl'], output: ['axes'] },
          { opType: 'ReduceSum', name: 'sum', input: ['x', 'axes'], output: ['y'], attribute: [int('keepdims', 1)] },
          { opType: 'ReduceSum', name: 'sum0', input: ['x', 'axes'], output: ['y0'], attribute: [int('keepdims', 0)] },
        ],
        input: [{ name: 'x', type: tensorType([2, 3, 4]) }],
        output: [{ name: 'y' }, { name: 'y0' }],
      },
      13,
    );
    // onnxruntime-node: [2, 1, 4] (the old rule said [1, 1, 1]); the view cannot read the axes, so it claims no size.
    expect((await runOnOrt(bytes, { x: floats([2, 3, 4]) })).dims).toEqual([2, 1, 4]);
    expect(inferred(bytes)?.shape).toEqual([null, null, null]);
    // Without keepdims not even the rank is known.
    expect(inferred(bytes, 'y0')?.shape ?? null).toBeNull();
  });

  it('ReduceMax (opset 18) with noop_with_empty_axes=1 and no axes passes the input’s shape through', async () => {
    const bytes = encodeModel(
      {
        node: [{ opType: 'ReduceMax', name: 'max', input: ['x'], output: ['y'], attribute: [int('keepdims', 0), int('noop_with_empty_axes', 1)] }],
        input: [{ name: 'x', type: tensorType([2, 3, 4]) }],
        output: [{ name: 'y' }],
      },
      18,
    );
    await expectShape(bytes, { x: floats([2, 3, 4]) }, [2, 3, 4]);
  });
});

const contribModel = (graph: object): Uint8Array => encodeModel(graph, 17, 8, [{ domain: 'com.microsoft', version: 1 }]);

describe('contrib attention rules agree with onnxruntime-node', () => {
  it('Attention: the output’s hidden size is the value’s (qkv_hidden_sizes [8,8,4], x[2,3,6] → [2,3,4])', async () => {
    const bytes = contribModel({
      initializer: [weight('w', [6, 20]), weight('b', [20])],
      node: [{ opType: 'Attention', domain: 'com.microsoft', name: 'attn', input: ['x', 'w', 'b'], output: ['y'], attribute: [int('num_heads', 2), ints('qkv_hidden_sizes', [8, 8, 4])] }],
      input: [{ name: 'x', type: tensorType([2, 3, 6]) }],
      output: [{ name: 'y' }],
    });
    await expectShape(bytes, { x: floats([2, 3, 6]) }, [2, 3, 4]);
  });

  it('MultiHeadAttention: the output’s hidden size is the value’s (q[2,3,8], k[2,5,8], v[2,5,4] → [2,3,4])', async () => {
    const bytes = contribModel({
      node: [{ opType: 'MultiHeadAttention', domain: 'com.microsoft', name: 'mha', input: ['q', 'k', 'v'], output: ['y'], attribute: [int('num_heads', 2)] }],
      input: [
        { name: 'q', type: tensorType([2, 3, 8]) },
        { name: 'k', type: tensorType([2, 5, 8]) },
        { name: 'v', type: tensorType([2, 5, 4]) },
      ],
      output: [{ name: 'y' }],
    });
    await expectShape(bytes, { q: floats([2, 3, 8]), k: floats([2, 5, 8]), v: floats([2, 5, 4]) }, [2, 3, 4]);
  });
});
