import type { InputIssue } from './validate-row';

/**
 * Learners explore extrapolation: a value outside a range the package declares stops a
 * prediction, but the user may still ask for one. Only range errors can be overridden; a
 * missing value, a wrong type or a bad shape cannot (the model cannot run on them).
 */
export function canPredictAnyway(issues: readonly InputIssue[]): boolean {
  const errors = issues.filter((i) => i.severity === 'error');
  return errors.length > 0 && errors.every((i) => i.rule === 'range');
}

/** What a prediction is marked with when its input lies outside a declared or training range: one line per value. */
export function outsideRanges(issues: readonly InputIssue[]): string[] {
  return issues.filter((i) => i.rule === 'range' || i.rule === 'training-range').map((i) => i.message);
}
