import type { InputFill } from '../benchmark/fill-inputs';
import type { TensorDType, TensorSpec } from '../protocol/tensor';
import { integerRange } from '../schema/feed-limits';
import { SMALL_INTEGERS } from '../schema/host-tensor';

/**
 * What an input of a transformer-like model is, recognised by its name (and an integer or bool
 * type), so that Predict's starting values and Run/Benchmark/Speed's random values are inputs
 * the model accepts: arbitrary integers index past a 2-row token-type embedding ("indices element
 * out of data bounds"), and a mask of 0s and 9s makes an HF-style extended mask give all NaN,
 * so the run would fail, or time an error path.
 * - `mask`: an attention (or other) mask, which keeps every position when all ones;
 * - `type-ids`: token type / segment ids, all in the first segment (0);
 * - `position-ids`: positions 0..T-1 along the sequence (the last axis), in every row;
 * - `token-ids`: ids into a vocabulary (input_ids, tokens, words…);
 * - `values`: anything else, drawn values of its type.
 */
export type InputRole = 'mask' | 'type-ids' | 'position-ids' | 'token-ids' | 'values';

/** Token ids an integer input takes, when the package says how large its vocabulary is (ModelFacts.tokenIds). */
export interface TokenRange {
  readonly min: number;
  readonly max: number;
  readonly detail: string;
}

const MASK_NAME = /mask/i;
const TYPE_IDS_NAME = /(^|_)(token_type|segment)(_ids?)?$|(^|_)type_ids?$/i;
const POSITION_NAME = /(^|_)(position|pos)_ids?$|(^|_)positions?$|(^|_)cache_position$/i;
const TOKEN_NAME = /(^|_)(ids?|tokens?|token_ids|input_ids|words?|chars?)(_|$)/i;

const isInteger = (dtype: TensorSpec['dtype']): boolean => /int/.test(dtype);

/** The role of an input by its name; type ids and positions are checked before token ids, as their names end in `_ids` too. */
export function inputRole(spec: Pick<TensorSpec, 'name' | 'dtype'>): InputRole {
  if (MASK_NAME.test(spec.name) && (isInteger(spec.dtype) || spec.dtype === 'bool')) return 'mask';
  if (!isInteger(spec.dtype)) return 'values';
  if (TYPE_IDS_NAME.test(spec.name)) return 'type-ids';
  if (POSITION_NAME.test(spec.name)) return 'position-ids';
  if (TOKEN_NAME.test(spec.name)) return 'token-ids';
  return 'values';
}

/** Token ids to draw: within the vocabulary when the package states it (and the type can hold it), else the small default range. */
export function tokenIdsFor(dtype: TensorDType, tokens: TokenRange | null): { readonly min: number; readonly max: number } {
  if (tokens === null) return SMALL_INTEGERS;
  // Within what the type holds: token ids drawn for a uint8 input stop at 255.
  return { min: tokens.min, max: Math.min(tokens.max, integerRange(dtype)?.max ?? tokens.max) };
}

/** What "random values" means for an input of this role (see InputRole for why). */
export function inputFill(role: InputRole, dtype: TensorDType, tokens: TokenRange | null): InputFill {
  switch (role) {
    case 'mask':
      return { kind: 'ones' };
    case 'type-ids':
      return { kind: 'zeros' };
    case 'position-ids':
      return { kind: 'positions' };
    case 'token-ids':
      return { kind: 'drawn', ints: tokenIdsFor(dtype, tokens) };
    case 'values':
      return { kind: 'drawn' };
  }
}
