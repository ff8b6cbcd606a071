import type { TensorDType } from '../protocol/tensor';
import { elementCount, tensorValues, type HostTensor } from '../schema/host-tensor';
import { ELEMENT_TYPES } from '../tensors/element-type';
import { elementText } from '../tensors/tensor-summary';
import { type Tolerance } from './tolerance';

/** One element outside the tolerance (or unequal, for exact types). */
export interface ElementMismatch {
  /** Its position, one index per dimension (`[]` for a scalar). */
  readonly index: readonly number[];
  readonly expected: string;
  readonly got: string;
  /** |got − expected| (Infinity when one side is NaN or infinite); null for strings. */
  readonly absError: number | null;
}

/** One output compared with its expected value. */
export interface TensorComparison {
  readonly dtype: TensorDType;
  readonly dims: readonly number[];
  readonly gotDtype: TensorDType;
  readonly gotDims: readonly number[];
  /** Elements of the expected tensor. */
  readonly count: number;
  /** Largest |got − expected| (Infinity when a NaN or an infinity differs); null for strings or when not comparable. */
  readonly maxAbs: number | null;
  /** Largest |got − expected| / |expected| over elements whose expected value is not 0; null as for maxAbs. */
  readonly maxRel: number | null;
  /** Elements outside the tolerance (all of them when the dtypes or shapes differ). */
  readonly mismatched: number;
  readonly pass: boolean;
  /** Integers, booleans and strings are compared exactly, floats with the tolerance. */
  readonly exact: boolean;
  /** Why the tensors could not be compared element by element (dtype or shape), else null. */
  readonly problem: string | null;
  /** The first mismatches in index order, at most `listed`. */
  readonly failures: readonly ElementMismatch[];
  /** The mismatch with the largest absolute error. */
  readonly worst: ElementMismatch | null;
}

export const LISTED_FAILURES = 20;

/** Index of element `flat` in C order: one index per dimension. */
export function multiIndex(flat: number, dims: readonly number[]): number[] {
  const index = new Array<number>(dims.length);
  for (let axis = dims.length - 1; axis >= 0; axis--) {
    index[axis] = flat % dims[axis]!;
    flat = Math.floor(flat / dims[axis]!);
  }
  return index;
}

const sameDims = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);
const shape = (dims: readonly number[]): string => `[${dims.join(', ')}]`;

function floatError(got: number, expected: number): number {
  if (Number.isNaN(got) && Number.isNaN(expected)) return 0;
  if (Number.isNaN(got) || Number.isNaN(expected)) return Infinity;
  if (got === expected) return 0; // equal infinities included
  return Math.abs(got - expected); // Infinity when one side is infinite
}

/**
 * Compares a tensor with its expected value: floats by the tolerance rule (NaN equals NaN,
 * an infinity only itself), integers, booleans and strings exactly; dtypes and shapes must match.
 */
export function compareTensors(expected: HostTensor, got: HostTensor, tolerance: Tolerance, listed = LISTED_FAILURES): TensorComparison {
  const count = elementCount(expected.dims);
  const exact = ELEMENT_TYPES[expected.dtype].kind !== 'float';
  const base = { dtype: expected.dtype, dims: [...expected.dims], gotDtype: got.dtype, gotDims: [...got.dims], count, exact };
  const problem = expected.dtype !== got.dtype ? `expected ${expected.dtype}, got ${got.dtype}` : !sameDims(expected.dims, got.dims) ? `expected shape ${shape(expected.dims)}, got shape ${shape(got.dims)}` : null;
  if (problem) return { ...base, maxAbs: null, maxRel: null, mismatched: count, pass: false, problem, failures: [], worst: null };
  const e = tensorValues(expected);
  const g = tensorValues(got);
  const isString = expected.dtype === 'string';
  const failures: ElementMismatch[] = [];
  let worst: ElementMismatch | null = null;
  let maxAbs = 0;
  let maxRel = 0;
  let mismatched = 0;
  for (let i = 0; i < count; i++) {
    const ev = e[i]!;
    const gv = g[i]!;
    let abs: number | null;
    let ok: boolean;
    if (isString) {
      abs = null;
      ok = ev === gv;
    } else if (typeof ev === 'bigint' || typeof gv === 'bigint') {
      const diff = BigInt(gv) - BigInt(ev);
      abs = Number(diff < 0n ? -diff : diff);
      ok = diff === 0n;
      if (ev !== 0n) maxRel = Math.max(maxRel, abs / Math.abs(Number(ev)));
    } else {
      const en = ev as number;
      const gn = gv as number;
      abs = floatError(gn, en);
      ok = exact ? abs === 0 : abs === 0 || (Number.isFinite(abs) && Number.isFinite(en) && abs <= tolerance.atol + tolerance.rtol * Math.abs(en));
      if (en !== 0 && !Number.isNaN(en)) maxRel = Math.max(maxRel, Number.isFinite(en) ? abs / Math.abs(en) : abs === 0 ? 0 : Infinity);
    }
    if (abs !== null) maxAbs = Math.max(maxAbs, abs);
    if (ok) continue;
    mismatched++;
    const mismatch: ElementMismatch = { index: multiIndex(i, expected.dims), expected: elementText(expected.dtype, ev), got: elementText(got.dtype, gv), absError: abs };
    if (failures.length < listed) failures.push(mismatch);
    if (!worst || (abs !== null && (worst.absError === null || abs > worst.absError))) worst = mismatch;
  }
  return {
    ...base,
    maxAbs: isString ? null : maxAbs,
    maxRel: isString ? null : maxRel,
    mismatched,
    pass: mismatched === 0,
    problem: null,
    failures,
    worst,
  };
}
