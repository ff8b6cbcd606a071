import type { ClassificationMetrics } from './classification';
import { isPartialCoverage, type MetricsCoverage } from './coverage';
import type { MetricComparison } from './recorded';
import type { RegressionMetrics } from './regression';

/** The headline metrics of a labelled batch: accuracy and macro F1 for a classifier, RMSE, MAE and R² for a regressor. */
export function headlineMetrics(classification: ClassificationMetrics | null, regression: RegressionMetrics | null): [string, number][] {
  if (classification) {
    return [
      ['Accuracy', classification.accuracy],
      ['F1 (macro)', classification.f1Macro],
    ];
  }
  if (regression) {
    return [
      ['RMSE', regression.rmse],
      ['MAE', regression.mae],
      ['R²', regression.r2],
    ];
  }
  return [];
}

const TOLERANCE_REASON = { printed: '', coarse: ' (the recorded figure shows too few decimals to check more closely)', float32: ' (float32 rounding)' } as const;

/** A tolerance as printed: 0.005, 0.00005, 1.4e-7 (two significant digits; exponent form only below a millionth). */
export function formatTolerance(t: number): string {
  return String(Number(t.toPrecision(2)));
}

/** A recorded metric's outcome, in words, with the tolerance it was checked to: "within ±0.00005 of the recorded 0.9111". */
export function comparisonResult(c: MetricComparison): string {
  if (c.status === 'not-computed' || c.tolerance === null || c.difference === null) return 'not computed here';
  const within = `±${formatTolerance(c.tolerance)}${TOLERANCE_REASON[c.toleranceBasis ?? 'printed']}`;
  if (c.status === 'reproduced') return `reproduced: within ${within} of the recorded ${c.recorded}`;
  return `differs by ${c.difference >= 0 ? '+' : ''}${c.difference.toFixed(Math.min(Math.max(c.decimals, 4), 12))}: more than ${within}`;
}

/**
 * The verdict on the recorded metrics that could be computed here (null when none could): reproduced, or what the gap
 * means — on the package's own evaluation set a gap points at missing preprocessing; on the user's file it is expected.
 * Metrics left without some labelled rows (`coverage`) give no verdict: a subset can neither confirm nor refute them.
 */
export function recordedMetricsVerdict(comparisons: readonly MetricComparison[], evaluation: boolean, coverage: MetricsCoverage): { readonly reproduced: boolean; readonly text: string } | null {
  const computed = comparisons.filter((c) => c.status !== 'not-computed');
  if (computed.length === 0) return null;
  if (isPartialCoverage(coverage)) {
    const why = [
      coverage.nonFinite > 0 ? `${coverage.nonFinite.toLocaleString('en-US')} with a NaN or infinite prediction` : '',
      coverage.unknownLabel > 0 ? `${coverage.unknownLabel.toLocaleString('en-US')} with a label the model cannot read` : '',
    ].filter(Boolean);
    return {
      reproduced: false,
      text:
        `No verdict on the recorded metrics: the measured ones cover ${coverage.measured.toLocaleString('en-US')} of ${coverage.labelled.toLocaleString('en-US')} labelled rows` +
        `${why.length > 0 ? ` (left out: ${why.join(', ')})` : ''}, and the recorded ones cover them all. Fix the rows left out (see above) and score the file again.`,
    };
  }
  const reproduced = computed.every((c) => c.status === 'reproduced');
  if (reproduced) {
    const each = computed.map((c) => `${c.label} within ±${formatTolerance(c.tolerance!)} of ${c.recorded}`).join(', ');
    return { reproduced, text: `Every recorded metric is reproduced (${each})${evaluation ? ': the package holds everything the model needs.' : '.'}` };
  }
  return {
    reproduced,
    text: evaluation
      ? 'Some recorded metrics are not reproduced: the package may miss preprocessing that training applied (training–serving skew), or the metrics were measured on other data.'
      : 'Your file gives other figures than the recorded ones, as expected for other data.',
  };
}
