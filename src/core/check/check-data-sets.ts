import type { EngineError, Result } from '../protocol/engine-error';
import type { TensorSpec } from '../protocol/tensor';
import { readTestDataSet, type TestCase, type TestDataSetFiles } from '../tensors/test-data-set';
import type { TensorSet } from '../tensors/tensor-summary';
import { checkOutputs, compareBackends, type BackendAgreement } from './check-outputs';
import type { CaseResult } from './check-report';
import type { Tolerance } from './tolerance';

/** Runs a model on one backend at a time (the engine workers in the app, onnxruntime-node in tests). */
export interface CheckRunner {
  /** Makes the model ready on that backend (a session); an error fails every case on it. */
  prepare(backend: string): Promise<Result<null>>;
  run(backend: string, feeds: TensorSet): Promise<Result<TensorSet>>;
}

export interface CheckPlan {
  readonly sets: readonly TestDataSetFiles[];
  /** The model's inputs and outputs: data sets are read against them. */
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  /** In order; the first is the baseline of the backend agreement. */
  readonly backends: readonly string[];
  readonly tolerance: Tolerance;
}

/** Where a check is, after each case. */
export interface CheckProgress {
  readonly done: number;
  readonly total: number;
  /** The case just finished. */
  readonly last: CaseResult;
}

/** The same inputs on every backend, compared with the first backend's outputs. */
export interface CaseAgreement {
  readonly name: string;
  readonly agreement: BackendAgreement;
}

export interface CheckRun {
  /** One per data set per backend, backend by backend. */
  readonly cases: readonly CaseResult[];
  /** With two backends or more: one per data set that ran on all of them. */
  readonly agreement: readonly CaseAgreement[];
  readonly cancelled: boolean;
}

export interface CheckHooks {
  onCase?(progress: CheckProgress): void | Promise<void>;
  /** Asked between cases: a true answer stops the check after the case in flight. */
  cancelled?(): boolean;
}

/**
 * Every data set on every backend: each read once (inputs conformed to the model's inputs,
 * expected outputs matched by name or position), run, and its outputs checked against the
 * expected ones with the tolerance. With several backends, each backend's outputs are also
 * compared with the first's, so that two backends disagreeing shows without a reference.
 */
export async function checkDataSets(plan: CheckPlan, runner: CheckRunner, hooks: CheckHooks = {}): Promise<CheckRun> {
  const total = plan.sets.length * plan.backends.length;
  const cases: CaseResult[] = [];
  const read = new Map<string, Result<TestCase>>();
  // Outputs kept only while another backend still has to be compared with them.
  const outputs = new Map<string, Map<string, TensorSet>>();
  const keep = plan.backends.length > 1;
  let cancelled = false;
  const record = async (result: CaseResult): Promise<void> => {
    cases.push(result);
    await hooks.onCase?.({ done: cases.length, total, last: result });
  };
  outer: for (const backend of plan.backends) {
    if (hooks.cancelled?.()) {
      cancelled = true;
      break;
    }
    const prepared = await runner.prepare(backend);
    for (const set of plan.sets) {
      if (hooks.cancelled?.()) {
        cancelled = true;
        break outer;
      }
      if (!prepared.ok) {
        await record(failed(set.name, backend, prepared.error));
        continue;
      }
      let testCase = read.get(set.name);
      if (!testCase) {
        testCase = await readTestDataSet(set, plan.inputs, plan.outputs);
        read.set(set.name, testCase);
      }
      if (!testCase.ok) {
        await record(failed(set.name, backend, testCase.error));
        continue;
      }
      const got = await runner.run(backend, testCase.value.inputs.tensors);
      if (!got.ok) {
        await record(failed(set.name, backend, got.error));
        continue;
      }
      if (keep) outputs.set(set.name, (outputs.get(set.name) ?? new Map<string, TensorSet>()).set(backend, got.value));
      const check = checkOutputs(testCase.value.expected.tensors, got.value, plan.tolerance);
      await record({ name: set.name, backend, outputs: check.outputs, error: null });
    }
  }
  return { cases, agreement: keep ? agreementOf(plan, outputs) : [], cancelled };
}

function failed(name: string, backend: string, error: EngineError): CaseResult {
  return { name, backend, outputs: {}, error };
}

function agreementOf(plan: CheckPlan, outputs: ReadonlyMap<string, ReadonlyMap<string, TensorSet>>): CaseAgreement[] {
  const rows: CaseAgreement[] = [];
  for (const set of plan.sets) {
    const byBackend = outputs.get(set.name);
    if (!byBackend || byBackend.size < plan.backends.length) continue;
    const runs = plan.backends.map((backend) => ({ backend, outputs: byBackend.get(backend)! }));
    rows.push({ name: set.name, agreement: compareBackends(runs, plan.tolerance) });
  }
  return rows;
}
