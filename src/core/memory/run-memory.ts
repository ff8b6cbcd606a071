import type { BatchDimension } from '../benchmark/plan';
import type { BackendId } from '../protocol/engine-api';
import type { TensorSpec } from '../protocol/tensor';
import type { SizeTerm, WorkingSets } from '../protocol/working-sets';
import { resolveDims } from '../schema/host-tensor';
import { ELEMENT_TYPES } from '../tensors/element-type';

/** wasm32's ceiling, and onnxruntime-web's `WebAssembly.Memory` maximum: 65,536 pages of 64 KiB. */
export const WASM_HEAP_BYTES = 65_536 * 65_536;
/** Set aside for onnxruntime's own code, stack, allocator rounding and the copies it makes of inputs and outputs. */
export const HEAP_MARGIN_BYTES = 256 * 1024 ** 2;
/** The largest batch searched for (beyond it a count of rows is no longer a plausible request). */
const MAX_BATCH = 2 ** 31;

/** What the estimate reads of a loaded model. */
export interface RunMemoryModel {
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  /** From the graph's shapes at load; null when nothing could be read (`.ort` files, graphs too large). */
  readonly workingSets: WorkingSets | null;
  /** The model file and its external data: the weights live in the same heap. */
  readonly modelBytes: number;
}

/**
 * Bytes one Run needs in onnxruntime's WebAssembly heap, as far as shapes bound them, as two figures.
 * `floor`: what must be in memory at one moment whatever buffers onnxruntime reuses (the inputs, copied
 * in and kept until the run returns, and the largest `WorkingSets.floors` set, or all the outputs at the
 * end): a lower bound. `needed`: the estimate if nothing were reused, the inputs, the outputs and every
 * value the largest step reads and writes in its own buffer: neither bound (reuse lowers it, values kept
 * across steps raise it). Parts not bounded are named and left out of both.
 */
export interface RunMemoryEstimate {
  readonly inputs: number;
  readonly outputs: number;
  /** The largest bounded working set; 0 when none is bounded or the backend keeps them on its device. */
  readonly largestStep: number;
  /** inputs + outputs + largestStep: the estimate with no buffer reused. */
  readonly needed: number;
  /** The most any one moment of the run must hold besides the inputs (values between steps and outputs made by then); 0 off the heap. */
  readonly floorStep: number;
  /** inputs + floorStep: a lower bound on the run's peak. */
  readonly floor: number;
  readonly heap: number;
  readonly model: number;
  readonly margin: number;
  /** heap − model − margin. */
  readonly available: number;
  /** needed ≤ available: fits by the estimate. */
  readonly fits: boolean;
  /** floor ≤ available: not ruled out (when false, the run cannot fit). */
  readonly mayFit: boolean;
  /** Whether the steps' values were counted: only onnxruntime's CPU (WASM) kernels keep them in this heap. */
  readonly stepsInHeap: boolean;
  /** Parts the estimate could not bound, in words (empty when every part is bounded). */
  readonly notBounded: readonly string[];
}

const product = (term: SizeTerm, dims: Readonly<Record<string, number>>): number | null => {
  let bytes = term.bytes;
  for (const d of term.dims) {
    const size = dims[d];
    if (size === undefined) return null;
    bytes *= size;
  }
  return bytes;
};

/** The tensors a Run was given (a file's, the package's example), by input name: their dims are the inputs' real sizes. */
export type GivenTensors = Readonly<Record<string, { readonly dims: readonly number[] }>>;

/**
 * Inputs as the Run makes them: a given tensor's dims, else each spec's shape with the chosen sizes
 * (unknown dtype as float32, as generated); an input with neither a tensor nor a declared shape is not bounded.
 */
function inputBytes(specs: readonly TensorSpec[], dims: Readonly<Record<string, number>>, given: GivenTensors, notBounded: string[]): number {
  let total = 0;
  for (const spec of specs) {
    const dtype = spec.dtype === 'unknown' ? 'float32' : spec.dtype;
    const tensor = given[spec.name];
    if (dtype === 'string') notBounded.push(`text input “${spec.name}”`);
    else if (tensor) total += ELEMENT_TYPES[dtype].bytes * tensor.dims.reduce((n, d) => n * d, 1);
    else if (spec.shape === null) notBounded.push(`input “${spec.name}” (no shape declared)`);
    else total += ELEMENT_TYPES[dtype].bytes * resolveDims(spec.shape, dims).reduce((n, d) => n * d, 1);
  }
  return total;
}

