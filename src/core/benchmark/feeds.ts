import type { TensorSpec } from '../protocol/tensor';
import { drain, fillInputs, inputLayout } from './fill-inputs';
import { allocate, elementCount, seededRandom, type HostTensor, type NumericArray } from '../schema/host-tensor';
import type { BatchDimension } from './plan';

/** The same seed for every point and backend, so that every configuration sees the same numbers. */
export const BENCHMARK_SEED = 7;

/** Rows of a tensor (along its first dimension) repeated in turn until there are `batchSize` of them. */
export function repeatToBatch(tensor: HostTensor, batchSize: number): HostTensor {
  const rows = tensor.dims[0] ?? 1;
  if (tensor.dims.length === 0 || rows === batchSize) return tensor;
  if (rows === 0) throw new RangeError('cannot repeat a tensor with no rows');
  const rowLength = elementCount(tensor.dims.slice(1));
  const dims = [batchSize, ...tensor.dims.slice(1)];
  if (tensor.dtype === 'string') {
    const source = tensor.data as readonly string[];
    return { dtype: 'string', dims, data: Array.from({ length: batchSize * rowLength }, (_, i) => source[((Math.floor(i / rowLength) % rows) * rowLength) + (i % rowLength)]!) };
  }
  const source = tensor.data as NumericArray;
  const out = allocate(tensor.dtype, batchSize * rowLength);
  for (let r = 0; r < batchSize; r++) {
    const from = (r % rows) * rowLength;
    // Typed arrays of one kind: copy a whole row at a time.
    (out as Float64Array).set((source as Float64Array).subarray(from, from + rowLength), r * rowLength);
  }
  return { dtype: tensor.dtype, dims, data: out };
}

/** Random values of each input's type, with the batch dimension set and other symbolic dimensions as chosen. */
export function randomFeeds(inputs: readonly TensorSpec[], batch: BatchDimension, batchSize: number, chosenDims: Readonly<Record<string, number>>): Record<string, HostTensor> {
  return drain(fillInputs(inputLayout(inputs, batch, batchSize, chosenDims), 'random', seededRandom(BENCHMARK_SEED)));
}

/** The package's example, each input repeated row by row to the batch size. */
export function exampleFeeds(example: Readonly<Record<string, HostTensor>>, batch: BatchDimension, batchSize: number): Record<string, HostTensor> {
  if (batch.kind !== 'symbolic') return { ...example };
  return Object.fromEntries(Object.entries(example).map(([name, tensor]) => [name, repeatToBatch(tensor, batchSize)]));
}
