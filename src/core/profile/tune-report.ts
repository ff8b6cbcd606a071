import { reportEnvironment, type ReportEnvironment } from '../benchmark/environment';
import { sessionConfigRecord, type SessionConfigRecord } from '../protocol/session-options';
import type { BenchmarkEnvironment, BenchmarkModelIdentity } from '../benchmark/run';
import type { BackendId, SessionTuning } from '../protocol/engine-api';
import type { EngineError } from '../protocol/engine-error';
import { costsOf, type Recommendation, type TunerDraft, type TunerPoint } from './tuner';

/** One search of the tuner, as kept on the page. */
export interface TuneRun {
  readonly id: string;
  readonly createdAt: string;
  /** `capped`: the time cap ended the search before every planned configuration ran. */
  readonly status: 'complete' | 'capped' | 'cancelled';
  readonly modelId: string;
  readonly model: BenchmarkModelIdentity;
  readonly settings: TunerDraft;
  readonly environment: BenchmarkEnvironment | null;
  readonly elapsedMs: number;
  /** Configurations planned but never measured (cap or cancel). */
  readonly skipped: number;
  readonly points: readonly TunerPoint[];
  readonly failures: readonly { readonly backend: BackendId; readonly threads: number; readonly tuning: SessionTuning; readonly error: EngineError }[];
  readonly recommendation: Recommendation;
}

export interface TuneReportPoint {
  readonly backend: BackendId;
  readonly threads: number;
  readonly batchSize: number;
  /** onnxruntime-web's default is "all". */
  readonly graphOptimizationLevel: string;
  readonly freeDimensionOverrides: Readonly<Record<string, number>> | null;
  /** Every session option it ran with, as in the benchmark file's results. */
  readonly config: SessionConfigRecord;
  readonly runs: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly throughputPerSec: number;
  readonly perSampleMs: number;
  readonly sessionCreateMs: number;
  readonly firstRunMs: number;
  readonly withinBudget: boolean;
}

export type TuneReportPick = TuneReportPoint & { readonly costs: readonly string[] };

/** The file `onnx-playground tune` writes and the Speed tab's "Download recommendation (JSON)" saves. */
export interface TuneReport {
  readonly tool: { readonly name: string; readonly version: string };
  readonly status: TuneRun['status'];
  readonly createdAt: string;
  readonly environment: ReportEnvironment | null;
  readonly model: { readonly file: string; readonly bytes: number; readonly sha256: string };
  readonly settings: { readonly budgetP99Ms: number; readonly minBatch: number; readonly capSeconds: number; readonly webgpu: boolean };
  readonly elapsedMs: number;
  readonly skipped: number;
  readonly recommendation: { readonly summary: string; readonly fastest: TuneReportPick | null; readonly throughputOptimal: TuneReportPick | null; readonly closest: TuneReportPick | null };
  readonly tried: readonly TuneReportPoint[];
  readonly failures: readonly { readonly backend: BackendId; readonly threads: number; readonly code: string; readonly message: string }[];
}

const ms = (value: number): number => Math.round(value * 1e4) / 1e4;

function reportPoint(p: TunerPoint, budgetP99Ms: number): TuneReportPoint {
  return {
    backend: p.config.backend,
    threads: p.config.threads,
    batchSize: p.batchSize,
    graphOptimizationLevel: p.tuning.graphOptimizationLevel ?? 'all',
    freeDimensionOverrides: p.tuning.freeDimensionOverrides ? { ...p.tuning.freeDimensionOverrides } : null,
    config: sessionConfigRecord(p.config.backend, p.tuning),
    runs: p.runs,
    p50Ms: ms(p.p50Ms),
    p99Ms: ms(p.p99Ms),
    throughputPerSec: Math.round(p.throughputPerSec * 100) / 100,
    perSampleMs: ms(p.perSampleMs),
    sessionCreateMs: ms(p.sessionCreateMs),
    firstRunMs: ms(p.firstRunMs),
    withinBudget: p.p99Ms <= budgetP99Ms,
  };
}

const pick = (p: TunerPoint | null, budget: number): TuneReportPick | null => (p ? { ...reportPoint(p, budget), costs: costsOf(p) } : null);

export function tuneReport(run: TuneRun, tool: { name: string; version: string }): TuneReport {
  const budget = run.settings.budgetP99Ms;
  const r = run.recommendation;
  return {
    tool: { name: tool.name, version: tool.version },
    status: run.status,
    createdAt: run.createdAt,
    environment: run.environment ? reportEnvironment(run.environment) : null,
    model: { file: run.model.file, bytes: run.model.bytes, sha256: run.model.sha256 },
    settings: { budgetP99Ms: budget, minBatch: run.settings.minBatch, capSeconds: run.settings.capSeconds, webgpu: run.settings.webgpu },
    elapsedMs: Math.round(run.elapsedMs),
    skipped: run.skipped,
    recommendation: { summary: r.summary, fastest: pick(r.fastest, budget), throughputOptimal: pick(r.throughputOptimal, budget), closest: pick(r.closest, budget) },
    tried: run.points.map((p) => reportPoint(p, budget)),
    failures: run.failures.map((f) => ({ backend: f.backend, threads: f.threads, code: f.error.code, message: f.error.message })),
  };
}
