import type { StopRule } from '../protocol/benchmark';
import type { BackendId } from '../protocol/engine-api';
import { configLabel, type BenchmarkRun, type BenchmarkPoint } from './run';
import { environmentFacts, reportEnvironment, type ReportEnvironment } from './environment';
import type { InputSource } from './plan';
import { sessionConfigRecord, type SessionConfigRecord } from '../protocol/session-options';
import { outputAgreements, type OutputAgreement } from './output-agreement';
import { reportSpeedFields, type ReportSpeedFields } from '../profile/config-profile';

/** A point as written to the file: its summary without the raw samples. */
export type ReportPoint = Omit<BenchmarkPoint, 'warmupRuns' | 'samplesMs'>;


export interface ReportResult extends Partial<ReportSpeedFields> {
  readonly backend: BackendId;
  readonly threads: number;
  readonly sessionCreateMs: number;
  readonly firstRunMs: number;
  readonly points: readonly ReportPoint[];
  /** The session options (graph optimisation, fixed dimensions, WebGPU layout, graph capture, output location). */
  readonly config: SessionConfigRecord;
  /** First-run outputs against the reference configuration (output-agreement.ts); absent for the reference. */
  readonly outputs?: OutputAgreement;
}

/**
 * The benchmark file (download, CLI `--json`): the format, plus
 * `status`, `createdAt`, `settings`, `failures`, SIMD/threads/timer facts in
 * `environment`, `software` on the adapter and `perSampleMs` on each point.
 */
export interface BenchmarkReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly status: 'complete' | 'cancelled';
  readonly createdAt: string;
  readonly environment: ReportEnvironment;
  readonly model: { readonly file: string; readonly bytes: number; readonly sha256: string };
  readonly settings: { readonly batchSizes: readonly number[]; readonly warmupRuns: number; readonly stop: StopRule; readonly inputs: InputSource };
  readonly results: readonly ReportResult[];
  readonly failures: readonly { readonly backend: BackendId; readonly threads: number; readonly code: string; readonly message: string }[];
}

/** Milliseconds to 0.1 µs: finer than any browser clock (5 µs at best), so nothing is lost. */
const ms = (value: number): number => Math.round(value * 1e4) / 1e4;
const rate = (value: number): number => Math.round(value * 100) / 100;

function reportPoint(p: BenchmarkPoint): ReportPoint {
  return {
    batchSize: p.batchSize,
    runs: p.runs,
    p50Ms: ms(p.p50Ms),
    p95Ms: ms(p.p95Ms),
    p99Ms: ms(p.p99Ms),
    meanMs: ms(p.meanMs),
    stdMs: ms(p.stdMs),
    minMs: ms(p.minMs),
    maxMs: ms(p.maxMs),
    throughputPerSec: rate(p.throughputPerSec),
    perSampleMs: ms(p.perSampleMs),
    ...(p.withoutReadBackP50Ms !== undefined ? { withoutReadBackP50Ms: ms(p.withoutReadBackP50Ms) } : {}),
  };
}

export function benchmarkReport(run: BenchmarkRun, tool: { name: string; version: string }): BenchmarkReport {
  const env = run.environment;
  const agreements = outputAgreements(run.results);
  return {
    tool: { name: tool.name, version: tool.version },
    status: run.status,
    createdAt: run.createdAt,
    environment: reportEnvironment(env),
    model: { file: run.model.file, bytes: run.model.bytes, sha256: run.model.sha256 },
    settings: { batchSizes: [...run.settings.batchSizes], warmupRuns: run.settings.warmupRuns, stop: { ...run.settings.stop }, inputs: run.settings.inputs },
    results: run.results.map((r, i) => ({
      backend: r.backend,
      threads: r.threads,
      sessionCreateMs: ms(r.sessionCreateMs),
      firstRunMs: ms(r.firstRunMs),
      points: r.points.map(reportPoint),
      config: r.config ?? sessionConfigRecord(r.backend),
      ...(agreements[i] ? { outputs: agreements[i] } : {}),
      ...(r.profile ? reportSpeedFields(r.profile) : {}),
    })),
    failures: run.failures.map((f) => ({ backend: f.backend, threads: f.threads, code: f.error.code, message: f.error.message })),
  };
}

/** A figure in milliseconds for people: four significant digits. */
export function formatMsPlain(value: number): string {
  return Number(value.toPrecision(4)).toString();
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** A GitHub-flavoured Markdown summary: what was measured, where, and the table. */
export function benchmarkMarkdown(report: BenchmarkReport, modelName: string): string {
  const env = report.environment;
  const gpu = env.webgpuAdapter ? `${env.webgpuAdapter.vendor} / ${env.webgpuAdapter.architecture}${env.webgpuAdapter.software ? ' (software, not a GPU)' : ''}` : 'none';
  const stop = report.settings.stop.kind === 'runs' ? `${report.settings.stop.runs} runs per point` : `${report.settings.stop.ms / 1000} s per point`;
  const lines = [
    `### Benchmark: ${cell(modelName)} (\`${cell(report.model.file)}\`, ${report.model.bytes.toLocaleString('en-US')} bytes)`,
    '',
    `${report.createdAt} · onnxruntime-web ${env.ortVersion} · ${env.hardwareConcurrency} logical cores · cross-origin isolated: ${env.crossOriginIsolated ? 'yes' : 'no'} · WebGPU adapter: ${gpu}`,
    `${report.settings.warmupRuns} warm-up runs, ${stop}, ${report.settings.inputs === 'example' ? 'package example repeated to the batch size' : 'random inputs'}${report.status === 'cancelled' ? ' · **cancelled: partial results**' : ''}`,
    '',
    '| Backend | Session ms | First run ms | Batch | Runs | p50 ms | p95 ms | p99 ms | Mean ms | Std ms | Min ms | Max ms | Samples/s | ms per sample |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const r of report.results) {
    for (const p of r.points) {
      lines.push(
        `| ${configLabel(r)} | ${formatMsPlain(r.sessionCreateMs)} | ${formatMsPlain(r.firstRunMs)} | ${p.batchSize} | ${p.runs} | ${[p.p50Ms, p.p95Ms, p.p99Ms, p.meanMs, p.stdMs, p.minMs, p.maxMs].map(formatMsPlain).join(' | ')} | ${Math.round(p.throughputPerSec).toLocaleString('en-US')} | ${formatMsPlain(p.perSampleMs)} |`,
      );
    }
  }
  for (const f of report.failures) lines.push('', `${configLabel(f)} failed: ${cell(f.message)}`);
  lines.push('', 'WebGPU figures include copying the outputs back to the CPU (with outputs kept on the GPU, the run alone is in the JSON as withoutReadBackP50Ms).', '');
  for (const [label, text] of environmentFacts(env)) lines.push(`- ${label}: ${cell(text)}`);
  return lines.join('\n');
}
