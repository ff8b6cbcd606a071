import type { EngineError } from '../protocol/engine-error';
import type { TensorDType } from '../protocol/tensor';
import type { TensorComparison } from './compare-tensors';
import type { Tolerance } from './tolerance';

/** A figure as JSON holds it: Infinity (a NaN or an infinity that differs) as the string "Infinity"; null when not applicable. */
export type ReportNumber = number | 'Infinity' | null;

export interface CheckReportOutput {
  readonly dtype: TensorDType;
  readonly dims: number[];
  readonly count: number;
  readonly maxAbs: ReportNumber;
  readonly maxRel: ReportNumber;
  readonly mismatched: number;
  readonly pass: boolean;
  /** Why the output could not be compared element by element (dtype, shape, missing), else null. */
  readonly problem: string | null;
  /** The first failing elements (index, expected, got), at most `FAILURES_IN_REPORT`. */
  readonly failures: { index: number[]; expected: string; got: string }[];
}

export interface CheckReportCase {
  /** `test_data_set_0`, or the name of the inputs file. */
  readonly name: string;
  readonly backend: string;
  readonly outputs: Record<string, CheckReportOutput>;
  /** Set when the case could not run (the model failed to load or run on this backend). */
  readonly error: { code: string; message: string } | null;
  readonly pass: boolean;
}

/**
 * The file `onnx-playground check --json` writes (and the Check outputs view downloads):
 * `{tool, environment, model, tolerance: {rtol, atol}, cases: [{name, backend, outputs:
 * {NAME: {dtype, dims, count, maxAbs, maxRel, mismatched, pass, problem, failures}}, error, pass}], pass}`.
 */
export interface CheckReport {
  readonly tool: { name: 'onnx-playground'; version: string };
  readonly createdAt: string;
  readonly environment: { userAgent: string; ortVersion: string };
  readonly model: { name: string; bytes: number };
  readonly tolerance: Tolerance;
  readonly cases: CheckReportCase[];
  /** True when every output of every case on every backend passes (and there is at least one). */
  readonly pass: boolean;
}

export const FAILURES_IN_REPORT = 10;

export interface CaseResult {
  readonly name: string;
  readonly backend: string;
  readonly outputs: Readonly<Record<string, TensorComparison>>;
  readonly error?: EngineError | null;
}

export interface CheckReportInput {
  readonly version: string;
  readonly createdAt: Date;
  readonly environment: CheckReport['environment'];
  readonly model: CheckReport['model'];
  readonly tolerance: Tolerance;
  readonly cases: readonly CaseResult[];
}

export const reportNumber = (v: number | null): ReportNumber => (v === null ? null : Number.isFinite(v) ? v : 'Infinity');

function reportOutput(c: TensorComparison): CheckReportOutput {
  return {
    dtype: c.dtype,
    dims: [...c.dims],
    count: c.count,
    maxAbs: reportNumber(c.maxAbs),
    maxRel: reportNumber(c.maxRel),
    mismatched: c.mismatched,
    pass: c.pass,
    problem: c.problem,
    failures: c.failures.slice(0, FAILURES_IN_REPORT).map((f) => ({ index: [...f.index], expected: f.expected, got: f.got })),
  };
}

export function buildCheckReport(input: CheckReportInput): CheckReport {
  const cases: CheckReportCase[] = input.cases.map((c) => {
    const outputs = Object.fromEntries(Object.entries(c.outputs).map(([name, comparison]) => [name, reportOutput(comparison)]));
    const error = c.error ? { code: c.error.code, message: c.error.message } : null;
    const values = Object.values(outputs);
    return { name: c.name, backend: c.backend, outputs, error, pass: error === null && values.length > 0 && values.every((o) => o.pass) };
  });
  return {
    tool: { name: 'onnx-playground', version: input.version },
    createdAt: input.createdAt.toISOString(),
    environment: { ...input.environment },
    model: { ...input.model },
    tolerance: { rtol: input.tolerance.rtol, atol: input.tolerance.atol },
    cases,
    pass: cases.length > 0 && cases.every((c) => c.pass),
  };
}
