import type { BatchDimension } from './plan';
import type { TensorDType, TensorSpec } from '../protocol/tensor';
import { allocate, drawRandom, elementCount, resolveDims, type HostTensor } from '../schema/host-tensor';

/** One input to make: its element type and sizes. */
export interface InputLayout {
  readonly name: string;
  readonly dtype: TensorDType;
  readonly dims: readonly number[];
}

export type GeneratedSource = 'random' | 'zeros';

/** Elements one step fills: about a millisecond of work, so that a caller on the page can yield between steps. */
export const FILL_STEP_ELEMENTS = 1 << 16;

/**
 * The inputs' sizes: each spec's shape with the chosen sizes of its symbolic dimensions (1 when
 * none is chosen), the batch dimension set to `batchSize` when one is given; an input whose type
 * the model does not say is made as float32.
 */
export function inputLayout(inputs: readonly TensorSpec[], batch: BatchDimension, batchSize: number | null, chosenDims: Readonly<Record<string, number>>): InputLayout[] {
  return inputs.map((spec) => {
    const dims = resolveDims(spec.shape, chosenDims);
    if (batchSize !== null && batch.kind === 'symbolic' && dims.length > 0) dims[0] = batchSize;
    return { name: spec.name, dtype: spec.dtype === 'unknown' ? 'float32' : spec.dtype, dims };
  });
}

/**
 * Makes generated inputs a step at a time (at most `step` elements each), yielding the elements
 * done after each step: the same values whether drained at once (`drain`) or a slice of the
 * page's time at a time. Zeros cost one allocation each (new buffers are zeroed); random values
 * come from `random`, drawn in input order.
 */
export function* fillInputs(layout: readonly InputLayout[], source: GeneratedSource, random: () => number, step = FILL_STEP_ELEMENTS): Generator<number, Record<string, HostTensor>> {
  const feeds: Record<string, HostTensor> = {};
  let done = 0;
  for (const { name, dtype, dims } of layout) {
    const n = elementCount(dims);
    const data = dtype === 'string' ? new Array<string>(n) : allocate(dtype, n);
    feeds[name] = { dtype, dims, data };
    if (source === 'zeros' && dtype !== 'string') continue;
    for (let from = 0; from < n; from += step) {
      const to = Math.min(n, from + step);
      if (source === 'random') drawRandom(dtype, data, from, to, random);
      else (data as string[]).fill('', from, to);
      done += to - from;
      yield done;
    }
  }
  return feeds;
}

/** Runs a stepwise job to its end at once (where no page waits: the CLI, tests, small batches). */
export function drain<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
