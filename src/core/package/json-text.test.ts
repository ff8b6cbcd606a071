import { describe, expect, it } from 'vitest';
import { lineColumn, parseJsonText } from './json-text';

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a": [1, 2]}')).toEqual({ ok: true, value: { a: [1, 2] } });
  });

  it('says where a trailing comma is, by line and column', () => {
    const result = parseJsonText('{\n  "a": 1,\n}\n');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^line 3, column 1: /);
  });

  it('places an unexpected end at the end of the text', () => {
    const result = parseJsonText('{\n "a": [1,');
    expect(!result.ok && result.reason).toMatch(/^line 2, column \d+/);
  });

  it('computes 1-based lines and columns', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
