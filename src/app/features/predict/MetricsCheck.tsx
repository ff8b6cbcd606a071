import type { ClassificationMetrics } from '../../../core/metrics/classification';
import { coverageHeading, coverageNotes, type MetricsCoverage } from '../../../core/metrics/coverage';
import { comparisonResult, headlineMetrics, recordedMetricsVerdict } from '../../../core/metrics/metrics-check';
import type { MetricComparison } from '../../../core/metrics/recorded';
import type { BatchSummary } from '../../../core/schema/batch-summary';

const fmt = (v: number, decimals: number): string => v.toFixed(Math.max(decimals, 4));

/** The package's recorded metrics next to the measured ones, and the verdict on them. */
function RecordedComparison({ comparisons, evaluation, coverage }: { comparisons: readonly MetricComparison[]; evaluation: boolean; coverage: MetricsCoverage }) {
  if (comparisons.length === 0) return null;
  const verdict = recordedMetricsVerdict(comparisons, evaluation, coverage);
  return (
    <>
      <div className="table-scroll">
        <table className="data-table" data-testid="metrics-comparison">
          <caption>Recorded in metadata.json vs measured here{evaluation ? ' on the package’s evaluation set' : ' on your file (the recorded figures come from the package’s own evaluation set)'}</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Recorded</th>
              <th scope="col">Measured</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {comparisons.map((c) => (
              <tr key={c.key} className={c.status === 'reproduced' ? 'finding-ok' : c.status === 'differs' ? 'finding-warning' : undefined}>
                <td>
                  {c.label} <code>{c.key}</code>
                </td>
                <td>{c.recorded}</td>
                <td>{c.measured === null ? '—' : fmt(c.measured, c.decimals)}</td>
                <td>{comparisonResult(c)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {verdict && (
        <p role="status" className={verdict.reproduced ? 'finding finding-ok' : 'finding finding-warning'} data-testid="metrics-verdict">
          {verdict.text}
        </p>
      )}
    </>
  );
}

function ConfusionMatrix({ classification, classes }: { classification: ClassificationMetrics; classes: readonly string[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table confusion" data-testid="confusion-matrix">
        <caption>Confusion matrix: rows are the true class, columns the predicted one</caption>
        <thead>
          <tr>
            <th scope="col">true \ predicted</th>
            {classes.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {classification.confusion.map((row, t) => (
            <tr key={classes[t]}>
              <th scope="row">{classes[t]}</th>
              {row.map((n, p) => (
                <td key={p} className={n > 0 ? (t === p ? 'hit' : 'miss') : undefined}>
                  {n}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Measured metrics next to the recorded ones, and the confusion matrix of a classifier. */
export function MetricsCheck({ summary, evaluation, partial }: { summary: BatchSummary; evaluation: boolean; partial: boolean }) {
  const { classification, regression, comparisons, coverage, classes } = summary;
  const notes = coverageNotes(coverage);
  if (!classification && !regression) {
    if (notes.length > 0) {
      return (
        <div className="metrics-check" data-testid="metrics-check">
          <p className="finding finding-warning" data-testid="metrics-coverage">
            No metrics: no labelled row could be used. {notes.join(' ')}
          </p>
        </div>
      );
    }
    return <p className="muted">The file has no label column (target / label / y, or metadata.json’s target_column), so no metrics were computed.</p>;
  }
  return (
    <div className="metrics-check" data-testid="metrics-check">
      <h4 id="metrics-title" tabIndex={-1}>
        {coverageHeading(coverage)}
        {partial ? ' (stopped early: partial)' : ''}
      </h4>
      {notes.map((note) => (
        <p key={note} className="finding finding-warning" data-testid="metrics-coverage">
          {note}
        </p>
      ))}
      <dl className="metrics">
        {headlineMetrics(classification, regression).map(([name, value]) => (
          <div key={name} className="metric">
            <dt className="metric-name">{name}</dt>
            <dd className="metric-value">{Number.isFinite(value) ? value.toFixed(4) : '—'}</dd>
          </div>
        ))}
      </dl>
      <RecordedComparison comparisons={comparisons} evaluation={evaluation} coverage={coverage} />
      {classification && classes.length > 0 && classes.length <= 30 && <ConfusionMatrix classification={classification} classes={classes} />}
    </div>
  );
}
