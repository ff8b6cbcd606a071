import type { CompareMeasurement } from './compare';

/** A compared model with an accuracy and a p50, for tests; `spread` gives the p50 an interval ±spread wide. */
export function measurement(id: string, metric: number | null, p50: number | null, extra: Partial<CompareMeasurement> = {}, spread: number | null = null): CompareMeasurement {
  return {
    id,
    name: id,
    identity: id,
    variantOf: null,
    quantization: null,
    metricKind: 'accuracy',
    metric,
    p50Ms: p50,
    p50IntervalMs: p50 === null || spread === null ? null : { low: p50 - spread, high: p50 + spread },
    p95Ms: p50 === null ? null : p50 * 1.5,
    modelBytes: 100,
    packageBytes: 200,
    problem: null,
    ...extra,
  };
}
