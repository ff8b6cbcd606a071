import { describe, expect, it } from 'vitest';
import { findAttentionChains } from './attention-chains';
import { tensorIn, type GraphModel } from './graph-model';
import { encodeModel, graphFrom, int, ints, tensorType, weight } from './test-models.fixture';
import { bindShape, estimateWork } from './work-estimate';

function graphOf(node: object, inputs: Record<string, (number | string)[]>, initializers: object[] = [], opset = 17): GraphModel {
  return graphFrom(encodeModel({ node: [node], initializer: initializers, input: Object.entries(inputs).map(([name, dims]) => ({ name, type: tensorType(dims) })), output: [{ name: 'y' }] }, opset));
}

/** The work of the model's first node, symbolic dims bound to `bindings`. */
function work(model: GraphModel, bindings: Record<string, number> = {}) {
  const node = model.nodes[0]!;
  return estimateWork(node, (t) => bindShape(tensorIn(model, node.group, t)?.shape ?? null, bindings));
}

describe('estimateWork (hand-computed counts)', () => {
  it('MatMul: output elements × K, batched', () => {
    // [2,3,4] × [4,5] → [2,3,5]: 30 outputs of 4 multiply-adds each.
    const w = work(graphOf({ opType: 'MatMul', input: ['a', 'b'], output: ['y'] }, { a: [2, 3, 4] }, [weight('b', [4, 5])]));
    expect(w).toMatchObject({ kind: 'macs', macs: 120, flops: 240 });
  });

  it('MatMul with a symbolic batch: unknown until the batch is bound', () => {
    const model = graphOf({ opType: 'MatMul', input: ['a', 'b'], output: ['y'] }, { a: ['N', 4] }, [weight('b', [4, 5])]);
    expect(work(model).kind).toBe('unknown');
    expect(work(model, { N: 8 })).toMatchObject({ macs: 8 * 5 * 4 });
  });

  it('Gemm with transB: M·N·K', () => {
    const w = work(graphOf({ opType: 'Gemm', input: ['a', 'b'], output: ['y'], attribute: [int('transB', 1)] }, { a: [8, 16] }, [weight('b', [32, 16])]));
    expect(w).toMatchObject({ kind: 'macs', macs: 8 * 32 * 16 });
  });

  it('Conv 3×3, padding 1: output elements × C_in × kernel', () => {
    const model = graphOf({ opType: 'Conv', input: ['x', 'w'], output: ['y'], attribute: [ints('pads', [1, 1, 1, 1])] }, { x: [1, 3, 32, 32] }, [weight('w', [16, 3, 3, 3])]);
    expect(model.tensors.y?.shape).toEqual([1, 16, 32, 32]);
    // 16·32·32 = 16,384 outputs, each 3·3·3 = 27 multiply-adds.
    expect(work(model)).toMatchObject({ macs: 442_368, flops: 884_736 });
  });

  it('depthwise Conv (group = channels): C_in/group = 1', () => {
    const model = graphOf({ opType: 'Conv', input: ['x', 'w'], output: ['y'], attribute: [int('group', 8)] }, { x: [1, 8, 10, 10] }, [weight('w', [8, 1, 3, 3])]);
    expect(model.tensors.y?.shape).toEqual([1, 8, 8, 8]);
    expect(work(model)).toMatchObject({ macs: 512 * 9 });
  });

  it('strided Conv with dilation and asymmetric pads', () => {
    // 15 + 0 + 1 − ((3−1)·2 + 1) = 11 → floor(11/2) + 1 = 6.
    const model = graphOf({ opType: 'Conv', input: ['x', 'w'], output: ['y'], attribute: [ints('strides', [2, 2]), ints('dilations', [2, 2]), ints('pads', [0, 0, 1, 1])] }, { x: [2, 4, 15, 15] }, [weight('w', [6, 4, 3, 3])]);
    expect(model.tensors.y?.shape).toEqual([2, 6, 6, 6]);
    expect(work(model)).toMatchObject({ macs: 2 * 6 * 6 * 6 * 4 * 9 });
  });

  it('ConvTranspose stride 2: input elements × C_out/group × kernel', () => {
    const model = graphOf({ opType: 'ConvTranspose', input: ['x', 'w'], output: ['y'], attribute: [ints('strides', [2, 2])] }, { x: [1, 4, 5, 5] }, [weight('w', [4, 2, 3, 3])]);
    // 2·(5−1) + 3 = 11.
    expect(model.tensors.y?.shape).toEqual([1, 2, 11, 11]);
    expect(work(model)).toMatchObject({ macs: 100 * 2 * 9 });
  });

  it('element-wise Add with broadcasting counts output elements', () => {
    expect(work(graphOf({ opType: 'Add', input: ['a', 'b'], output: ['y'] }, { a: [2, 3] }, [weight('b', [3])]))).toMatchObject({ kind: 'elements', elements: 6, flops: 6 });
  });

  it('Softmax counts its input, MaxPool its windows, Transpose moves without computing', () => {
    expect(work(graphOf({ opType: 'Softmax', input: ['x'], output: ['y'] }, { x: [4, 10] }))).toMatchObject({ kind: 'elements', elements: 40 });
    const pool = graphOf({ opType: 'MaxPool', input: ['x'], output: ['y'], attribute: [ints('kernel_shape', [2, 2]), ints('strides', [2, 2])] }, { x: [1, 16, 8, 8] });
    expect(pool.tensors.y?.shape).toEqual([1, 16, 4, 4]);
    expect(work(pool)).toMatchObject({ kind: 'elements', elements: 256 * 4 });
    expect(work(graphOf({ opType: 'Transpose', input: ['x'], output: ['y'], attribute: [ints('perm', [1, 0])] }, { x: [3, 7] }))).toMatchObject({ kind: 'movement', elements: 21, flops: 0 });
  });

  it('says unknown for operators it has no rule for', () => {
    expect(work(graphOf({ opType: 'Einsum', input: ['x'], output: ['y'] }, { x: [3, 7] })).kind).toBe('unknown');
  });
});

describe('findAttentionChains', () => {
  it('finds QKᵀ → scale → Softmax → ·V and counts both MatMuls', () => {
    const model = graphFrom(
      encodeModel({
        initializer: [weight('scale', [])],
        node: [
          { opType: 'MatMul', name: 'qk', input: ['q', 'kt'], output: ['s'] },
          { opType: 'Div', name: 'scaled', input: ['s', 'scale'], output: ['s2'] },
          { opType: 'Softmax', name: 'sm', input: ['s2'], output: ['p'], attribute: [int('axis', -1)] },
          { opType: 'MatMul', name: 'pv', input: ['p', 'v'], output: ['y'] },
        ],
        input: [{ name: 'q', type: tensorType([1, 2, 8, 4]) }, { name: 'kt', type: tensorType([1, 2, 4, 8]) }, { name: 'v', type: tensorType([1, 2, 8, 4]) }],
        output: [{ name: 'y' }],
      }),
    );
    expect(findAttentionChains(model)).toEqual([{ scores: 'n0', between: ['n1', 'n2'], values: 'n3' }]);
    const shape = (t: string) => tensorIn(model, null, t)?.shape ?? null;
    // Scores [1,2,8,8]: 128 outputs × K = 4; values [1,2,8,4]: 64 outputs × K = 8.
    expect(estimateWork(model.nodes[0]!, shape).macs).toBe(512);
    expect(estimateWork(model.nodes[3]!, shape).macs).toBe(512);
  });
});
