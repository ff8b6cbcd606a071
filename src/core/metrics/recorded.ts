import type { ClassificationMetrics } from './classification';
import type { RegressionMetrics } from './regression';

/**
 * Why a recorded figure is checked to the tolerance it is:
 * - `printed`: half a unit in its last printed decimal (0.9111 → ±0.00005);
 * - `coarse`: it shows too few decimals to check that closely, so the check is no looser than ±0.005 for a
 *   metric bounded by 1 (accuracy, F1, R²: whole percentage points), ±0.5 % of the figure for an error metric;
 * - `float32`: the model computes in float32, so a figure printed to full float64 precision is met within 1e-6 of itself.
 */
export type ToleranceBasis = 'printed' | 'coarse' | 'float32';

/** A metric the package records next to the one measured here. */
export interface MetricComparison {
  /** The key as metadata.json spells it. */
  readonly key: string;
  readonly label: string;
  readonly recorded: number;
  readonly measured: number | null;
  /** Decimals the recorded figure is printed with. */
  readonly decimals: number;
  /** `reproduced` when |measured − recorded| ≤ tolerance. */
  readonly status: 'reproduced' | 'differs' | 'not-computed';
  /** measured − recorded. */
  readonly difference: number | null;
  /** The largest |measured − recorded| still called reproduced (null when nothing was measured). */
  readonly tolerance: number | null;
  readonly toleranceBasis: ToleranceBasis | null;
}

type Measured = { readonly classification: ClassificationMetrics } | { readonly regression: RegressionMetrics };

/** `bounded`: the metric lies in [0, 1] (R² at most 1), so an absolute tolerance means the same for every model. */
interface KnownMetric {
  readonly label: string;
  readonly bounded: boolean;
  readonly read: (m: Measured) => number | null;
}

/** metadata.json keys (lower-cased, `-`/space as `_`) → what they mean here. */
const KNOWN: Readonly<Record<string, KnownMetric>> = (() => {
  const c = (f: (m: ClassificationMetrics) => number | null) => (m: Measured) => ('classification' in m ? f(m.classification) : null);
  const r = (f: (m: RegressionMetrics) => number) => (m: Measured) => ('regression' in m ? f(m.regression) : null);
  const entries: [string[], string, boolean, (m: Measured) => number | null][] = [
    [['accuracy', 'acc', 'accuracy_score'], 'Accuracy', true, c((m) => m.accuracy)],
    [['f1_macro', 'macro_f1', 'f1_score_macro', 'macro_f1_score'], 'F1 (macro)', true, c((m) => m.f1Macro)],
    [['f1_weighted', 'weighted_f1'], 'F1 (weighted)', true, c((m) => m.f1Weighted)],
    [['f1', 'f1_score'], 'F1', true, c((m) => m.f1Binary ?? m.f1Macro)],
    [['precision_macro', 'macro_precision'], 'Precision (macro)', true, c((m) => m.precisionMacro)],
    [['recall_macro', 'macro_recall'], 'Recall (macro)', true, c((m) => m.recallMacro)],
    [['rmse', 'root_mean_squared_error'], 'RMSE', false, r((m) => m.rmse)],
    [['mse', 'mean_squared_error'], 'MSE', false, r((m) => m.mse)],
    [['mae', 'mean_absolute_error'], 'MAE', false, r((m) => m.mae)],
    [['r2', 'r2_score', 'r_squared', 'r^2'], 'R²', true, r((m) => m.r2)],
  ];
  return Object.fromEntries(entries.flatMap(([keys, label, bounded, read]) => keys.map((k) => [k, { label, bounded, read }])));
})();

/** How many decimals a recorded figure shows (0.9111 → 4; 1.0, parsed as 1, → 1). */
export function printedDecimals(value: number): number {
  const text = String(value);
  const exp = /e-(\d+)$/.exec(text);
  if (exp) {
    const mantissa = text.split('e')[0]!;
    return Number(exp[1]) + (mantissa.split('.')[1]?.length ?? 0);
  }
  return Math.max(1, text.split('.')[1]?.length ?? 0);
}

/** Coarsest check of a bounded metric: whole percentage points (0.9 and 1 as recorded do not admit 0.94 or 0.96). */
const BOUNDED_CAP = 0.005;
/** Coarsest check of an error metric (RMSE, MAE…), whose scale is the target's: half a percent of the figure. */
const RELATIVE_CAP = 0.005;
/** float32 carries ~7 significant digits (ε ≈ 1.2e-7); 1e-6 leaves a few ulps for the model's own arithmetic. */
const FLOAT32_RELATIVE = 1e-6;

/** The tolerance a recorded figure is checked to, and why: see `ToleranceBasis`. */
export function recordedTolerance(recorded: number, measured: number, bounded: boolean): { readonly tolerance: number; readonly basis: ToleranceBasis } {
  const halfUnit = 0.5 / 10 ** printedDecimals(recorded);
  const cap = bounded ? BOUNDED_CAP : RELATIVE_CAP * Math.abs(recorded);
  const printed = Math.min(halfUnit, cap);
  const float32 = FLOAT32_RELATIVE * Math.max(Math.abs(recorded), Math.abs(measured));
  if (float32 > printed) return { tolerance: float32, basis: 'float32' };
  return { tolerance: printed, basis: halfUnit > cap ? 'coarse' : 'printed' };
}

/** Compares each recorded metric with the measured one, within `recordedTolerance`. */
export function compareRecorded(recorded: Readonly<Record<string, number>>, measured: Measured): MetricComparison[] {
  return Object.entries(recorded).map(([key, value]) => {
    const known = KNOWN[key.toLowerCase().replace(/[\s-]+/g, '_')];
    const decimals = printedDecimals(value);
    const m = known ? known.read(measured) : null;
    if (!known || m === null || !Number.isFinite(m)) {
      return { key, label: known?.label ?? key, recorded: value, measured: null, decimals, status: 'not-computed' as const, difference: null, tolerance: null, toleranceBasis: null };
    }
    const { tolerance, basis } = recordedTolerance(value, m, known.bounded);
    const difference = m - value;
    // The 1e-9 relative slack keeps a gap of exactly half a unit (0.655 vs 0.65) from failing on binary rounding.
    const reproduced = Math.abs(difference) <= tolerance * (1 + 1e-9);
    return { key, label: known.label, recorded: value, measured: m, decimals, status: reproduced ? ('reproduced' as const) : ('differs' as const), difference, tolerance, toleranceBasis: basis };
  });
}
