import { describe, expect, it } from 'vitest';
import { depthExceededAt, lineColumn, MAX_JSON_DEPTH, parseJsonText } from './json-text';

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

describe('nesting depth', () => {
  it('refuses 100,000 levels before parsing, saying where, in well under a second', () => {
    const text = `{"inputs": ${'['.repeat(100_000)}1${']'.repeat(100_000)}}`;
    const started = performance.now();
    const result = parseJsonText(text);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.tooDeep).toBe(true);
    expect(!result.ok && result.reason).toBe(`line 1, column ${12 + MAX_JSON_DEPTH - 1}: nested more than ${MAX_JSON_DEPTH} levels deep, which no real file needs`);
  });

  it('counts brackets inside strings as text, and accepts the limit itself', () => {
    expect(depthExceededAt(`{"a": "${'['.repeat(500)}\\"${'{'.repeat(500)}"}`, 3)).toBe(-1);
    expect(depthExceededAt('[[[1]]]', 3)).toBe(-1);
    expect(depthExceededAt('[[[[1]]]]', 3)).toBe(3);
    expect(parseJsonText('[[[[1]]]]', 4)).toEqual({ ok: true, value: [[[[1]]]] });
  });
});
