import type { BatchDimension } from './plan';
import type { TensorDType, TensorSpec } from '../protocol/tensor';
import { allocate, drawRandom, elementCount, fromNumbers, resolveDims, type HostTensor, type NumericArray } from '../schema/host-tensor';

/**
 * What random values an input gets: drawn values of its type (integers in `ints`, 0–9 when
 * absent), or fixed values an input of a known role needs to be valid (see model/input-roles):
 * `ones` (a mask that keeps every position), `zeros` (token type ids: one segment) or
 * `positions` (0..T-1 along the last axis, in every row).
 */
export type InputFill =
  | { readonly kind: 'drawn'; readonly ints?: Readonly<{ min: number; max: number }> }
  | { readonly kind: 'ones' }
  | { readonly kind: 'zeros' }
  | { readonly kind: 'positions' };

/** One input to make: its element type and sizes, and (random values only) what it holds; absent: drawn values of its type. */
export interface InputLayout {
  readonly name: string;
  readonly dtype: TensorDType;
  readonly dims: readonly number[];
  readonly fill?: InputFill;
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
 * Fills `data[from, to)` of one input with its random values (`fill`). Only drawn values take
 * from `random`, one per element, so a range at a time gives the same values as all at once.
 */
export function fillRandom(input: InputLayout, data: NumericArray | string[], from: number, to: number, random: () => number): void {
  const fill = input.fill ?? { kind: 'drawn' };
  if (fill.kind === 'drawn' || input.dtype === 'string') {
    drawRandom(input.dtype, data, from, to, random, fill.kind === 'drawn' ? fill.ints : undefined);
    return;
  }
  if (fill.kind === 'zeros') return; // new buffers are zeroed
  const row = input.dims.at(-1) ?? 1;
  const valueAt = fill.kind === 'ones' ? () => 1 : (i: number) => i % row;
  const values = Array.from({ length: to - from }, (_, k) => valueAt(from + k));
  (data as Float64Array).set(fromNumbers(input.dtype, values) as Float64Array, from);
}

/**
 * Makes generated inputs a step at a time (at most `step` elements each), yielding the elements
 * done after each step: the same values whether drained at once (`drain`) or a slice of the
 * page's time at a time. Zeros cost one allocation each (new buffers are zeroed); random values
 * are each input's `fill`, drawn values coming from `random` in input order.
 */
export function* fillInputs(layout: readonly InputLayout[], source: GeneratedSource, random: () => number, step = FILL_STEP_ELEMENTS): Generator<number, Record<string, HostTensor>> {
  const feeds: Record<string, HostTensor> = {};
  let done = 0;
  for (const input of layout) {
    const { name, dtype, dims } = input;
    const n = elementCount(dims);
    const data = dtype === 'string' ? new Array<string>(n) : allocate(dtype, n);
    feeds[name] = { dtype, dims, data };
    if (source === 'zeros' && dtype !== 'string') continue;
    for (let from = 0; from < n; from += step) {
      const to = Math.min(n, from + step);
      if (source === 'random') fillRandom(input, data, from, to, random);
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
