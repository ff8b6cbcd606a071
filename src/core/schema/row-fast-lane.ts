import type { Schema } from '@cfworker/json-schema';
import { DECIMAL } from './number-text';
import { compilePositionalPredicate } from './schema-predicate';
import type { Feature } from './signature';

/** A row's values when it is plainly fine, else null: the row is then checked in full, for every reason. */
export type FastLane = (row: readonly unknown[]) => number[] | null;

/**
 * The quick check of a row of numeric features, with no allocation but its values: each cell a
 * finite number (or a decimal written without spaces), whole where the feature is an integer,
 * inside the schema's rules and the training range. A row it passes is one the full check
 * passes with no issue at all and the same values; it declines everything else (a blank, a
 * space, a boolean, a warning), and so never decides anything the full check would say
 * otherwise. Null when a feature is not a number, or the schema is beyond a plain predicate.
 */
export function compileFastLane(features: readonly Feature[], schema: Schema | null): FastLane | null {
  if (features.length === 0 || features.some((f) => f.kind !== 'number' && f.kind !== 'integer')) return null;
  const predicate = schema ? compilePositionalPredicate(schema, features.map((f) => f.name)) : () => true;
  if (!predicate) return null;
  const n = features.length;
  const integer = features.map((f) => f.kind === 'integer');
  const low = features.map((f) => f.training?.min ?? Number.NEGATIVE_INFINITY);
  const high = features.map((f) => f.training?.max ?? Number.POSITIVE_INFINITY);
  return (row) => {
    const values = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      const raw = row[k];
      let v: number;
      if (typeof raw === 'number') v = raw;
      else if (typeof raw === 'string' && DECIMAL.test(raw)) v = Number(raw);
      else return null;
      if (!Number.isFinite(v) || (integer[k] && !Number.isInteger(v)) || v < low[k]! || v > high[k]!) return null;
      values[k] = v;
    }
    return predicate(values) ? values : null;
  };
}
