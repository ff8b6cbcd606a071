import { describe, expect, it } from 'vitest';
import { buildSignature } from './signature';
import { tableFromJson } from './batch-json';

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
