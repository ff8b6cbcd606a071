import { ok, type Result } from '../protocol/engine-error';
import type { TensorSpec } from '../protocol/tensor';
import { readExpectedOutputs, type ExpectedOutputs } from './expected-outputs';
import { readTensorFiles, type TensorReading } from './read-tensor-files';
import type { TestDataSetFiles } from './test-data-layout';

export { findTestDataSets, type ModelWithTests, type TestDataSetFiles } from './test-data-layout';


/** One data set read against the model: its inputs (checked like any input file) and expected outputs. */
export interface TestCase {
  readonly name: string;
  readonly inputs: TensorReading;
  readonly expected: ExpectedOutputs;
}

export async function readTestDataSet(set: TestDataSetFiles, inputs: readonly TensorSpec[], outputs: readonly TensorSpec[]): Promise<Result<TestCase>> {
  const read = await readTensorFiles(set.inputs.map((f) => ({ path: `${set.name}/${baseName(f.path)}`, bytes: f.bytes })), inputs);
  if (!read.ok) return read;
  const expected = await readExpectedOutputs(set.outputs.map((f) => ({ path: `${set.name}/${baseName(f.path)}`, bytes: f.bytes })), outputs);
  if (!expected.ok) return expected;
  return ok({ name: set.name, inputs: read.value, expected: expected.value });
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
