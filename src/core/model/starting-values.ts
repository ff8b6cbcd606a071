import type { TensorDType, TensorSpec } from '../protocol/tensor';
import { fromNumbers, randomTensor, seededRandom, type HostTensor } from '../schema/host-tensor';
import type { Feature, Signature } from '../schema/signature';

/**
 * What the Predict tab starts with, so that Predict can run the moment it opens:
 * - the mode: one field per feature for a narrow table, tensors for images, sequences and
 *   wide inputs (more than WIDE_INPUT features: 64 pixel fields are a wall, not a form);
 * - a value for every feature: the middle of its declared or training range, its first
 *   option, "off" for a flag, else a seeded random value (the same every time);
 * - values for every other input: seeded random values of its type, token ids within the
 *   vocabulary when the package gives its size, ones for an attention mask.
 * The input example, when the package has one that fits, comes first (the caller applies it).
 */
export const WIDE_INPUT = 32;

/** The seed of the starting values: the same numbers every time a model opens. */
export const STARTING_SEED = 12;

export type StartingMode = 'form' | 'tensors';

export function startingMode(signature: Signature): StartingMode {
  if (signature.layout.kind === 'tensors' || signature.inputs.some((i) => i.image)) return 'tensors';
  return signature.features.length > WIDE_INPUT ? 'tensors' : 'form';
}

type Origin = 'range' | 'option' | 'flag' | 'seeded' | 'empty';

/** A feature's starting value and where it came from. */
function startOf(feature: Feature, random: () => number): { value: string | boolean; origin: Origin } {
  if (feature.kind === 'boolean') return { value: false, origin: 'flag' };
  if (feature.options && feature.options.length > 0) return { value: String(feature.options[0]), origin: 'option' };
  const range = [feature.declared, feature.training].find((r) => r && r.min !== null && r.max !== null);
  if (range) return { value: String(Number(((range.min! + range.max!) / 2).toPrecision(4))), origin: 'range' };
  if (feature.kind === 'integer') return { value: String(Math.floor(random() * 10)), origin: 'seeded' };
  if (feature.kind === 'number') return { value: String(Number(random().toFixed(3))), origin: 'seeded' };
  return { value: '', origin: 'empty' };
}

const ORIGIN_WORDS: Readonly<Record<Origin, string>> = {
  range: 'the middle of its range',
  option: 'its first allowed value',
  flag: 'off',
  seeded: 'a seeded random value (the package gives no range)',
  empty: 'empty (type a value)',
};

const ALL_WORDS: Readonly<Record<Origin, string>> = {
  range: 'the middle of each feature’s range',
  option: 'the first allowed value of each feature',
  flag: 'every flag off',
  seeded: 'seeded random values, the same every time (the package gives no example or ranges)',
  empty: 'empty: the package gives no example, ranges or types to start from',
};

export interface StartingValues {
  readonly values: Record<string, string | boolean>;
  /** In words, for "Values: …": what the values are, true for every feature. */
  readonly note: string;
}

/** A value for every feature, and a note that says truly where they came from. */
export function startingValues(features: readonly Feature[]): StartingValues {
  const random = seededRandom(STARTING_SEED);
  const values: Record<string, string | boolean> = {};
  const counts = new Map<Origin, number>();
  for (const f of features) {
    const { value, origin } = startOf(f, random);
    values[f.name] = value;
    counts.set(origin, (counts.get(origin) ?? 0) + 1);
  }
  if (counts.size === 1) return { values, note: ALL_WORDS[[...counts.keys()][0]!] };
  const parts = [...counts].map(([origin, n]) => `${n} ${n === 1 ? 'feature' : 'features'} ${origin === 'flag' ? 'off' : `at ${ORIGIN_WORDS[origin]}`}`);
  return { values, note: parts.join(', ') };
}

/** Token ids an integer input takes, when the package says how large its vocabulary is. */
export interface TokenRange {
  readonly min: number;
  readonly max: number;
  readonly detail: string;
}

const TOKEN_NAME = /(^|_)(ids?|tokens?|token_ids|input_ids|words?|chars?)(_|$)/i;
const MASK_NAME = /mask/i;

export const isTokenInput = (spec: TensorSpec): boolean => /int/.test(spec.dtype) && TOKEN_NAME.test(spec.name);
export const isMaskInput = (spec: TensorSpec): boolean => (/int/.test(spec.dtype) || spec.dtype === 'bool') && MASK_NAME.test(spec.name);

function dtypeOf(spec: TensorSpec): TensorDType {
  return spec.dtype === 'unknown' ? 'float32' : spec.dtype;
}

/** Seeded starting values for one input at the given size, and where they came from in words. */
export function startingTensor(spec: TensorSpec, dims: readonly number[], tokens: TokenRange | null, seed = STARTING_SEED): { tensor: HostTensor; source: string } {
  const dtype = dtypeOf(spec);
  const n = dims.reduce((a, b) => a * b, 1);
  if (isMaskInput(spec) && dtype !== 'string') {
    return { tensor: { dtype, dims: [...dims], data: fromNumbers(dtype, new Array<number>(n).fill(1)) }, source: 'ones (an attention mask that keeps every position)' };
  }
  const random = seededRandom(seed);
  if (tokens && isTokenInput(spec) && dtype !== 'string' && dtype !== 'bool') {
    const span = tokens.max - tokens.min + 1;
    const ids = Array.from({ length: n }, () => tokens.min + Math.floor(random() * span));
    return { tensor: { dtype, dims: [...dims], data: fromNumbers(dtype, ids) }, source: `seeded random token ids ${tokens.min}–${tokens.max} (${tokens.detail})` };
  }
  const tensor = randomTensor(dtype, dims, random);
  const range = dtype.startsWith('float') ? ' in 0–1' : dtype === 'bool' ? '' : dtype === 'string' ? '' : ' in 0–9';
  return { tensor, source: `seeded random ${dtype} values${range}` };
}
