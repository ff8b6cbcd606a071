import { ok, type Result } from '../protocol/engine-error';
import type { TensorSpec } from '../protocol/tensor';
import type { TensorReading } from './read-tensor-files';
import { mismatch, shapeText } from './tensor-error';

/**
 * A reading that gives every input, or the error naming those still missing: files are read
 * one drop at a time (`partial`), and nothing runs until all the inputs have values.
 */
export function completeReading(reading: TensorReading, inputs: readonly TensorSpec[]): Result<TensorReading> {
  const missing = inputs.filter((i) => !(i.name in reading.tensors));
  if (missing.length === 0) return ok(reading);
  const first = missing[0]!;
  return mismatch(
    `No value was given for ${missing.map((i) => `“${i.name}” (${i.dtype} ${shapeText(i.shape)})`).join(', ')}.`,
    'Give a file for each input, or one .npz/.json (or a test_data_set folder) holding them all.',
    { input: first.name, expected: `${first.dtype} ${shapeText(first.shape)}` },
  );
}
