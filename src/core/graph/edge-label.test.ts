import { describe, expect, it } from 'vitest';
import { edgeLabel } from './edge-label';
import { encodeModel, graphFrom, tensorType } from './test-models.fixture';

const model = graphFrom(encodeModel({ node: [{ opType: 'Relu', input: ['x'], output: ['y'] }], input: [{ name: 'x', type: tensorType(['N', 4]) }], output: [{ name: 'y' }] }));

describe('edgeLabel', () => {
  it('prefers the profiled shape, then the declared one, then the bare name', () => {
    expect(edgeLabel(model, { x: { dtype: 'float32', dims: [2, 4] } }, 'x', null)).toBe('x · float32[2, 4]');
    expect(edgeLabel(model, undefined, 'x', null)).toBe('x · float32[N, 4]');
    expect(edgeLabel(model, {}, 'unknown', null)).toBe('unknown');
    expect(edgeLabel(null, undefined, 'x', null)).toBe('x');
  });
});
