import { engineError, fail, ok, type Result } from '../protocol/engine-error';

/** How far a float may be from its expected value: `|got − expected| ≤ atol + rtol · |expected|`. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/** ONNX's backend-test defaults (onnx/backend/test/runner: rtol 1e-3, atol 1e-7). */
export const DEFAULT_TOLERANCE: Tolerance = Object.freeze({ rtol: 1e-3, atol: 1e-7 });

/** The rule in words, to state on screen and in the CLI's table. */
export function toleranceRule(t: Tolerance = DEFAULT_TOLERANCE): string {
  return `|got − expected| ≤ atol + rtol·|expected| with rtol ${t.rtol}, atol ${t.atol}; integers, booleans and strings must be equal; NaN equals NaN; ±Infinity only itself`;
}

export function withinTolerance(got: number, expected: number, t: Tolerance): boolean {
  return Math.abs(got - expected) <= t.atol + t.rtol * Math.abs(expected);
}

/** A tolerance the user typed: non-negative finite numbers. */
export function parseTolerance(rtol: string | number, atol: string | number): Result<Tolerance> {
  const r = Number(rtol);
  const a = Number(atol);
  if (!(Number.isFinite(r) && r >= 0) || !(Number.isFinite(a) && a >= 0) || String(rtol).trim() === '' || String(atol).trim() === '') {
    return fail(engineError('bad-input', `The tolerance must be two numbers ≥ 0 (rtol ${String(rtol)}, atol ${String(atol)}).`, `Use e.g. rtol ${DEFAULT_TOLERANCE.rtol} and atol ${DEFAULT_TOLERANCE.atol}, ONNX's own defaults.`));
  }
  return ok({ rtol: r, atol: a });
}
