import type { ClassificationMetrics } from './classification';
import type { RegressionMetrics } from './regression';

/** A metric the package records next to the one measured here. */
export interface MetricComparison {
  /** The key as metadata.json spells it. */
  readonly key: string;
  readonly label: string;
  readonly recorded: number;
  readonly measured: number | null;
  /** Decimals the recorded figure is printed with. */
  readonly decimals: number;
  readonly status: 'reproduced' | 'differs' | 'not-computed';
  /** measured − recorded. */
  readonly difference: number | null;
}

type Measured = { readonly classification: ClassificationMetrics } | { readonly regression: RegressionMetrics };

/** metadata.json keys (lower-cased, `-`/space as `_`) → what they mean here. */
const KNOWN: Readonly<Record<string, { label: string; read: (m: Measured) => number | null }>> = (() => {
  const c = (f: (m: ClassificationMetrics) => number | null) => (m: Measured) => ('classification' in m ? f(m.classification) : null);
  const r = (f: (m: RegressionMetrics) => number) => (m: Measured) => ('regression' in m ? f(m.regression) : null);
  const entries: [string[], string, (m: Measured) => number | null][] = [
    [['accuracy', 'acc', 'accuracy_score'], 'Accuracy', c((m) => m.accuracy)],
    [['f1_macro', 'macro_f1', 'f1_score_macro', 'macro_f1_score'], 'F1 (macro)', c((m) => m.f1Macro)],
    [['f1_weighted', 'weighted_f1'], 'F1 (weighted)', c((m) => m.f1Weighted)],
    [['f1', 'f1_score'], 'F1', c((m) => m.f1Binary ?? m.f1Macro)],
    [['precision_macro', 'macro_precision'], 'Precision (macro)', c((m) => m.precisionMacro)],
    [['recall_macro', 'macro_recall'], 'Recall (macro)', c((m) => m.recallMacro)],
    [['rmse', 'root_mean_squared_error'], 'RMSE', r((m) => m.rmse)],
    [['mse', 'mean_squared_error'], 'MSE', r((m) => m.mse)],
    [['mae', 'mean_absolute_error'], 'MAE', r((m) => m.mae)],
    [['r2', 'r2_score', 'r_squared', 'r^2'], 'R²', r((m) => m.r2)],
  ];
  return Object.fromEntries(entries.flatMap(([keys, label, read]) => keys.map((k) => [k, { label, read }])));
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

/** Compares each recorded metric with the measured one, at the recorded figure's own precision. */
export function compareRecorded(recorded: Readonly<Record<string, number>>, measured: Measured): MetricComparison[] {
  return Object.entries(recorded).map(([key, value]) => {
    const known = KNOWN[key.toLowerCase().replace(/[\s-]+/g, '_')];
    const decimals = printedDecimals(value);
    const m = known ? known.read(measured) : null;
    if (m === null || !Number.isFinite(m)) return { key, label: known?.label ?? key, recorded: value, measured: null, decimals, status: 'not-computed' as const, difference: null };
    const rounded = Number(m.toFixed(decimals));
    const reproduced = Math.abs(rounded - value) < 10 ** -(decimals + 3);
    return { key, label: known!.label, recorded: value, measured: m, decimals, status: reproduced ? ('reproduced' as const) : ('differs' as const), difference: m - value };
  });
}
