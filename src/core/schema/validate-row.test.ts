import { describe, expect, it } from 'vitest';
import { buildSignature } from './signature';
import { createRowValidator } from './validate-row';
import { exampleMetadata as metadataOf } from './signatures.fixture';

const iris = buildSignature({ metadata: metadataOf('iris-pipeline'), mlmodel: null, inputs: [{ name: 'float_input', dtype: 'float32', shape: ['batch', 4] }] });
const wine = buildSignature({ metadata: metadataOf('wine-mlflow'), mlmodel: null, inputs: [{ name: 'input', dtype: 'float32', shape: ['batch', 13] }] });
const WINE_ROW = ['13.16', '2.36', '2.67', '18.6', '101.0', '2.8', '3.24', '0.3', '2.81', '5.68', '1.03', '3.17', '1185.0'];

describe('createRowValidator', () => {
  const check = createRowValidator(iris).check;

  it('accepts a good row and types its values', () => {
    expect(check(['7.3', ' 2.9 ', 6.3, '1.8'])).toEqual({ values: [7.3, 2.9, 6.3, 1.8], issues: [], runnable: true });
  });

  it('names the field and the declared limit when a value is out of the declared range (an error)', () => {
    const result = check(['7.3', '2.9', '0.5', '1.8']);
    expect(result.runnable).toBe(false);
    expect(result.issues).toEqual([
      { field: 'petal length (cm)', severity: 'error', rule: 'range', message: '“petal length (cm)” is 0.5, below the declared minimum 1.1 (input_schema).' },
    ]);
    expect(check(['9', '2.9', '5', '1.8']).issues[0]!.message).toBe('“sepal length (cm)” is 9, above the declared maximum 7.9 (input_schema).');
  });

  it('warns, but lets the row run, outside the training range', () => {
    const wineCheck = createRowValidator(wine).check;
    const row = [...WINE_ROW];
    row[12] = '1680';
    const result = wineCheck(row);
    expect(result.runnable).toBe(true);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ field: 'proline', severity: 'warning', rule: 'training-range' });
    expect(result.issues[0]!.message).toMatch(/“proline” is 1680, outside the training range 278 to 1515/);
  });

  it('handles a feature name with a slash (a JSON Pointer ~1) in ajv’s errors', () => {
    const strict = buildSignature({
      metadata: { feature_names: ['od280/od315'], input_schema: { type: 'object', properties: { 'od280/od315': { type: 'number', maximum: 4 } }, required: ['od280/od315'] } },
      mlmodel: null,
      inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 1] }],
    });
    expect(createRowValidator(strict).check(['5']).issues[0]).toMatchObject({ field: 'od280/od315', rule: 'range' });
  });

  it('rejects NaN and Infinity, text in a number, and missing required values', () => {
    expect(check(['NaN', '2.9', '6.3', '1.8']).issues).toEqual([
      expect.objectContaining({ field: 'sepal length (cm)', rule: 'not-finite', severity: 'error' }),
    ]);
    expect(check([Infinity, '2.9', '6.3', '1.8']).issues[0]!.rule).toBe('not-finite');
    expect(check(['-inf', '2.9', '6.3', '1.8']).issues[0]!.rule).toBe('not-finite');
    expect(check(['abc', '2.9', '6.3', '1.8']).issues).toEqual([
      { field: 'sepal length (cm)', severity: 'error', rule: 'type', message: '“sepal length (cm)” must be a number, not “abc”.' },
    ]);
    const missing = check(['7.3', '', '6.3', null]);
    expect(missing.runnable).toBe(false);
    expect(missing.issues.map((i) => [i.field, i.rule])).toEqual([
      ['sepal width (cm)', 'missing'],
      ['petal width (cm)', 'missing'],
    ]);
    expect(missing.issues[0]!.message).toMatch(/required/);
  });

  it('never cites an input_schema that the package does not have', () => {
    const positional = buildSignature({ metadata: null, mlmodel: null, inputs: [{ name: 'x', dtype: 'float32', shape: ['N', 3] }] });
    const missing = createRowValidator(positional).check(['1', '', '2']);
    expect(missing.issues).toEqual([{ field: 'feature_1', severity: 'error', rule: 'missing', message: '“feature_1” has no value; the model needs one for every feature.' }]);
    expect(check(['7.3', '', '6.3', '1.8']).issues[0]!.message).toBe('“sepal width (cm)” is required (input_schema lists it under “required”) but has no value.');
  });

  it('checks types, enums and booleans from the schema, and requires every value', () => {
    const s = buildSignature({
      metadata: {
        feature_names: ['rooms', 'colour', 'garden', 'note'],
        input_schema: { type: 'object', properties: { rooms: { type: 'integer' }, colour: { enum: ['red', 'blue'] }, garden: { type: 'boolean' }, note: { type: 'string' } }, required: ['rooms'] },
      },
      mlmodel: null,
      inputs: ['rooms', 'colour', 'garden', 'note'].map((name) => ({ name, dtype: 'string' as const, shape: ['N', 1] })),
    });
    const v = createRowValidator(s).check;
    expect(v(['3', 'red', 'yes', 'x'])).toEqual({ values: [3, 'red', true, 'x'], issues: [], runnable: true });
    const bad = v(['2.5', 'green', 'maybe', '']);
    expect(bad.issues.map((i) => [i.field, i.rule])).toEqual([
      ['rooms', 'type'],
      ['garden', 'type'],
      ['colour', 'enum'],
      ['note', 'missing'],
    ]);
    expect(bad.issues[0]!.message).toBe('“rooms” must be a whole number, not 2.5.');
    expect(bad.issues[2]!.message).toBe('“colour” is "green", not one of the allowed values "red", "blue".');
  });

  it('reads numbers only in decimal or scientific notation: 0x10, 1_000, 0b11 are not numbers', () => {
    const s = buildSignature({ metadata: { feature_names: ['x', 'n'], feature_types: { x: 'float64', n: 'int64' } }, mlmodel: null, inputs: [{ name: 'input', dtype: 'float32', shape: ['N', 2] }] });
    const v = createRowValidator(s).check;
    expect(v(['1e-3', '7']).values).toEqual([0.001, 7]);
    expect(v([' -2.5E+2 ', '+3']).values).toEqual([-250, 3]);
    expect(v(['.5', '10.']).values).toEqual([0.5, 10]);
    for (const text of ['0x10', '1_000', '0b11', '0o7', '1,5', '1e', 'Infinityx']) {
      const check = v([text, '1']);
      expect(check.runnable, text).toBe(false);
      expect(check.issues[0]).toMatchObject({ field: 'x', rule: 'type', message: `“x” must be a number, not “${text}”.` });
    }
  });
});
