import { describe, expect, it } from 'vitest';
import { buildSignature } from './signature';
import { parseBatchJson, tableFromJson } from './batch-json';

const s = buildSignature({ metadata: { feature_names: ['a', 'b'] }, mlmodel: null, inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 2] }] });
const table = (doc: unknown) => {
  const r = tableFromJson(doc, s);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe('tableFromJson', () => {
  it('reads every MLflow request form', () => {
    expect(table({ dataframe_split: { columns: ['b', 'a'], data: [[2, 1], [4, 3]] } })).toEqual({ columns: ['b', 'a'], rows: [[2, 1], [4, 3]], form: 'dataframe_split' });
    expect(table({ dataframe_records: [{ a: 1, b: 2 }, { b: 4, a: 3, c: 0 }] })).toEqual({ columns: ['a', 'b', 'c'], rows: [[1, 2, null], [3, 4, 0]], form: 'dataframe_records' });
    expect(table({ instances: [{ a: 1, b: 2 }] }).form).toBe('instances');
    expect(table({ instances: [[1, 2], [3, 4]] })).toEqual({ columns: ['a', 'b'], rows: [[1, 2], [3, 4]], form: 'instances' });
    expect(table({ inputs: { a: [1, 3], b: [2, 4] } })).toEqual({ columns: ['a', 'b'], rows: [[1, 2], [3, 4]], form: 'inputs' });
    expect(table({ inputs: { x: [[1, 2], [3, 4]] } })).toEqual({ columns: ['a', 'b'], rows: [[1, 2], [3, 4]], form: 'inputs' });
    expect(table([{ a: 1, b: 2 }]).form).toBe('dataframe_records');
    expect(table({ columns: ['a', 'b'], data: [[1, 2]] }).form).toBe('dataframe_split');
  });

  it('explains what is wrong with a malformed batch', () => {
    const fail = (doc: unknown): string => {
      const r = tableFromJson(doc, s);
      if (r.ok) throw new Error('expected a failure');
      return r.error.message;
    };
    expect(fail({ dataframe_split: { columns: ['a', 'b'], data: [[1, 2], [3]] } })).toMatch(/Row 2 of “dataframe_split.data” does not have 2 values/);
    expect(fail({ instances: [[1, 2, 3]] })).toMatch(/Row 1 of “instances” holds 3 values, but the model has 2 features/);
    expect(fail({ inputs: { a: [1, 2], b: [1] } })).toMatch(/different lengths/);
    expect(fail({ hello: 1 })).toMatch(/not a batch/);
  });
});

describe('parseBatchJson', () => {
  it('refuses a body nested 100,000 levels deep at once, saying where', () => {
    const started = performance.now();
    const result = parseBatchJson('deep.json', `{"inputs": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(!result.ok && result.error.message).toBe('deep.json is not valid JSON (line 1, column 111: nested more than 100 levels deep, which no real file needs).');
    expect(!result.ok && result.error.hint).toMatch(/A batch is a table/);
  });

  it('reads an ordinary body', () => {
    expect(parseBatchJson('b.json', '{"instances": [[1, 2]]}')).toEqual({ ok: true, value: { instances: [[1, 2]] } });
  });
});
