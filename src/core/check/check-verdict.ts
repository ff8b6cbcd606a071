import type { CheckRun } from './check-data-sets';
import type { CaseResult } from './check-report';
import type { TensorComparison } from './compare-tensors';

/** A difference as people read it: 0, 3.2e-7, 0.0015, 12, ∞; a dash when not applicable. */
export function differenceText(value: number | null): string {
  if (value === null) return '—';
  if (!Number.isFinite(value)) return '∞';
  if (value === 0) return '0';
  return value < 1e-3 || value >= 1e5 ? value.toExponential(1) : String(Number(value.toPrecision(2)));
}

export const casePasses = (c: CaseResult): boolean => !c.error && Object.keys(c.outputs).length > 0 && Object.values(c.outputs).every((o) => o.pass);

/** What is wrong with one output, in a line: the problem, or how many elements and the worst one. */
export function outputProblem(name: string, c: TensorComparison): string {
  if (c.problem) return `output “${name}”: ${c.problem}`;
  const worst = c.worst ? ` (worst at [${c.worst.index.join(', ')}]: expected ${c.worst.expected}, got ${c.worst.got})` : '';
  return `output “${name}”: ${c.mismatched.toLocaleString('en-US')} of ${c.count.toLocaleString('en-US')} elements ${c.exact ? 'differ' : 'outside the tolerance'}${worst}`;
}

export interface CheckVerdict {
  /** Every case ran and passed (false when cancelled or nothing ran). */
  readonly pass: boolean;
  readonly headline: string;
  /** One line per failing case, then the backend agreement. */
  readonly details: readonly string[];
}

function caseLine(c: CaseResult, label: (backend: string) => string): string {
  const where = `${c.name} on ${label(c.backend)}`;
  if (c.error) return `${where} did not run: ${c.error.message}`;
  const bad = Object.entries(c.outputs).filter(([, o]) => !o.pass);
  return `${where}: ${bad.map(([name, o]) => outputProblem(name, o)).join('; ')}`;
}

function agreementLines(run: CheckRun, label: (backend: string) => string): string[] {
  const rows = run.agreement.flatMap((a) => a.agreement.rows.map((r) => ({ ...r, name: a.name })));
  if (rows.length === 0) return [];
  const baseline = label(rows[0]!.baseline);
  const others = [...new Set(rows.map((r) => r.backend))].map(label).join(' and ');
  const differing = rows.filter((r) => !r.comparison.pass);
  if (differing.length === 0) {
    const largest = Math.max(...rows.map((r) => r.comparison.maxAbs ?? 0));
    return [`Backends agree: ${others} gave the same outputs as ${baseline} within the tolerance on every data set (largest difference ${differenceText(largest)}).`];
  }
  return differing.map((r) => `${label(r.backend)} differs from ${baseline} by ${differenceText(r.comparison.maxAbs)} on ${outputProblem(r.output, r.comparison)} of ${r.name}.`);
}

/** The headline of a check: pass or fail, how many cases, on which backends, and what differs. */
export function checkVerdict(run: CheckRun, total: number, label: (backend: string) => string = (b) => b): CheckVerdict {
  const failing = run.cases.filter((c) => !casePasses(c));
  const backends = [...new Set(run.cases.map((c) => label(c.backend)))].join(' and ');
  const sets = new Set(run.cases.map((c) => c.name)).size;
  const details = [...failing.map((c) => caseLine(c, label)), ...agreementLines(run, label)];
  if (run.cancelled) {
    return { pass: false, headline: `Cancelled after ${run.cases.length} of ${total} cases (${run.cases.length - failing.length} passed): no verdict.`, details };
  }
  if (run.cases.length === 0) return { pass: false, headline: 'Nothing was checked: the package has no data set to run.', details };
  if (failing.length === 0) {
    return { pass: true, headline: `Pass: all ${run.cases.length} case${run.cases.length === 1 ? '' : 's'} (${sets} data set${sets === 1 ? '' : 's'} on ${backends}) give the expected outputs within the tolerance.`, details };
  }
  const errors = failing.filter((c) => c.error).length;
  const what = errors === failing.length ? 'could not run' : errors > 0 ? 'fail or could not run' : 'differ from the expected outputs';
  return { pass: false, headline: `Fail: ${failing.length} of ${run.cases.length} case${run.cases.length === 1 ? '' : 's'} ${what}.`, details };
}
