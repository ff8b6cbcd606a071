import { drain, fillInputs, type InputFill } from '../benchmark/fill-inputs';
import type { TensorDType, TensorSpec } from '../protocol/tensor';
import { seededRandom, type HostTensor } from '../schema/host-tensor';
import type { Feature, Signature } from '../schema/signature';
import { inputFill, inputRole, type TokenRange } from './input-roles';

/**
 * What the Predict tab starts with, so that Predict can run the moment it opens:
 * - the mode: one field per feature for a narrow table, tensors for images, sequences and
 *   wide inputs (more than WIDE_INPUT features: 64 pixel fields are a wall, not a form);
 * - a value for every feature: the middle of its declared or training range, its first
 *   option, "off" for a flag, else a seeded random value (the same every time);
 * - values for every other input: seeded random values of its type, except inputs recognised by
 *   name (input-roles): ones for an attention mask, 0 for token type ids, 0..T-1 for position
 *   ids, token ids within the vocabulary when the package gives its size.
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

/** The middle of a range; for an integer feature a whole number within it (3.5 would open the form blocked: "must be a whole number"). */
function middleOf(min: number, max: number, integer: boolean): number {
  const middle = (min + max) / 2;
  if (!integer) return Number(middle.toPrecision(4));
  const [low, high] = [Math.ceil(min), Math.floor(max)];
  return low <= high ? Math.min(high, Math.max(low, Math.round(middle))) : Math.round(middle);
}

/** A feature's starting value and where it came from. */
function startOf(feature: Feature, random: () => number): { value: string | boolean; origin: Origin } {
  if (feature.kind === 'boolean') return { value: false, origin: 'flag' };
  if (feature.options && feature.options.length > 0) return { value: String(feature.options[0]), origin: 'option' };
  const range = [feature.declared, feature.training].find((r) => r && r.min !== null && r.max !== null);
  if (range) return { value: String(middleOf(range.min!, range.max!, feature.kind === 'integer')), origin: 'range' };
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

function dtypeOf(spec: TensorSpec): TensorDType {
  return spec.dtype === 'unknown' ? 'float32' : spec.dtype;
}

/** Where the starting values of an input came from, in words. */
function sourceOf(fill: InputFill, dtype: TensorDType, dims: readonly number[], tokens: TokenRange | null): string {
  if (fill.kind === 'ones') return 'ones (an attention mask that keeps every position)';
  if (fill.kind === 'zeros') return 'zeros (token type ids: every token in the first segment)';
  if (fill.kind === 'positions') return `positions 0–${Math.max(0, (dims.at(-1) ?? 1) - 1)} in each row`;
  if (fill.ints && tokens) return `seeded random token ids ${fill.ints.min}–${fill.ints.max} (${tokens.detail})`;
  const range = dtype.startsWith('float') ? ' in 0–1' : dtype === 'bool' ? '' : dtype === 'string' ? '' : ' in 0–9';
  return `seeded random ${dtype} values${range}`;
}

/** One input's values by its role (input-roles), drawn values coming from `random`: what starting and random values share. */
function roleValues(spec: TensorSpec, dims: readonly number[], tokens: TokenRange | null, random: () => number): { tensor: HostTensor; fill: InputFill; dtype: TensorDType } {
  const dtype = dtypeOf(spec);
  const fill = inputFill(inputRole({ name: spec.name, dtype }), dtype, tokens);
  const tensor = drain(fillInputs([{ name: spec.name, dtype, dims: [...dims], fill }], 'random', random))[spec.name]!;
  return { tensor, fill, dtype };
}

/** Seeded starting values for one input at the given size (the same rules as random inputs: input-roles), and where they came from in words. */
export function startingTensor(spec: TensorSpec, dims: readonly number[], tokens: TokenRange | null, seed = STARTING_SEED): { tensor: HostTensor; source: string } {
  const { tensor, fill, dtype } = roleValues(spec, dims, tokens, seededRandom(seed));
  return { tensor, source: sourceOf(fill, dtype, dims, tokens) };
}

/**
 * Fresh random values for one input (Predict's "Random values" button), by the same role rules
 * as random inputs everywhere: a mask stays ones, token type ids zeros, positions 0..T-1, and
 * token ids stay within the vocabulary. The source begins "random " so that a new size redraws it.
 */
export function randomInput(spec: TensorSpec, dims: readonly number[], tokens: TokenRange | null, random: () => number): { tensor: HostTensor; source: string } {
  const { tensor, fill, dtype } = roleValues(spec, dims, tokens, random);
  const count = tensor.data.length.toLocaleString('en-US');
  if (fill.kind !== 'drawn') return { tensor, source: `random inputs for “${spec.name}” are ${sourceOf(fill, dtype, dims, tokens)} (${count})` };
  if (fill.ints && tokens) return { tensor, source: `random token ids ${fill.ints.min}–${fill.ints.max} (${tokens.detail}; ${count})` };
  return { tensor, source: `random ${dtype} values (${count})` };
}
