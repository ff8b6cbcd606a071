import type { ClassificationMetrics } from './classification';
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

/** A recorded metric's outcome, in words: reproduced, or by how much it differs at its printed precision. */
export function comparisonResult(c: MetricComparison): string {
  if (c.status === 'reproduced') return 'reproduced';
  if (c.status === 'differs') return `differs by ${c.difference! >= 0 ? '+' : ''}${c.difference!.toFixed(Math.max(c.decimals, 4))}`;
  return 'not computed here';
}

/**
 * The verdict on the recorded metrics that could be computed here (null when none could): reproduced, or what the gap
 * means — on the package's own evaluation set a gap points at missing preprocessing; on the user's file it is expected.
 */
export function recordedMetricsVerdict(comparisons: readonly MetricComparison[], evaluation: boolean): { readonly reproduced: boolean; readonly text: string } | null {
  const computed = comparisons.filter((c) => c.status !== 'not-computed');
  if (computed.length === 0) return null;
  const reproduced = computed.every((c) => c.status === 'reproduced');
  if (reproduced) return { reproduced, text: `Every recorded metric is reproduced to its printed precision${evaluation ? ': the package holds everything the model needs.' : '.'}` };
  return {
    reproduced,
    text: evaluation
      ? 'Some recorded metrics are not reproduced: the package may miss preprocessing that training applied (training–serving skew), or the metrics were measured on other data.'
      : 'Your file gives other figures than the recorded ones, as expected for other data.',
  };
}
