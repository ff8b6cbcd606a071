import type { Schema } from '@cfworker/json-schema';
import { DECIMAL } from './number-text';
import { compileNumberRules } from './schema-predicate';
import type { FeedLimit } from './feed-limits';
import type { Feature } from './signature';

/** A row's values when it is plainly fine, else null: the row is then checked in full, for every reason. */
export type FastLane = (row: readonly unknown[]) => number[] | null;

/** Whether a row of numbers, in feature order, is plainly fine (see `compileFastLane`). */
export type NumericCheck = (values: readonly number[]) => boolean;

/**
 * The quick check of a row already read as numbers: each finite, whole where the feature is an
 * integer, inside the schema's rules, the training range and what its input holds (`feeds`, by
 * feature: `feedLimits`). Null when a feature is not a number, or the schema is beyond a plain predicate.
 */
export function compileNumericCheck(features: readonly Feature[], schema: Schema | null, feeds: readonly (FeedLimit | null)[] = []): NumericCheck | null {
  if (features.length === 0 || features.some((f) => f.kind !== 'number' && f.kind !== 'integer')) return null;
  const n = features.length;
  const rules = schema ? compileNumberRules(schema, features.map((f) => f.name)) : null;
  if (schema && !rules) return null;
  // The schema's bounds and the training range, as four limits per feature compared in one loop.
  const atLeast = features.map((f, k) => Math.max(rules?.atLeast[k] ?? -Infinity, f.training?.min ?? -Infinity, feeds[k]?.min ?? -Infinity));
  const atMost = features.map((f, k) => Math.min(rules?.atMost[k] ?? Infinity, f.training?.max ?? Infinity, feeds[k]?.max ?? Infinity));
  const above = rules?.above ?? new Array<number>(n).fill(-Infinity);
  const below = rules?.below ?? new Array<number>(n).fill(Infinity);
  const whole = features.map((f, k) => f.kind === 'integer' || (rules?.whole[k] ?? false) || (feeds[k]?.whole ?? false));
  const others = rules?.others ?? [];
  return (values) => {
    for (let k = 0; k < n; k++) {
      const v = values[k]!;
      if (!Number.isFinite(v) || !(v >= atLeast[k]! && v <= atMost[k]! && v > above[k]! && v < below[k]!) || (whole[k] && !Number.isInteger(v))) return false;
    }
    // Indexed, not `for…of`: this runs once per row, and an iterator per row showed in profiles.
    for (let i = 0; i < others.length; i++) {
      const [k, check] = others[i]!;
      if (!check(values[k]!)) return false;
    }
    return true;
  };
}

/**
 * The quick check of a row of numeric features, with no allocation but its values: each cell a
 * finite number (or a decimal written without spaces), whole where the feature is an integer,
 * inside the schema's rules and the training range. A row it passes is one the full check
 * passes with no issue at all and the same values; it declines everything else (a blank, a
 * space, a boolean, a warning), and so never decides anything the full check would say
 * otherwise. Built on the numeric check (`compileNumericCheck`): null when there is none.
 */
export function compileFastLane(features: readonly Feature[], check: NumericCheck | null): FastLane | null {
  if (!check) return null;
  const n = features.length;
  return (row) => {
    const values = new Array<number>(n);
    for (let k = 0; k < n; k++) {
      const raw = row[k];
      if (typeof raw === 'number') values[k] = raw;
      else if (typeof raw === 'string' && DECIMAL.test(raw)) values[k] = Number(raw);
      else return null;
    }
    return check(values) ? values : null;
  };
}
