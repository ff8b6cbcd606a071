import type { CaseResult } from '../../../core/check/check-report';
import type { TensorComparison } from '../../../core/check/compare-tensors';
import { differenceText } from '../../../core/check/check-verdict';

const shape = (dims: readonly number[]): string => `[${dims.join(', ')}]`;
const count = (n: number): string => n.toLocaleString('en-US');

function OutputRow({ c, name, output, label }: { c: CaseResult; name: string; output: TensorComparison; label: string }) {
  return (
    <tr data-pass={output.pass ? 'true' : 'false'}>
      <th scope="row">{c.name}</th>
      <td>{label}</td>
      <td>
        <code>{name}</code>
      </td>
      <td>
        {output.dtype} {shape(output.dims)}
      </td>
      <td>{count(output.count)}</td>
      <td>{differenceText(output.maxAbs)}</td>
      <td>{differenceText(output.maxRel)}</td>
      <td>{output.problem ?? count(output.mismatched)}</td>
      <td className={output.pass ? 'check-pass' : 'check-fail'}>{output.pass ? 'pass' : 'FAIL'}</td>
    </tr>
  );
}

/** One row per case and output: the figures the verdict rests on. */
export function CheckResultsTable({ cases, labels }: { cases: readonly CaseResult[]; labels: Readonly<Record<string, string>> }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Results per data set and output (scrolls sideways)">
      <table className="data-table numeric" data-testid="check-table">
        <caption>Each output of each data set against its expected value</caption>
        <thead>
          <tr>
            <th scope="col">Data set</th>
            <th scope="col">Backend</th>
            <th scope="col">Output</th>
            <th scope="col">Type and shape</th>
            <th scope="col">Elements</th>
            <th scope="col">Max |diff|</th>
            <th scope="col">Max relative diff</th>
            <th scope="col">Outside tolerance</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) =>
            c.error ? (
              <tr key={`${c.name}-${c.backend}`} data-pass="false">
                <th scope="row">{c.name}</th>
                <td>{labels[c.backend] ?? c.backend}</td>
                <td colSpan={6}>did not run: {c.error.message}</td>
                <td className="check-fail">FAIL</td>
              </tr>
            ) : (
              Object.entries(c.outputs).map(([name, output]) => <OutputRow key={`${c.name}-${c.backend}-${name}`} c={c} name={name} output={output} label={labels[c.backend] ?? c.backend} />)
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The elements that failed, so that a mismatch can be looked at rather than taken on trust. */
export function FailingElements({ cases, labels }: { cases: readonly CaseResult[]; labels: Readonly<Record<string, string>> }) {
  const failing = cases.flatMap((c) => Object.entries(c.outputs).filter(([, o]) => !o.pass && o.failures.length > 0).map(([name, o]) => ({ c, name, o })));
  if (failing.length === 0) return null;
  return (
    <div data-testid="failing-elements">
      <h4>Failing elements</h4>
      {failing.map(({ c, name, o }) => (
        <details key={`${c.name}-${c.backend}-${name}`} open={failing.length <= 3}>
          <summary>
            Output <code>{name}</code> of {c.name} on {labels[c.backend] ?? c.backend}: {count(o.mismatched)} of {count(o.count)} elements {o.exact ? 'differ' : 'outside the tolerance'}
            {o.failures.length < o.mismatched && `, the first ${o.failures.length} shown`}
          </summary>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`Failing elements of ${name} (scrolls sideways)`}>
            <table className="data-table numeric">
              <thead>
                <tr>
                  <th scope="col">Index</th>
                  <th scope="col">Expected</th>
                  <th scope="col">Got</th>
                  <th scope="col">|got − expected|</th>
                </tr>
              </thead>
              <tbody>
                {o.failures.map((f) => (
                  <tr key={f.index.join(',')}>
                    <th scope="row">{shape(f.index)}</th>
                    <td>{f.expected}</td>
                    <td>{f.got}</td>
                    <td>{differenceText(f.absError)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
    </div>
  );
}
