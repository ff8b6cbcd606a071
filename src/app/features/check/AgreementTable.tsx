import type { CaseAgreement } from '../../../core/check/check-data-sets';
import { differenceText } from '../../../core/check/check-verdict';

/** The same inputs on each backend, next to the first backend's outputs: no reference needed. */
export function AgreementTable({ agreement, labels }: { agreement: readonly CaseAgreement[]; labels: Readonly<Record<string, string>> }) {
  const rows = agreement.flatMap((a) => a.agreement.rows.map((r) => ({ ...r, name: a.name })));
  if (rows.length === 0) return null;
  const label = (b: string): string => labels[b] ?? b;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Backend agreement (scrolls sideways)">
      <table className="data-table numeric" data-testid="agreement-table">
        <caption>Backend agreement: the same inputs, each backend against {label(rows[0]!.baseline)}</caption>
        <thead>
          <tr>
            <th scope="col">Data set</th>
            <th scope="col">Output</th>
            <th scope="col">Backend</th>
            <th scope="col">Max |diff|</th>
            <th scope="col">Max relative diff</th>
            <th scope="col">Outside tolerance</th>
            <th scope="col">Agree?</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.name}-${r.output}-${r.backend}`} data-pass={r.comparison.pass ? 'true' : 'false'}>
              <th scope="row">{r.name}</th>
              <td>
                <code>{r.output}</code>
              </td>
              <td>
                {label(r.backend)} vs {label(r.baseline)}
              </td>
              <td>{differenceText(r.comparison.maxAbs)}</td>
              <td>{differenceText(r.comparison.maxRel)}</td>
              <td>{r.comparison.problem ?? r.comparison.mismatched.toLocaleString('en-US')}</td>
              <td className={r.comparison.pass ? 'check-pass' : 'check-fail'}>{r.comparison.pass ? 'agree' : 'DIFFER'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
