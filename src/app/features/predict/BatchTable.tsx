import { memo, useId, useRef, useState } from 'react';
import { locateRow, ROW_SKIPPED, ROW_WARNING, rowValues, truthText } from '../../../core/schema/batch-chunk';
import type { Feature } from '../../../core/schema/signature';
import type { BatchState } from '../../store/predict-slice';
import { useRowWindow } from '../../ui/use-row-window';

const ROW_HEIGHT = 30;

/** 7.3 rather than 7.3000; six significant digits at most. */
const cellText = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '—');

interface BatchTableProps {
  readonly chunks: BatchState['chunks'];
  readonly match: BatchState['match'];
  /** Rows scored. */
  readonly rows: number;
  readonly features: readonly Feature[];
  /** The model's class names: a label given as an index is shown with its name, as the predictions are. */
  readonly classes: readonly string[] | null;
}

/**
 * Inputs and predictions of every scored row; only the rows in view are in the page.
 * Memoised on its rows: a download's progress changes the batch state ten times a second,
 * and laying out a virtual list of a million rows each time would cost the page its smoothness.
 */
export const BatchTable = memo(function BatchTable({ chunks, match, rows, features, classes }: BatchTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // A flagged row's reason: in its status cell, and in full below the table for the row focused or chosen.
  const [reason, setReason] = useState<{ row: number; text: string } | null>(null);
  const kind = chunks[0]?.predictions.kind ?? 'tensors';
  const label = match?.labelColumn ?? null;
  const columns = [
    '#',
    ...features.map((f) => f.name),
    ...(label ? [label] : []),
    ...(kind === 'classification' ? ['prediction', 'confidence'] : kind === 'regression' ? ['prediction'] : []),
    'status',
  ];
  // Equal-height rows, found by arithmetic: a million of them cost no more than ten.
  const view = useRowWindow(scroller, rows, ROW_HEIGHT, 10);
  const shown = Array.from({ length: Math.max(0, view.last - view.first + 1) }, (_, k) => view.first + k);
  const template = `4rem repeat(${columns.length - 2}, minmax(7.5rem, 1fr)) minmax(12rem, 2fr)`;
  const reasonId = `${useId()}-reason`;
  return (
    <>
      <div ref={scroller} className="batch-table batch-scroll" role="table" aria-label="Scored rows" aria-rowcount={rows + 1} tabIndex={0} data-testid="batch-table">
        <div role="rowgroup" className="batch-head-group">
          <div role="row" className="batch-row batch-head" style={{ gridTemplateColumns: template }} aria-rowindex={1}>
            {columns.map((c, i) => (
              <span role="columnheader" key={`${i}-${c}`} title={c}>
                {c}
              </span>
            ))}
          </div>
        </div>
        <div role="rowgroup" style={{ height: view.total, position: 'relative' }}>
          {shown.map((row) => {
            const found = locateRow(chunks, row);
            if (!found) return null;
            const { chunk, index } = found;
            const p = chunk.predictions;
            const status = chunk.status[index];
            const cells: string[] = [String(row + 1), ...rowValues(chunk.values, index).map((v) => (v === null ? '—' : typeof v === 'number' ? cellText(v) : String(v)))];
            if (label) cells.push(truthText(chunk.truth?.[index] ?? '', classes, chunk.predictions.labels ?? null));
            if (kind === 'classification') cells.push(status === ROW_SKIPPED ? '—' : p.className[index] ?? '', Number.isFinite(p.confidence[index]) ? p.confidence[index]!.toFixed(3) : '—');
            if (kind === 'regression') cells.push(status === ROW_SKIPPED ? '—' : cellText(p.values?.[index] ?? NaN));
            const note = chunk.notes.get(index);
            const flag = status === ROW_SKIPPED ? 'not scored' : status === ROW_WARNING ? 'warning' : 'ok';
            return (
              <div
                key={row}
                role="row"
                aria-rowindex={row + 2}
                className={`batch-row${status === ROW_SKIPPED ? ' skipped' : status === ROW_WARNING ? ' warned' : ''}`}
                style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${view.top(row)}px)` }}
              >
                {cells.map((c, i) => (
                  <span role="cell" key={i}>
                    {c}
                  </span>
                ))}
                <span role="cell">
                  {note && flag !== 'ok' ? (
                    <button
                      type="button"
                      className="row-reason"
                      aria-label={`Row ${row + 1}, ${flag}: ${note}`}
                      aria-controls={reasonId}
                      onFocus={() => setReason({ row: row + 1, text: `${flag}: ${note}` })}
                      onClick={() => setReason({ row: row + 1, text: `${flag}: ${note}` })}
                    >
                      {flag}: {note}
                    </button>
                  ) : (
                    flag
                  )}
                </span>
              </div>
            );
          })}
        </div>
      </div>
      <p id={reasonId} className="row-reason-full" role="status" data-testid="row-reason">
        {reason ? `Row ${reason.row}, ${reason.text}` : chunks.some((c) => c.notes.size > 0) ? 'Flagged rows say why in their status cell: focus or click one to read the whole reason here.' : ''}
      </p>
    </>
  );
});
