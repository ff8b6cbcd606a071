import type { BatchSummary } from '../../../core/schema/batch-summary';

const fmt = (v: number, decimals: number): string => v.toFixed(Math.max(decimals, 4));

/** Measured metrics next to the recorded ones, and the confusion matrix of a classifier. */
export function MetricsCheck({ summary, evaluation, partial }: { summary: BatchSummary; evaluation: boolean; partial: boolean }) {
  const { classification, regression, comparisons, labelled, classes } = summary;
  if (!classification && !regression) {
    return <p className="muted">The file has no label column (target / label / y, or metadata.json’s target_column), so no metrics were computed.</p>;
  }
  const measured: [string, number][] = classification
    ? [
        ['Accuracy', classification.accuracy],
        ['F1 (macro)', classification.f1Macro],
      ]
    : [
        ['RMSE', regression!.rmse],
        ['MAE', regression!.mae],
        ['R²', regression!.r2],
      ];
  const all = comparisons.filter((c) => c.status !== 'not-computed');
  const reproduced = all.length > 0 && all.every((c) => c.status === 'reproduced');
  return (
    <div className="metrics-check" data-testid="metrics-check">
      <h4 id="metrics-title" tabIndex={-1}>
        Metrics on {labelled.toLocaleString('en-US')} labelled rows{partial ? ' (stopped early: partial)' : ''}</h4>
      <dl className="metrics">
        {measured.map(([name, value]) => (
          <div key={name} className="metric">
            <dt className="metric-name">{name}</dt>
            <dd className="metric-value">{Number.isFinite(value) ? value.toFixed(4) : '—'}</dd>
          </div>
        ))}
      </dl>
      {comparisons.length > 0 && (
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
                  <td>
                    {c.status === 'reproduced'
                      ? 'reproduced'
                      : c.status === 'differs'
                        ? `differs by ${c.difference! >= 0 ? '+' : ''}${c.difference!.toFixed(Math.max(c.decimals, 4))}`
                        : 'not computed here'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {all.length > 0 && (
            <p role="status" className={reproduced ? 'finding finding-ok' : 'finding finding-warning'} data-testid="metrics-verdict">
              {reproduced
                ? `Every recorded metric is reproduced to its printed precision${evaluation ? ': the package holds everything the model needs.' : '.'}`
                : evaluation
                  ? 'Some recorded metrics are not reproduced: the package may miss preprocessing that training applied (training–serving skew), or the metrics were measured on other data.'
                  : 'Your file gives other figures than the recorded ones, as expected for other data.'}
            </p>
          )}
        </>
      )}
      {classification && classes.length > 0 && classes.length <= 30 && (
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
      )}
    </div>
  );
}
