import { describe, expect, it } from 'vitest';
import { accuracyCost, assembleComparison, eligibility, quantizationOf, signatureKey, type CompareCandidateInfo } from './compare';
import { measurement } from './measurement.fixture';
import { parseExampleIndex } from '../package/example-index';

const csv = (text: string): Uint8Array => new TextEncoder().encode(text);
const info = (id: string, extra: Partial<CompareCandidateInfo> = {}): CompareCandidateInfo => ({ id, name: id, ready: true, signature: 'x:float32[?,4]', evaluationCsv: csv('a,b\n1,2\n'), ...extra });

describe('signatureKey', () => {
  it('ignores input order and symbolic dimension names', () => {
    const a = signatureKey([{ name: 'x', dtype: 'float32', shape: ['batch', 4] }, { name: 'y', dtype: 'int64', shape: [1] }]);
    const b = signatureKey([{ name: 'y', dtype: 'int64', shape: [1] }, { name: 'x', dtype: 'float32', shape: ['N', 4] }]);
    expect(a).toBe(b);
    expect(signatureKey([{ name: 'x', dtype: 'float64', shape: ['N', 4] }])).not.toBe(signatureKey([{ name: 'x', dtype: 'float32', shape: ['N', 4] }]));
  });
});

describe('eligibility', () => {
  it('needs the first model to have an evaluation CSV', () => {
    expect(eligibility(null, info('a')).eligible).toBe(true);
    const none = eligibility(null, info('a', { evaluationCsv: null }));
    expect(none.eligible).toBe(false);
    expect(none.reason).toMatch(/no evaluation CSV/);
  });
  it('accepts the same CSV even when the inputs differ', () => {
    const r = eligibility(info('a'), info('b', { signature: 'input:float32[?,4]' }));
    expect(r).toEqual({ eligible: true, reason: 'same evaluation CSV as a' });
  });
  it('accepts the same input signature with another CSV', () => {
    const r = eligibility(info('a'), info('b', { evaluationCsv: csv('other\n') }));
    expect(r).toEqual({ eligible: true, reason: 'same input signature as a' });
  });
  it('refuses a model that shares neither, or is still loading', () => {
    expect(eligibility(info('a'), info('b', { signature: 'img:float32[1,64]', evaluationCsv: null }))).toEqual({ eligible: false, reason: 'neither its inputs nor its evaluation CSV match a' });
    expect(eligibility(info('a'), info('b', { ready: false })).eligible).toBe(false);
  });
});

const m = measurement;

describe('assembleComparison', () => {
  it('marks the frontier and names the best model under the budget', () => {
    const r = assembleComparison([m('fast', 0.9, 0.1), m('slow-good', 0.98, 2), m('dominated', 0.85, 1)], 1.5);
    expect(r.frontier.map((x) => x.id)).toEqual(['fast', 'slow-good']);
    expect(r.rows.find((x) => x.id === 'dominated')!.pareto).toBe(false);
    expect(r.best?.id).toBe('fast');
    expect(assembleComparison([m('fast', 0.9, 0.1), m('slow-good', 0.98, 2)], 5).best?.id).toBe('slow-good');
  });
  it('says when nothing fits the budget', () => {
    expect(assembleComparison([m('a', 0.9, 3), m('b', 0.95, 4)], 1).best).toBeNull();
  });
  it('uses lower-is-better for RMSE', () => {
    const r = assembleComparison([m('a', 2.0, 1, { metricKind: 'rmse' }), m('b', 1.0, 1, { metricKind: 'rmse' })], 10);
    expect(r.metricKind).toBe('rmse');
    expect(r.frontier.map((x) => x.id)).toEqual(['b']);
    expect(r.best?.id).toBe('b');
  });
  it('leaves unmeasured models off the chart', () => {
    const r = assembleComparison([m('a', 0.9, 1), m('b', null, null, { problem: 'cancelled' })], 10);
    expect(r.unplotted.map((x) => x.id)).toEqual(['b']);
    expect(r.rows.find((x) => x.id === 'b')!.pareto).toBe(false);
  });
  it('gives reduced-precision variants their accuracy cost against the base model', () => {
    const r = assembleComparison(
      [m('base', 0.9556, 5, { identity: 'mlp-large' }), m('int8', 0.9511, 4, { identity: 'mlp-large-int8', variantOf: 'mlp-large', quantization: 'int8' }), m('fp16', 0.9556, 5, { variantOf: 'absent' })],
      10,
    );
    const int8 = r.rows.find((x) => x.id === 'int8')!;
    expect(int8.accuracyCost).toBeCloseTo(-0.0045, 10);
    expect(int8.costBase).toBe('base');
    expect(r.rows.find((x) => x.id === 'fp16')!.accuracyCost).toBeNull();
    expect(r.rows.find((x) => x.id === 'base')!.accuracyCost).toBeNull();
  });
  it('accuracyCost is variant minus base', () => {
    expect(accuracyCost(0.9, 0.95)).toBeCloseTo(-0.05, 12);
  });
});

describe('quantizationOf and the example index', () => {
  it('reads the quantization block', () => {
    expect(quantizationOf({ quantization: { weights: 'int8', source_model: 'mlp-large' } })).toEqual({ weights: 'int8', sourceModel: 'mlp-large' });
    expect(quantizationOf({ quantization: 'x' })).toEqual({ weights: null, sourceModel: null });
    expect(quantizationOf(null)).toEqual({ weights: null, sourceModel: null });
  });
  it('keeps family and variantOf', () => {
    const [a, b] = parseExampleIndex({ examples: [{ id: 'm-int8', family: 'digits-mlp', variantOf: 'm' }, { id: 'x' }] });
    expect(a).toMatchObject({ family: 'digits-mlp', variantOf: 'm' });
    expect(b).toMatchObject({ family: null, variantOf: null });
  });
});
