import { describe, expect, it } from 'vitest';
import { boundJson, previewJson } from './json-budget';

describe('boundJson', () => {
  it('keeps ordinary values whole', () => {
    const value = { a: [1, 2, 3], b: { c: 'text' } };
    expect(boundJson(value)).toEqual({ value, cuts: [] });
  });

  it('cuts a 7,000,000-item array to its head, saying its size and where it was', () => {
    const big = new Array<number>(7_000_000).fill(1);
    const started = performance.now();
    const { value, cuts } = boundJson({ meta: { big } });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(cuts).toEqual([{ path: 'meta.big', kind: 'array', size: 7_000_000 }]);
    expect((value as { meta: { big: { $truncated: string; size: number; head: number[] } } }).meta.big).toMatchObject({ $truncated: 'array', size: 7_000_000 });
  });

  it('cuts long text and objects with too many fields', () => {
    const { cuts } = boundJson({ s: 'x'.repeat(20), o: { a: 1, b: 2, c: 3 } }, { items: 2, chars: 10, values: 100, head: 1 });
    expect(cuts).toEqual([
      { path: 's', kind: 'string', size: 20 },
      { path: 'o', kind: 'object', size: 3 },
    ]);
  });
});

describe('previewJson', () => {
  it('shows a big array cut, with its size: “array of 7,000,000 items, first 100 shown”', () => {
    const text = previewJson(new Array<number>(7_000_000).fill(0));
    expect(text).toContain('… array of 7,000,000 items, first 100 shown');
    expect(text.split('\n').length).toBeLessThan(110);
  });

  it('shows a value already cut by boundJson the same way', () => {
    const { value } = boundJson(new Array<number>(200_000).fill(0));
    expect(previewJson(value)).toMatch(/^\[\n "… array of 200,000 items, first 100 shown",/);
  });

  it('keeps short strings as they are and cuts long ones, and caps the whole text', () => {
    expect(previewJson('plain')).toBe('plain');
    expect(previewJson('y'.repeat(3000))).toMatch(/… text of 3,000 characters, first 2,000 shown"$/);
    const wide = previewJson(Array.from({ length: 100 }, () => 'z'.repeat(1000)));
    expect(wide).toMatch(/\n… [\d,]+ more characters not shown$/);
  });
});
