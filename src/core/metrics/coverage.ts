/** Which labelled rows the metrics were computed on, and why any were left out. */
export interface MetricsCoverage {
  readonly task: 'classification' | 'regression' | null;
  /** Scored rows whose label cell is not blank. */
  readonly labelled: number;
  /** Of those, the rows the metrics are computed on. */
  readonly measured: number;
  /** Labelled rows left out because the label is not one of the model's classes (classification) or not a number (regression). */
  readonly unknownLabel: number;
  /** Labelled rows left out because the model predicted NaN or ±Infinity for them. */
  readonly nonFinite: number;
}

/** True when some labelled rows are not in the metrics: then no verdict may rest on them. */
export function isPartialCoverage(c: MetricsCoverage): boolean {
  return c.measured < c.labelled;
}

const count = (n: number, one: string, many: string): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "Metrics on 7 of 10 labelled rows", or on all of them. */
export function coverageHeading(c: MetricsCoverage): string {
  if (!isPartialCoverage(c)) return `Metrics on ${count(c.measured, 'labelled row', 'labelled rows')}`;
  return `Metrics on ${c.measured.toLocaleString('en-US')} of ${count(c.labelled, 'labelled row', 'labelled rows')}`;
}

/** One line per reason labelled rows were left out of the metrics: how many, why, and what to do. */
export function coverageNotes(c: MetricsCoverage): string[] {
  const notes: string[] = [];
  if (c.unknownLabel > 0) {
    const left = `${count(c.unknownLabel, 'labelled row', 'labelled rows')} left out`;
    notes.push(
      c.task === 'regression'
        ? `${left}: ${c.unknownLabel === 1 ? 'its label is' : 'their label is'} not a number. Write the label column as plain decimals (a point, not a comma; no units).`
        : `${left}: ${c.unknownLabel === 1 ? 'its label is' : 'their label is'} not one of the model’s classes. Spell the labels as the classes are named, or as class indices from 0.`,
    );
  }
  if (c.nonFinite > 0) {
    notes.push(
      `${count(c.nonFinite, 'labelled row', 'labelled rows')} left out: the model predicted NaN or ±Infinity for ${c.nonFinite === 1 ? 'it' : 'them'}. ` +
        'Look for those rows in the downloaded predictions and check their inputs (values far outside the training data, or preprocessing the package does not apply).',
    );
  }
  return notes;
}
