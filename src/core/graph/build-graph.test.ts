import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGraph } from './build-graph';
import { tensorIn, type GraphModel } from './graph-model';
import { encodeModel, FLOAT, graphFrom, tensorType } from './test-models.fixture';

const built = (graph: object, opset?: number): GraphModel => graphFrom(encodeModel(graph, opset));

describe('buildGraph', () => {
  it('folds initializers into their node, draws activations as edges and names unnamed nodes', () => {
    const model = built({
      name: 'mlp',
      initializer: [{ name: 'W', dataType: FLOAT, dims: [4, 3], floatData: new Array(12).fill(0) }, { name: 'B', dataType: FLOAT, dims: [3], floatData: [0, 0, 0] }],
      node: [
        { opType: 'MatMul', name: 'mm', input: ['x', 'W'], output: ['h'] },
        { opType: 'Add', input: ['h', 'B'], output: ['y'] },
      ],
      input: [{ name: 'x', type: tensorType(['N', 4]) }],
      output: [{ name: 'y', type: tensorType(['N', 3]) }],
    });
    expect(model.nodes.map((n) => [n.name, n.named, n.initializers])).toEqual([['mm', true, ['W']], ['Add #1', false, ['B']]]);
    expect(model.edges.map((e) => [e.source, e.target, e.tensor])).toEqual([
      ['in:x', 'n0', 'x'],
      ['n0', 'n1', 'h'],
      ['n1', 'out:y', 'y'],
    ]);
    expect(model.tensors.W).toMatchObject({ dtype: 'float32', shape: [4, 3], kind: 'initializer' });
    // No value_info for h: inferred from MatMul's rule.
    expect(model.tensors.h).toMatchObject({ dtype: 'float32', shape: ['N', 3], source: 'inferred' });
    expect(model.tensors.y).toMatchObject({ shape: ['N', 3], source: 'graph output' });
  });

  it('decodes attributes to readable values, int64 exactly', () => {
    const model = built({
      node: [
        {
          opType: 'Slice',
          name: 's',
          input: ['x'],
          output: ['y'],
          attribute: [
            { name: 'ends', type: 7, ints: ['9223372036854775807'] },
            { name: 'mode', type: 3, s: new TextEncoder().encode('constant') },
            { name: 'alpha', type: 1, f: 0.1 },
            { name: 'value', type: 4, t: { dataType: 7, dims: [2, 3] } },
          ],
        },
      ],
      input: [{ name: 'x', type: tensorType([2]) }],
      output: [{ name: 'y', type: tensorType([2]) }],
    });
    const texts = Object.fromEntries(model.nodes[0]!.attributes.map((a) => [a.name, a.text]));
    expect(texts).toEqual({ ends: '[9223372036854775807]', mode: 'constant', alpha: '0.1', value: 'tensor int64[2, 3]' });
  });

  it('keeps If branches as groups with their own scope; outer tensors are not edges inside', () => {
    const branch = (name: string, op: string) => ({ name, node: [{ opType: op, name: `${name}_op`, input: ['x'], output: [`${name}_out`] }], output: [{ name: `${name}_out`, type: tensorType([2]) }] });
    const model = built({
      node: [
        { opType: 'Greater', name: 'cmp', input: ['x', 'x'], output: ['c'] },
        { opType: 'If', name: 'branch', input: ['c'], output: ['y'], attribute: [{ name: 'then_branch', type: 5, g: branch('then', 'Relu') }, { name: 'else_branch', type: 5, g: branch('else', 'Neg') }] },
      ],
      input: [{ name: 'x', type: tensorType([2]) }],
      output: [{ name: 'y', type: tensorType([2]) }],
    });
    expect(model.groups.map((g) => [g.id, g.owner, g.nodeCount])).toEqual([
      ['n1/then_branch', 'n1', 1],
      ['n1/else_branch', 'n1', 1],
    ]);
    const relu = model.nodes.find((n) => n.name === 'then_op')!;
    expect(relu.group).toBe('n1/then_branch');
    expect(model.nodes.find((n) => n.name === 'branch')!.subgraphs).toEqual(['n1/then_branch', 'n1/else_branch']);
    expect(model.edges.filter((e) => e.target === relu.id)).toEqual([]);
    expect(model.edges.some((e) => e.source === relu.id && e.target === 'n1/then_branch/out:then_out')).toBe(true);
    expect(tensorIn(model, 'n1/then_branch', 'then_out')?.shape).toEqual([2]);
    // Outer-scope lookup from inside the branch.
    expect(tensorIn(model, 'n1/then_branch', 'x')?.kind).toBe('input');
  });

  it('refuses bytes that are not a model', () => {
    const result = buildGraph(new Uint8Array([1, 2, 3, 4, 5]));
    expect(result.ok).toBe(false);
  });

  it('reads every bundled example', () => {
    for (const id of ['iris-pipeline', 'iris-trees', 'digits-cnn', 'iris-mlp', 'mlp-large']) {
      const bytes = readFileSync(`public/examples/${id}/model.onnx`);
      const result = buildGraph(bytes);
      expect(result.ok, id).toBe(true);
    }
  });

  it('infers the digits CNN’s shapes through Conv, MaxPool, Flatten and Gemm', () => {
    const result = buildGraph(readFileSync('public/examples/digits-cnn/model.onnx'));
    if (!result.ok) throw new Error(result.error.message);
    const model = result.value;
    const shapes = model.nodes.map((n) => `${n.opType} ${JSON.stringify(model.tensors[n.outputs[0]!]?.shape)}`);
    expect(shapes).toEqual([
      'Constant []',
      'Div ["batch",1,8,8]',
      'Conv ["batch",8,8,8]',
      'Relu ["batch",8,8,8]',
      'Conv ["batch",16,8,8]',
      'Relu ["batch",16,8,8]',
      'MaxPool ["batch",16,4,4]',
      'Flatten ["batch",256]',
      'Gemm ["batch",64]',
      'Relu ["batch",64]',
      'Gemm ["batch",10]',
    ]);
  });
});
