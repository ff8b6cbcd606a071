import type { Finding } from '../../../core/package/findings';
import { JumpToNode } from '../graph/JumpToNode';

const LABEL: Record<Finding['severity'], string> = { error: 'Problem', warning: 'Warning', ok: 'OK' };

export function FindingsSection({ findings }: { findings: readonly Finding[] }) {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  return (
    <section className="panel" aria-labelledby="findings-title">
      <h3 id="findings-title">Consistency checks</h3>
      <p>
        {findings.length === 0
          ? 'Nothing in the package describes the model, so there is nothing to cross-check.'
          : `${findings.length} checks: ${errors} problem${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`}
      </p>
      <ul className="findings" aria-label="Findings">
        {findings.map((f, i) => (
          <li key={`${f.code}-${i}`} className={`finding finding-${f.severity}`} data-severity={f.severity}>
            <span className="finding-label">{LABEL[f.severity]}</span> {f.message}
            {f.subject && (
              <>
                {' '}
                <JumpToNode name={f.subject}>Show “{f.subject}” in the graph</JumpToNode>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
