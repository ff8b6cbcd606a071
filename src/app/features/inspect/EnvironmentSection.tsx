import type { EnvironmentSource } from '../../../core/package/environment';
import type { PackageInspection } from '../../../core/package/inspection';

const STATUS: Record<'agree' | 'disagree' | 'partial', string> = { agree: 'agree', disagree: 'DISAGREE', partial: 'not everywhere' };

export function EnvironmentSection({ inspection }: { inspection: PackageInspection }) {
  const sources = [...new Set(inspection.dependencies.flatMap((d) => Object.keys(d.versions)))] as EnvironmentSource[];
  return (
    <section className="panel" aria-labelledby="env-title">
      <h3 id="env-title">Training environment</h3>
      <p className="muted">Versions each file pins. A model exported under one version may not load under another.</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>Dependencies</caption>
          <thead>
            <tr>
              <th scope="col">Package</th>
              {sources.map((s) => (
                <th key={s} scope="col">
                  {s}
                </th>
              ))}
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {inspection.dependencies.map((d) => (
              <tr key={d.name} data-status={d.status}>
                <td>
                  <code>{d.name}</code>
                </td>
                {sources.map((s) => (
                  <td key={s}>{s in d.versions ? (d.versions[s] ?? 'any') : '—'}</td>
                ))}
                <td>{STATUS[d.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {inspection.unreadable.length > 0 && <p>Could not read: {inspection.unreadable.join('; ')}</p>}
    </section>
  );
}
