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

function heapText(estimate: RunMemoryEstimate): string {
  return `this browser’s WebAssembly memory is ${byteSize(estimate.heap)} at most, ${byteSize(Math.max(0, estimate.available))} once the loaded models (${byteSize(estimate.model)}) and a ${byteSize(estimate.margin)} margin are set aside`;
}

/** What the floor is made of: the inputs and, on WASM, the most one moment of the run must hold besides them. */
function floorParts(estimate: RunMemoryEstimate): string {
  return estimate.stepsInHeap ? `inputs ${byteSize(estimate.inputs)}, and ${byteSize(estimate.floorStep)} that its largest step must hold at once with the outputs made by then` : `inputs ${byteSize(estimate.inputs)}`;
}

const notCounted = (estimate: RunMemoryEstimate): string => (estimate.notBounded.length > 0 ? ` Not counted, so the real need is higher: ${estimate.notBounded.join('; ')}.` : '');

/**
 * The sentence a refused Run shows beside its button: the floor (what must be in memory at once,
 * whatever onnxruntime reuses) and of what, what the heap holds, and the largest batch the floor does
 * not rule out (`largest`, by the floor); the hint names what the estimate could not count.
 */
export function runMemoryRefusal(estimate: RunMemoryEstimate, dims: Readonly<Record<string, number>>, batch: BatchDimension, largest: number | null): EngineError {
  const fitting = largest === null ? '' : largest === 0 ? '; not even a batch of 1 can fit' : `; the largest batch that might fit is about ${aboutCount(largest)}`;
  const message = `${sizesText(dims, batch)} needs at least ${byteSize(estimate.floor)} of memory (${floorParts(estimate)}); ${heapText(estimate)}${fitting}.`;
  const fix = batch.kind === 'symbolic' && largest !== null && largest > 0 ? `Set “${batch.name}” to ${aboutCount(largest)} or less, or run the rows in several smaller batches.` : 'Choose smaller sizes for the symbolic dimensions, or a smaller model.';
  return engineError('too-large-for-memory', message, `Nothing was sent to the engine. ${fix}${notCounted(estimate)}`);
}

/**
 * The sentence a Run shows when its floor fits but its estimate does not: the range between the two
 * and what each counts, what the heap holds, and the largest batch that fits by the estimate
 * (`largest`); the Run waits for "Run anyway".
 */
export function runMemoryWarning(estimate: RunMemoryEstimate, dims: Readonly<Record<string, number>>, batch: BatchDimension, largest: number | null): EngineError {
  const upper = `inputs, outputs ${byteSize(estimate.outputs)} and every value its largest step reads and writes, ${byteSize(estimate.largestStep)}`;
  const range = byteSize(estimate.floor) === byteSize(estimate.needed) ? byteSize(estimate.needed) : `${byteSize(estimate.floor)}–${byteSize(estimate.needed)}`;
  const message =
    `${sizesText(dims, batch)} may not fit in memory: about ${range}. ` +
    `At least ${byteSize(estimate.floor)} (${floorParts(estimate)}); ${byteSize(estimate.needed)} if no buffer were reused (${upper}); ${heapText(estimate)}.`;
  const smaller = batch.kind === 'symbolic' && largest !== null && largest > 0 ? `, or set “${batch.name}” to ${aboutCount(largest)} or less (then even the higher figure fits)` : '';
  return engineError('may-not-fit-memory', message, `Nothing was sent to the engine yet. Run anyway to try (if memory runs out, the run stops with an error)${smaller}.${notCounted(estimate)}`);
}
