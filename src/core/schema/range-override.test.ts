import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canPredictAnyway, outsideRanges } from './range-override';
import { buildSignature } from './signature';
import { createRowValidator } from './validate-row';

const metadata = JSON.parse(readFileSync(new URL('../../../public/examples/iris-pipeline/metadata.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const check = createRowValidator(buildSignature({ metadata, mlmodel: null, inputs: [{ name: 'float_input', dtype: 'float32', shape: ['batch', 4] }] })).check;

describe('predict anyway', () => {
  it('is offered when the only errors are values outside a declared range, and the result says which', () => {
    const out = check(['9', '2.9', '5', '1.8']);
    expect(out.runnable).toBe(false);
    expect(canPredictAnyway(out.issues)).toBe(true);
    expect(out.values).toEqual([9, 2.9, 5, 1.8]);
    expect(outsideRanges(out.issues)).toEqual(['“sepal length (cm)” is 9, above the declared maximum 7.9 (input_schema).']);
  });

  it('is not offered for a missing value or text in a number, even beside a range error', () => {
    expect(canPredictAnyway(check(['9', '', '5', '1.8']).issues)).toBe(false);
    expect(canPredictAnyway(check(['abc', '2.9', '5', '1.8']).issues)).toBe(false);
    expect(canPredictAnyway(check(['7.3', '2.9', '6.3', '1.8']).issues)).toBe(false);
    expect(outsideRanges(check(['7.3', '2.9', '6.3', '1.8']).issues)).toEqual([]);
  });
});
