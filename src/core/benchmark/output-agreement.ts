import { configLabel, type BackendResult } from './run';

/** How far one configuration's first-run outputs are from the reference configuration's. */
export interface OutputAgreement {
  /** The configuration compared with: the first WASM one measured (else the first one). */
  readonly comparedWith: string;
  /** Largest |a − b| over the compared values (the first ≤ 256 of each output); null when the outputs' names or sizes differ. */
  readonly maxAbsDiff: number | null;
}

function maxAbsDiff(a: Readonly<Record<string, readonly number[]>>, b: Readonly<Record<string, readonly number[]>>): number | null {
  const names = Object.keys(a);
  if (names.length !== Object.keys(b).length) return null;
  let worst = 0;
  for (const name of names) {
    const x = a[name]!;
    const y = b[name];
    if (!y || y.length !== x.length) return null;
    for (let i = 0; i < x.length; i++) {
      const d = Number.isNaN(x[i]!) && Number.isNaN(y[i]!) ? 0 : Math.abs(x[i]! - y[i]!);
      worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : Math.max(worst, d);
    }
  }
  return worst;
}

/**
 * Every result's first-run outputs against the reference configuration's (same inputs: the
 * first batch size, same seed or example). null for the reference itself and for results
 * without recorded outputs. A tuned session that computes something else shows here.
 */
export function outputAgreements(results: readonly BackendResult[]): (OutputAgreement | null)[] {
  const withOutputs = results.filter((r) => r.firstRunOutputs);
  const reference = withOutputs.find((r) => r.backend === 'wasm') ?? withOutputs[0];
  return results.map((r) => {
    if (!reference || r === reference || !r.firstRunOutputs) return null;
    return { comparedWith: configLabel(reference), maxAbsDiff: maxAbsDiff(reference.firstRunOutputs!, r.firstRunOutputs) };
  });
}

/** An agreement as the benchmark table states it under the configuration's name. */
export function agreementText(a: OutputAgreement): string {
  if (a.maxAbsDiff === null) return `outputs differ in shape from ${a.comparedWith}’s`;
  return `outputs vs ${a.comparedWith}: max |Δ| ${a.maxAbsDiff === 0 ? '0' : a.maxAbsDiff.toExponential(1)}`;
}
