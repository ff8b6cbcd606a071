import { describe, expect, it } from 'vitest';
import { nestsDeeperThan, parseJsonBody } from './json-body';
import { decodeJsonTensors } from './json-tensors';
import type { FoundTensor } from './found-tensor';

const decode = (value: unknown): FoundTensor[] => {
  const r = decodeJsonTensors(typeof value === 'string' ? value : JSON.stringify(value), 'body.json');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const failure = (value: unknown): string => {
  const r = decodeJsonTensors(typeof value === 'string' ? value : JSON.stringify(value), 'body.json');
  if (r.ok) throw new Error('expected a failure');
  return r.error.message;
};
const brief = (f: FoundTensor): unknown => (f.kind === 'loose' ? { name: f.name, dims: f.dims, values: f.values } : { name: f.name, dtype: f.tensor.dtype, dims: f.tensor.dims });

describe('JSON tensor bodies', () => {
  it('MLflow inputs: named, or one unnamed tensor', () => {
    expect(decode({ inputs: { a: [[1, 2]], b: 3 } }).map(brief)).toEqual([
      { name: 'a', dims: [1, 2], values: [1, 2] },
      { name: 'b', dims: [], values: [3] },
    ]);
    expect(decode({ inputs: [[1], [2]] }).map(brief)).toEqual([{ name: null, dims: [2, 1], values: [1, 2] }]);
    expect(decode([true, false]).map(brief)).toEqual([{ name: null, dims: [2], values: [true, false] }]);
    expect(decode({ x: [1] }).map(brief)).toEqual([{ name: 'x', dims: [1], values: [1] }]);
  });

  it('MLflow instances: per-example values or per-example objects, stacked; or an object of named lists', () => {
    expect(decode({ instances: [[1, 2], [3, 4], [5, 6]] }).map(brief)).toEqual([{ name: null, dims: [3, 2], values: [1, 2, 3, 4, 5, 6] }]);
    expect(decode({ instances: [{ ids: [1, 2], sr: 8000 }, { ids: [3, 4], sr: 16000 }] }).map(brief)).toEqual([
      { name: 'ids', dims: [2, 2], values: [1, 2, 3, 4] },
      { name: 'sr', dims: [2], values: [8000, 16000] },
    ]);
    expect(decode({ instances: { ids: [[1, 2]] } }).map(brief)).toEqual([{ name: 'ids', dims: [1, 2], values: [1, 2] }]);
    expect(failure({ instances: [{ a: 1 }, { b: 2 }] })).toBe('Example 1 of "instances" in “body.json” names b, but example 0 names a.');
    expect(failure({ instances: [{ a: 1 }, 2] })).toBe('“body.json” mixes objects and plain values in "instances".');
    expect(failure({ instances: [] })).toBe('“body.json” has an empty "instances" list.');
    expect(failure({ instances: [{ a: [1, 2] }, { a: [3] }] })).toBe('“a” in “body.json” is not rectangular: at [1] there are 1 values where the first row has 2.');
  });

  it('the app\'s own documents, typed by their dtype', () => {
    const [t] = decode({ outputs: { y: { dims: [2], dtype: 'int64', data: ['9223372036854775807', 1] } } });
    expect(t!.kind === 'typed' && Array.from(t!.tensor.data as BigInt64Array)).toEqual([9223372036854775807n, 1n]);
    expect(failure({ inputs: { y: { dims: [3], dtype: 'float32', data: [1, 2] } } })).toBe('“y” in “body.json” has 2 values, but its dims [3] need 3.');
    expect(failure({ inputs: { y: { dims: [1], dtype: 'float128', data: [1] } } })).toBe('“y” in “body.json” has dtype "float128", which is not an element type (float32, int64, bool, string…).');
    expect(failure({ inputs: { y: { dims: [-1], data: [] } } })).toMatch(/has dims \["-1"\], which are not sizes/);
  });

  it('reads integers beyond 2^53 from their digits and bounds nesting without recursion', () => {
    const parsed = parseJsonBody('[9007199254740993, 1.5, -0, 123456789012345678901234567890]', 'x.json');
    expect(parsed.ok && parsed.value).toEqual([9007199254740993n, 1.5, -0, 123456789012345678901234567890n]);
    expect(nestsDeeperThan('[[["[[[[["]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[1]]]]', 3)).toBe(true);
    expect(nestsDeeperThan(`{"a": "\\"[[[[["}`, 1)).toBe(false);
    expect(failure('{"a": 1, "a": 2}')).toBe('“body.json” is not valid JSON (line 1, column 11: Duplicate key \'a\').');
    expect(failure('NaN')).toMatch(/is not valid JSON \(line 1, column 1: JSON value expected but got 'N'\)/);
  });
});