/** An output's bytes as a product; null when its type or a dimension is unknown (sizes that depend on the data). */
function outputTerm(spec: TensorSpec): SizeTerm | null {
  if (spec.shape === null || spec.dtype === 'unknown' || spec.dtype === 'string') return null;
  let bytes = ELEMENT_TYPES[spec.dtype].bytes;
  const dims: string[] = [];
  for (const d of spec.shape) {
    if (typeof d === 'string') dims.push(d);
    else if (d >= 0) bytes *= d;
    else return null;
  }
  return { bytes, dims };
}

function outputBytes(specs: readonly TensorSpec[], dims: Readonly<Record<string, number>>, notBounded: string[]): number {
  let total = 0;
  for (const spec of specs) {
    const term = outputTerm(spec);
    const bytes = term && product(term, dims);
    if (bytes === null) notBounded.push(`output “${spec.name}” (its size depends on the data)`);
    else total += bytes;
  }
  return total;
}

function largestStep(sets: WorkingSets | null, dims: Readonly<Record<string, number>>, notBounded: string[]): number {
  if (sets === null) {
    notBounded.push('the values between steps (the graph’s shapes could not be read)');
    return 0;
  }
  let largest = 0;
  const unchosen = new Set<string>();
  for (const set of sets.sets) {
    const sizes = set.map((term) => product(term, dims));
    if (sizes.every((b): b is number => b !== null)) largest = Math.max(largest, sizes.reduce((a, b) => a + b, 0));
    else for (const term of set) for (const d of term.dims) if (dims[d] === undefined) unchosen.add(d);
  }
  const count = (n: number): string => n.toLocaleString('en-US');
  if (sets.unknownNodes > 0) notBounded.push(`the values of ${count(sets.unknownNodes)} of ${count(sets.nodes)} steps (no shape known${sets.unknownExample ? `, e.g. ${sets.unknownExample}` : ''})`);
  if (unchosen.size > 0) notBounded.push(`steps whose values have sizes set by the data (${[...unchosen].join(', ')})`);
  return largest;
}

/** The largest floor set, counting only its terms whose sizes are bound (leaving a term out keeps it a floor). */
function largestFloor(sets: WorkingSets | null, dims: Readonly<Record<string, number>>): number {
  let largest = 0;
  for (const set of sets?.floors ?? []) largest = Math.max(largest, set.reduce((sum, term) => sum + (product(term, dims) ?? 0), 0));
  return largest;
}

/** The memory a Run with these sizes of the symbolic dimensions needs, against the heap onnxruntime-web can have. */
export function estimateRunMemory(model: RunMemoryModel, dims: Readonly<Record<string, number>>, backend: BackendId, given: GivenTensors = {}): RunMemoryEstimate {
  const notBounded: string[] = [];
  const inputs = inputBytes(model.inputs, dims, given, notBounded);
  const outputs = outputBytes(model.outputs, dims, notBounded);
  const stepsInHeap = backend === 'wasm';
  const step = stepsInHeap ? largestStep(model.workingSets, dims, notBounded) : 0;
  const needed = inputs + outputs + step;
  // On WASM every output is in the heap beside the inputs when the run returns, whatever the steps did.
  const floorStep = stepsInHeap ? Math.max(largestFloor(model.workingSets, dims), outputs) : 0;
  const floor = inputs + floorStep;
  const available = WASM_HEAP_BYTES - model.modelBytes - HEAP_MARGIN_BYTES;
  return {
    inputs, outputs, largestStep: step, needed, floorStep, floor, heap: WASM_HEAP_BYTES, model: model.modelBytes, margin: HEAP_MARGIN_BYTES, available,
    fits: needed <= available, mayFit: floor <= available, stepsInHeap, notBounded,
  };
}

/**
 * The largest size of the batch dimension (the other dimensions as chosen) that fits by the estimate
 * (`by: 'estimate'`) or is not ruled out by the floor (`by: 'floor'`); null when the model has no
 * symbolic batch dimension, 0 when not even one row does.
 */
export function largestFittingBatch(model: RunMemoryModel, dims: Readonly<Record<string, number>>, batch: BatchDimension, backend: BackendId, by: 'estimate' | 'floor' = 'estimate'): number | null {
  if (batch.kind !== 'symbolic') return null;
  const fits = (size: number): boolean => {
    const e = estimateRunMemory(model, { ...dims, [batch.name]: size }, backend);
    return by === 'floor' ? e.mayFit : e.fits;
  };
  if (!fits(1)) return 0;
  let low = 1;
  let high = MAX_BATCH;
  if (fits(high)) return high;
  // The estimate grows with the batch: the largest size that fits lies in [low, high).
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}
