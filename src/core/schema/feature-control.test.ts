import { describe, expect, it } from 'vitest';
import { featureHint, niceStep, numberControl } from './feature-control';
import type { Feature } from './signature';

const feature = (patch: Partial<Feature>): Feature => ({ name: 'x', kind: 'number', description: null, required: true, options: null, declared: null, training: null, sources: [], ...patch });

describe('niceStep', () => {
  it('gives about 100 positions at 1, 2 or 5 × a power of ten', () => {
    expect(niceStep(0, 10, false)).toBeCloseTo(0.1, 12);
    expect(niceStep(0, 150, false)).toBe(2);
    expect(niceStep(0, 7.9, false)).toBeCloseTo(0.1, 12);
    expect(niceStep(0, 30, false)).toBeCloseTo(0.5, 12);
    expect(niceStep(0, 10, true)).toBe(1);
    expect(niceStep(0, 1000, true)).toBe(10);
  });
});

describe('featureHint', () => {
  it('joins the description and the allowed and training ranges', () => {
    expect(featureHint(feature({}))).toBe('');
    expect(featureHint(feature({ description: 'Petal length (cm)', training: { min: 1, max: 6.9 } }))).toBe('Petal length (cm) · training range 1 to 6.9');
    expect(featureHint(feature({ declared: { min: 0, max: null }, training: { min: null, max: 3 } }))).toBe('allowed 0 to ∞; training range −∞ to 3');
  });
});

describe('numberControl', () => {
  it('clamps the slider to the range and reads the entry as a number only when it is one', () => {
    const f = feature({ training: { min: 0, max: 10 } });
    expect(numberControl(f, '12')).toEqual({ slider: { min: 0, max: 10, step: 0.1, value: 10 }, numeric: 12 });
    expect(numberControl(f, '').numeric).toBeUndefined();
    expect(numberControl(f, '').slider?.value).toBe(0);
    expect(numberControl(f, 'abc')).toEqual({ slider: { min: 0, max: 10, step: 0.1, value: 0 }, numeric: undefined });
  });
  it('has no slider without a range, and prefers the declared range to the training one', () => {
    expect(numberControl(feature({}), '3')).toEqual({ slider: null, numeric: 3 });
    expect(numberControl(feature({ kind: 'integer', declared: { min: 0, max: 1000 }, training: { min: 0, max: 5 } }), '3').slider).toEqual({ min: 0, max: 1000, step: 10, value: 3 });
  });
});
