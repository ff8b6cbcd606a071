import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { encodeModel, graphFrom, tensorType, weight } from '../graph/test-models.fixture';
import { floorSets, sizeTerm, workingSets } from './working-sets';

const mlpLarge = () => graphFrom(new Uint8Array(readFileSync('public/examples/mlp-large/model.onnx')));

describe('workingSets', () => {
  it('mlp-large: each node’s intermediate values, weights and graph inputs/outputs left out', () => {
    const sets = workingSets(mlpLarge());
    expect(sets.nodes).toBe(9);
    expect(sets.unknownNodes).toBe(0);
    const totals = sets.sets.map((set) => set.map((t) => [t.bytes, ...t.dims].join('×')).sort().join(' + ')).sort();
    // Constant: its scalar; Div: its [batch, 64] output (its input is the graph's); Gemm 0: [batch, 64] in, [batch, 2048] out;
    // Relu 1 and Gemm 2 (merged: the same sizes): [batch, 2048] in and out; Relu 3 likewise; Gemm 4: 2048 in, 1024 out;
    // Relu 5: 1024 in and out; Gemm 6: [batch, 1024] in (logits is the graph's output).
    expect(totals).toEqual(['256×batch + 4', '256×batch + 8192×batch', '4', '4096×batch', '4096×batch + 4096×batch', '4096×batch + 8192×batch', '8192×batch + 8192×batch'].sort());
  });

  it('counts a node whose value has no known shape as not bounded, and names it', () => {
    const bytes = encodeModel({
      initializer: [weight('w', [4, 3])],
      node: [
        { opType: 'MatMul', name: 'mm', input: ['x', 'w'], output: ['h'] },
        { opType: 'NonZero', name: 'nz', input: ['h'], output: ['idx'] },
        { opType: 'Cast', name: 'cast', input: ['idx'], output: ['y'], attribute: [{ name: 'to', type: 2, i: 1 }] },
      ],
      input: [{ name: 'x', type: tensorType(['N', 4]) }],
      output: [{ name: 'y' }],
    });
    const sets = workingSets(graphFrom(bytes));
    expect(sets.nodes).toBe(3);
    expect(sets.unknownNodes).toBeGreaterThanOrEqual(1);
    expect(sets.unknownExample).toBe('NonZero “nz”');
    expect(sets.sets).toContainEqual([{ bytes: 12, dims: ['N'] }]);
  });

  it('sizeTerm: element size × fixed dims, named dims listed; strings and unknown dims are not bounded', () => {
    expect(sizeTerm({ name: 't', dtype: 'float16', shape: ['b', 3, 's', 2], source: 'inferred', kind: 'intermediate' })).toEqual({ bytes: 12, dims: ['b', 's'] });
    expect(sizeTerm({ name: 't', dtype: 'int64', shape: [], source: 'inferred', kind: 'intermediate' })).toEqual({ bytes: 8, dims: [] });
    expect(sizeTerm({ name: 't', dtype: 'string', shape: [2], source: 'inferred', kind: 'intermediate' })).toBeNull();
    expect(sizeTerm({ name: 't', dtype: 'float32', shape: [2, null], source: 'inferred', kind: 'intermediate' })).toBeNull();
    expect(sizeTerm({ name: 't', dtype: 'unknown', shape: [2], source: 'none', kind: 'intermediate' })).toBeNull();
    expect(sizeTerm({ name: 't', dtype: 'bfloat16', shape: [2], source: 'inferred', kind: 'intermediate' })).toBeNull();
  });
});

describe('floorSets', () => {
  const totals = (sets: { bytes: number; dims: readonly string[] }[][]) => sets.map((set) => set.map((t) => [t.bytes, ...t.dims].join('×')).sort().join(' + ')).sort();

  it('mlp-large: a Gemm’s input and output together, an in-place Relu’s one side at a time, the output once made', () => {
    // Gemm 2 reads Relu 1's [batch, 2048] and writes another: 8192×batch twice, the largest.
    expect(totals(floorSets(mlpLarge()))).toEqual(
      ['256×batch', '8192×batch', '256×batch + 8192×batch', '8192×batch + 8192×batch', '4096×batch', '4096×batch + 8192×batch', '40×batch', '4096×batch + 40×batch'].sort(),
    );
  });

  it('counts an alias (Reshape) as its input’s buffer, and leaves out graph inputs and what weights alone compute', () => {
    const bytes = encodeModel({
      initializer: [weight('w', [4, 4]), { name: 'shape', dataType: 7, dims: [2], int64Data: [-1, 4] }],
      node: [
        { opType: 'Transpose', name: 'wt', input: ['w'], output: ['w_t'] },
        { opType: 'Reshape', name: 'rx', input: ['x', 'shape'], output: ['xr'] },
        { opType: 'MatMul', name: 'mm', input: ['xr', 'w_t'], output: ['h'] },
        { opType: 'Reshape', name: 'rh', input: ['h', 'shape'], output: ['hr'] },
        { opType: 'Add', name: 'add', input: ['h', 'hr'], output: ['y'] },
      ],
      input: [{ name: 'x', type: tensorType(['N', 4]) }],
      output: [{ name: 'y', type: tensorType(['N', 4]) }],
    });
    // MatMul: h only (xr is x's buffer, w_t a folded weight); Add reads h and hr, one buffer (not 16×N twice); then y (an output).
    expect(totals(floorSets(graphFrom(bytes)))).toEqual(['16×N']);
  });
});
