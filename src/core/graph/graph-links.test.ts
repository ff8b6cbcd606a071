import { describe, expect, it } from 'vitest';
import { groupOfId, groupsOf, nameOfId, scopedTensor, tensorLinks } from './graph-links';
import type { GraphModel } from './graph-model';
import { encodeModel, graphFrom, tensorType } from './test-models.fixture';

/** x → Relu "first" → a → Relu "second" → y, and a read twice by "third". */
function chainModel(): GraphModel {
  return graphFrom(
    encodeModel({
      node: [
        { name: 'first', opType: 'Relu', input: ['x'], output: ['a'] },
        { name: 'second', opType: 'Relu', input: ['a'], output: ['y'] },
        { name: 'third', opType: 'Add', input: ['a', 'a'], output: ['z'] },
      ],
      input: [{ name: 'x', type: tensorType([1, 4]) }],
      output: [{ name: 'y' }, { name: 'z' }],
    }),
  );
}

const idOf = (model: GraphModel, name: string): string => model.nodes.find((n) => n.name === name)!.id;

describe('tensorLinks', () => {
  it('maps each scoped tensor to its producer and its readers, each reader once', () => {
    const model = chainModel();
    const { producers, consumers } = tensorLinks(model);
    expect(producers.get(scopedTensor(null, 'a'))).toBe(idOf(model, 'first'));
    expect(consumers.get(scopedTensor(null, 'a'))).toEqual([idOf(model, 'second'), idOf(model, 'third')]);
    expect(producers.get('|x')).toBe(model.io.find((io) => io.name === 'x' && io.kind === 'input')!.id);
  });
});

describe('names and groups of ids', () => {
  it('finds nodes and graph inputs by id, and falls back to the id', () => {
    const model = chainModel();
    const input = model.io.find((io) => io.kind === 'input')!;
    expect(nameOfId(model, idOf(model, 'second'))).toBe('second');
    expect(nameOfId(model, input.id)).toBe('x');
    expect(nameOfId(model, 'nowhere')).toBe('nowhere');
    expect(groupOfId(model, idOf(model, 'first'))).toBeNull();
  });

  it('lists enclosing groups outermost first', () => {
    const group = (id: string, parent: string | null) => ({ id, owner: 'n0', attribute: 'body', parent, label: id, nodeCount: 1, tensors: {} });
    const model: GraphModel = { name: 'g', opset: 17, nodes: [], io: [], edges: [], tensors: {}, groups: [group('outer', null), group('inner', 'outer')] };
    expect(groupsOf(model, 'inner')).toEqual(['outer', 'inner']);
    expect(groupsOf(model, null)).toEqual([]);
  });
});
