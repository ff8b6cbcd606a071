import { describe, expect, it } from 'vitest';
import { seededRandom } from './host-tensor';
import { compileFastLane, compileNumericCheck } from './row-fast-lane';
import { buildSignature, type Signature } from './signature';
import { TEST_SIGNATURES } from './signatures.fixture';
import { createRowValidator } from './validate-row';

const SIGNATURES: Signature[] = [TEST_SIGNATURES.iris(), TEST_SIGNATURES.wine(), TEST_SIGNATURES.floatAndInteger(), TEST_SIGNATURES.schemaRules(), TEST_SIGNATURES.unnamed()];

/** Cells as files and forms hold them: plain decimals, and every way a cell can be odd. */
const CELLS: unknown[] = ['1', '2.5', '0', '-0', '3', '3.0', '5', '6', '7.9', '1.1', '13.2', '1185.0', '278', '1e2', '2E-1', '.5', '5.', '+4', ' 2.9 ', '0x10', '1_000', '', ' ', 'NaN', '-inf', 'Infinity', '1e400', 'abc', 'true', '1,5', 2.5, 0, -1, 4, Number.POSITIVE_INFINITY, Number.NaN, true, false, null, undefined];

describe('the validator’s fast lane', () => {
  it('passes only rows the full check passes with no issue, with the same values, and declines the rest', () => {
    const random = seededRandom(11);
    let passed = 0;
    for (const signature of SIGNATURES) {
      const full = createRowValidator(signature, { fastLane: false });
      const quick = createRowValidator(signature);
      const n = signature.features.length;
      for (let i = 0; i < 4000; i++) {
        // Mostly good-looking cells, so that both answers are common.
        const row = Array.from({ length: n }, () => (random() < 0.85 ? CELLS[Math.floor(random() * 13)] : CELLS[Math.floor(random() * CELLS.length)]));
        const expected = full.check(row);
        const got = quick.check(row);
        expect(got, JSON.stringify(row)).toEqual(expected);
        // The lane's answer shares one frozen empty list of issues; the full check makes its own.
        if (Object.isFrozen(got.issues)) passed++;
      }
    }
    // The lane is taken, not merely harmless.
    expect(passed).toBeGreaterThan(2000);
    expect(passed).toBeLessThan(SIGNATURES.length * 4000);
  });

  it('is not built for features it cannot read as plain numbers', () => {
    const mixed = buildSignature({ metadata: { feature_names: ['x', 'flag'], feature_types: { x: 'float64', flag: 'bool' } }, mlmodel: null, inputs: [{ name: 'input', dtype: 'float32', shape: ['N', 2] }] });
    expect(compileNumericCheck(mixed.features, null)).toBeNull();
    expect(compileFastLane(mixed.features, compileNumericCheck(mixed.features, null))).toBeNull();
  });
});
