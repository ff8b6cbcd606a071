import Papa from 'papaparse';
import type { BenchmarkReport } from './report';

const POINT_COLUMNS = ['batchSize', 'runs', 'p50Ms', 'p95Ms', 'p99Ms', 'meanMs', 'stdMs', 'minMs', 'maxMs', 'throughputPerSec', 'perSampleMs'] as const;

/** One row per point, every figure of the report. */
export function benchmarkCsv(report: BenchmarkReport): string {
  const rows = report.results.flatMap((r) =>
    r.points.map((p) => [report.model.file, report.model.sha256, r.backend, r.threads, r.sessionCreateMs, r.firstRunMs, ...POINT_COLUMNS.map((c) => p[c])]),
  );
  return Papa.unparse({ fields: ['model', 'sha256', 'backend', 'threads', 'sessionCreateMs', 'firstRunMs', ...POINT_COLUMNS], data: rows }, { newline: '\n' });
}
