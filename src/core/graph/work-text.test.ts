import { describe, expect, it } from 'vitest';
import type { WorkEstimate } from './work-estimate';
import { attentionOf, workText } from './work-text';

const estimate = (patch: Partial<WorkEstimate>): WorkEstimate => ({ kind: 'unknown', macs: null, elements: null, flops: null, formula: 'f', ...patch });

describe('workText', () => {
  it('states each kind of work with its formula', () => {
    expect(workText(undefined)).toBe('unknown');
    expect(workText(estimate({ kind: 'macs', macs: 120, flops: 240, formula: 'M·N·K' }))).toBe('120 MAC (240 FLOP): M·N·K');
    expect(workText(estimate({ kind: 'elements', elements: 2000, flops: 2000, formula: 'n' }))).toBe('2 k elements (2 kFLOP): n');
    expect(workText(estimate({ kind: 'movement', formula: 'copy' }))).toBe('no arithmetic: copy');
    expect(workText(estimate({ kind: 'none', formula: 'shape only' }))).toBe('none: shape only');
    expect(workText(estimate({ formula: 'dims unknown' }))).toBe('unknown: dims unknown');
  });
});

describe('attentionOf', () => {
  const chains = [{ scores: 'q', between: ['s'], values: 'v' }];
  it('sums the two MatMuls of the block a node belongs to', () => {
    const work = { q: estimate({ kind: 'macs', macs: 10 }), v: estimate({ kind: 'macs', macs: 5 }) };
    expect(attentionOf(chains, work, 's')).toEqual({ chain: chains[0], macs: 15 });
    expect(attentionOf(chains, work, 'v')?.macs).toBe(15);
    expect(attentionOf(chains, work, 'other')).toBeNull();
  });
  it('gives no total when either MatMul is unknown', () => {
    expect(attentionOf(chains, { q: estimate({ kind: 'macs', macs: 10 }) }, 'q')).toEqual({ chain: chains[0], macs: null });
  });
});
