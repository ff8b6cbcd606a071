import { describeThrown, type EngineError, type Result } from '../protocol/engine-error';
import type { PackageFile } from '../package/model-package';
import { summarizeOnnx, type OnnxSummary } from '../package/onnx-summary';
import { valueKinds, type ValueKinds } from '../package/value-kinds';
import { findTestDataSets, readTestDataSet } from '../tensors/test-data-set';
import type { TensorSet } from '../tensors/tensor-summary';
import { checkOutputs, type OutputsCheck } from './check-outputs';
import type { Tolerance } from './tolerance';

/** A runtime to check a model on (onnxruntime-node in scripts and tests, the engine worker in the app). */
export interface ModelRuntime {
  load(modelBytes: Uint8Array): Promise<Result<LoadedModel>>;
}
export interface LoadedModel {
  run(feeds: TensorSet): Promise<Result<TensorSet>>;
  release(): Promise<void>;
}

/**
 * Why a model's tests did not pass, from "nothing wrong" to "ours to fix":
 * - `mismatch`: the outputs differ from the expected ones beyond the tolerance;
 * - `runtime-load` / `runtime-run`: the runtime refused the model (an operator or type it lacks);
 * - `not-a-tensor`: an input or output is a sequence, map or optional, which a tensor reader does not fill;
 * - `js-type`: an element type JavaScript cannot hold (bfloat16, float8, int4, complex);
 * - `reader`: the app's own readers failed on data they should read: a bug;
 * - `no-data`: no model or no test_data_set folder.
 */
export type TestOutcome = 'passed' | 'mismatch' | 'runtime-load' | 'runtime-run' | 'not-a-tensor' | 'js-type' | 'reader' | 'no-data';

export interface DataSetResult {
  readonly name: string;
  readonly outcome: TestOutcome;
  readonly check: OutputsCheck | null;
  readonly error: EngineError | null;
}

export interface ModelTestsResult {
  readonly outcome: TestOutcome;
  /** One line saying why (empty when passed). */
  readonly reason: string;
  readonly loaded: boolean;
  readonly sets: readonly DataSetResult[];
}

const JS_TYPES = /BFLOAT16|FLOAT8|INT4|UINT4|FLOAT4|COMPLEX/;
/** Outcomes from best to worst: a model's outcome is its worst data set's. */
const ORDER: readonly TestOutcome[] = ['passed', 'mismatch', 'runtime-run', 'js-type', 'not-a-tensor', 'reader', 'runtime-load', 'no-data'];

function reasonOf(error: EngineError): string {
  return error.message.split('\n')[0]!.slice(0, 300);
}

/** The kind of each value, null when the structure cannot be read. */
function kindsOf(bytes: Uint8Array): ValueKinds | null {
  try {
    return valueKinds(bytes);
  } catch {
    return null;
  }
}

function nonTensors(kinds: ValueKinds | null, summary: OnnxSummary): string[] {
  if (!kinds) return [];
  const inputs = summary.inputs.filter((i) => kinds.inputs[i.name] !== 'tensor').map((i) => `input “${i.name}” is a ${kinds.inputs[i.name]}`);
  const outputs = summary.outputs.filter((o) => kinds.outputs[o.name] !== 'tensor').map((o) => `output “${o.name}” is a ${kinds.outputs[o.name]}`);
  return [...inputs, ...outputs];
}

/** Runs every test_data_set of a package on a runtime and checks each output against its expected value. */
export async function runModelTests(files: readonly PackageFile[], runtime: ModelRuntime, tolerance: Tolerance): Promise<ModelTestsResult> {
  const found = findTestDataSets(files);
  if (!found || found.sets.length === 0) return { outcome: 'no-data', reason: 'no model.onnx beside test_data_set_N folders', loaded: false, sets: [] };
  let summary: OnnxSummary;
  try {
    summary = summarizeOnnx(found.model.bytes);
  } catch (thrown) {
    return { outcome: 'reader', reason: `the model could not be read: ${describeThrown(thrown)}`, loaded: false, sets: [] };
  }
  const notTensors = nonTensors(kindsOf(found.model.bytes), summary);
  const loaded = await runtime.load(found.model.bytes);
  if (!loaded.ok) return { outcome: notTensors.length > 0 ? 'not-a-tensor' : 'runtime-load', reason: notTensors.length > 0 ? notTensors.join('; ') : reasonOf(loaded.error), loaded: false, sets: [] };
  const sets: DataSetResult[] = [];
  try {
    for (const set of found.sets) {
      const testCase = await readTestDataSet(set, summary.inputs, summary.outputs);
      if (!testCase.ok) {
        const outcome: TestOutcome = notTensors.length > 0 ? 'not-a-tensor' : JS_TYPES.test(testCase.error.message) ? 'js-type' : 'reader';
        sets.push({ name: set.name, outcome, check: null, error: testCase.error });
        continue;
      }
      const got = await loaded.value.run(testCase.value.inputs.tensors);
      if (!got.ok) {
        sets.push({ name: set.name, outcome: notTensors.length > 0 ? 'not-a-tensor' : 'runtime-run', check: null, error: got.error });
        continue;
      }
      const check = checkOutputs(testCase.value.expected.tensors, got.value, tolerance);
      sets.push({ name: set.name, outcome: check.pass ? 'passed' : 'mismatch', check, error: null });
    }
  } finally {
    await loaded.value.release();
  }
  const worst = sets.reduce<DataSetResult | null>((w, s) => (w === null || ORDER.indexOf(s.outcome) > ORDER.indexOf(w.outcome) ? s : w), null);
  const outcome = worst?.outcome ?? 'no-data';
  let reason = '';
  if (worst?.error) reason = outcome === 'not-a-tensor' ? notTensors.join('; ') : reasonOf(worst.error);
  else if (outcome === 'mismatch' && worst?.check) {
    const [name, c] = Object.entries(worst.check.outputs).find(([, c]) => !c.pass)!;
    reason = c.problem ? `output “${name}”: ${c.problem}` : `output “${name}”: ${c.mismatched} of ${c.count} outside the tolerance (max abs ${c.maxAbs}, max rel ${c.maxRel})`;
  }
  return { outcome, reason, loaded: true, sets };
}
