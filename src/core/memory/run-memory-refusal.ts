import type { BatchDimension } from '../benchmark/plan';
import { byteSize } from '../package/limits';
import { engineError, type EngineError } from '../protocol/engine-error';
import type { RunMemoryEstimate } from './run-memory';

const count = (n: number): string => n.toLocaleString('en-US');

/** A figure for "about N": rounded down to three significant digits, so that "about" never promises more than fits. */
export function aboutCount(n: number): string {
  if (n < 1000) return count(n);
  const step = 10 ** (Math.floor(Math.log10(n)) - 2);
  return count(Math.floor(n / step) * step);
}

function sizesText(dims: Readonly<Record<string, number>>, batch: BatchDimension): string {
  if (batch.kind === 'symbolic' && dims[batch.name] !== undefined) return `Batch ${count(dims[batch.name]!)}`;
  const named = Object.entries(dims).map(([name, size]) => `${name} ${count(size)}`);
  return named.length > 0 ? `These sizes (${named.join(', ')})` : 'This run';
}

/**
 * The sentence a refused Run shows beside its button: what the batch needs and of what, what the
 * heap holds, and the largest batch that fits; the hint names what the estimate could not count.
 */
export function runMemoryRefusal(estimate: RunMemoryEstimate, dims: Readonly<Record<string, number>>, batch: BatchDimension, largest: number | null): EngineError {
  const parts = [`inputs ${byteSize(estimate.inputs)}`, `outputs ${byteSize(estimate.outputs)}`];
  if (estimate.stepsInHeap) parts.push(`the largest step ${byteSize(estimate.largestStep)}`);
  const fitting = largest === null ? '' : largest === 0 ? '; not even a batch of 1 fits' : `; the largest batch that fits is about ${aboutCount(largest)}`;
  const message =
    `${sizesText(dims, batch)} needs at least ${byteSize(estimate.needed)} of memory (${parts.join(', ')}); ` +
    `this browser’s WebAssembly memory is ${byteSize(estimate.heap)} at most, ${byteSize(Math.max(0, estimate.available))} once the loaded models (${byteSize(estimate.model)}) and a ${byteSize(estimate.margin)} margin are set aside${fitting}.`;
  const fix = batch.kind === 'symbolic' && largest !== null && largest > 0 ? `Set “${batch.name}” to ${aboutCount(largest)} or less, or run the rows in several smaller batches.` : 'Choose smaller sizes for the symbolic dimensions, or a smaller model.';
  const unbounded = estimate.notBounded.length > 0 ? ` Not counted, so the real need is higher: ${estimate.notBounded.join('; ')}.` : '';
  return engineError('too-large-for-memory', message, `Nothing was sent to the engine. ${fix}${unbounded}`);
}
