import { encodePointer, type OutputUnit, type Schema } from '@cfworker/json-schema';

type Value = number | string | boolean | null;
type Check = (value: Value) => boolean;

/** Keywords that never make a value invalid. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'default', '$comment', '$schema', '$id', 'readOnly', 'writeOnly']);

const TYPES: Record<string, Check> = {
  number: (v) => typeof v === 'number',
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  string: (v) => typeof v === 'string',
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
};

const isPrimitive = (v: unknown): v is Value => v === null || ['number', 'string', 'boolean'].includes(typeof v);

/** One keyword of a property's schema as a check, or null when it is not one this module knows for sure. */
function keywordCheck(keyword: string, limit: unknown): Check | null {
  const numberLimit = typeof limit === 'number' ? limit : null;
  switch (keyword) {
    case 'type': {
      const names = Array.isArray(limit) ? limit : [limit];
      const checks = names.map((n) => (typeof n === 'string' ? TYPES[n] : undefined));
      if (checks.some((c) => !c)) return null;
      return (v) => checks.some((c) => c!(v));
    }
    // Range keywords say nothing about a value that is not a number (draft 7: exclusive limits are numbers).
    case 'minimum':
      return numberLimit === null ? null : (v) => typeof v !== 'number' || v >= numberLimit;
    case 'maximum':
      return numberLimit === null ? null : (v) => typeof v !== 'number' || v <= numberLimit;
    case 'exclusiveMinimum':
      return numberLimit === null ? null : (v) => typeof v !== 'number' || v > numberLimit;
    case 'exclusiveMaximum':
      return numberLimit === null ? null : (v) => typeof v !== 'number' || v < numberLimit;
    case 'enum':
      return Array.isArray(limit) && limit.every(isPrimitive) ? (v) => limit.includes(v) : null;
    case 'const':
      return isPrimitive(limit) ? (v) => v === limit : null;
    default:
      return null;
  }
}

/** One keyword of a property's schema, with its check. */
interface KeywordRule {
  readonly keyword: string;
  readonly limit: unknown;
  readonly check: Check;
}

/** A property's keywords as checks, in the order the validator reports them; null when one is unknown. */
function propertyRules(prop: unknown): KeywordRule[] | null {
  if (prop === true) return [];
  if (typeof prop !== 'object' || prop === null || Array.isArray(prop)) return null;
  const rules: KeywordRule[] = [];
  for (const [keyword, limit] of Object.entries(prop)) {
    if (ANNOTATIONS.has(keyword)) continue;
    const check = keywordCheck(keyword, limit);
    if (!check) return null;
    rules.push({ keyword, limit, check });
  }
  return rules.sort((a, b) => REPORT_ORDER.indexOf(a.keyword) - REPORT_ORDER.indexOf(b.keyword));
}

/** The order in which @cfworker/json-schema reports a value's failures. */
const REPORT_ORDER = ['type', 'const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];

const typeOf = (v: Value): string => (v === null ? 'null' : typeof v);

/** The validator's own words for a failed keyword (what `describe` in validate-row reads). */
function failureText(keyword: string, limit: unknown, v: Value): string {
  switch (keyword) {
    case 'type':
      return `Instance type "${typeOf(v)}" is invalid. Expected "${Array.isArray(limit) ? limit.join('", "') : String(limit)}".`;
    case 'const':
      return `Instance does not match ${JSON.stringify(limit)}.`;
    case 'enum':
      return `Instance does not match any of ${JSON.stringify(limit)}.`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${String(v)} is less than ${String(limit)}.`;
    case 'maximum':
      return `${String(v)} is greater than ${String(limit)}.`;
    default:
      return `${String(v)} is greater than or equal to ${String(limit)}.`;
  }
}

/** The schema's required names and per-property rules, or null when it uses anything this module does not know for sure. */
function compileParts(schema: Schema): { required: string[]; properties: [string, KeywordRule[]][] } | null {
  const required: string[] = [];
  const properties: [string, KeywordRule[]][] = [];
  for (const [keyword, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword)) continue;
    if (keyword === 'type' && value === 'object') continue;
    if (keyword === 'required' && Array.isArray(value) && value.every((n) => typeof n === 'string')) required.push(...(value as string[]));
    else if (keyword === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, prop] of Object.entries(value as Record<string, unknown>)) {
        const rules = propertyRules(prop);
        if (!rules) return null;
        properties.push([name, rules]);
      }
    } else return null;
  }
  return { required, properties };
}

const allPass = (rules: readonly KeywordRule[]): Check => (v) => rules.every((r) => r.check(v));

/**
 * A row schema of the common shape (an object whose properties state a type, a range, allowed
 * values, and which are required) as a plain predicate, a hundred times quicker per row than
 * interpreting the schema. It answers only "valid or not", exactly as a JSON Schema (draft 7)
 * validator would for the flat objects of parsed values a row makes; null when the schema uses
 * anything else, and then the validator does the work.
 */
export function compileSchemaPredicate(schema: Schema): ((object: Readonly<Record<string, Value>>) => boolean) | null {
  const parts = compileParts(schema);
  if (!parts) return null;
  const { required } = parts;
  const checks = parts.properties.map(([name, rules]) => [name, allPass(rules)] as const);
  return (object) => {
    for (const name of required) if (!Object.hasOwn(object, name)) return false;
    for (const [name, check] of checks) if (Object.hasOwn(object, name) && !check(object[name]!)) return false;
    return true;
  };
}

/** What a schema asks of finite numbers given in the order of `names`: bounds per position, and any other rule. */
export interface NumberRules {
  /** v >= atLeast[k], v > above[k], v <= atMost[k], v < below[k]. */
  readonly atLeast: number[];
  readonly above: number[];
  readonly atMost: number[];
  readonly below: number[];
  /** Must be a whole number. */
  readonly whole: boolean[];
  /** Rules beyond bounds and "number"/"integer" (enum, const, another type), checked as they are. */
  readonly others: (readonly [number, Check])[];
}

/**
 * `compileSchemaPredicate` for rows of finite numbers given in the order of `names`, as
 * bounds that a loop compares without a call per rule (what the validator's quick check
 * asks). Null when the schema is not one it knows, or requires a name not among `names` (no
 * such row passes).
 */
export function compileNumberRules(schema: Schema, names: readonly string[]): NumberRules | null {
  const parts = compileParts(schema);
  if (!parts || parts.required.some((name) => !names.includes(name))) return null;
  const n = names.length;
  const rules: NumberRules = { atLeast: new Array<number>(n).fill(-Infinity), above: new Array<number>(n).fill(-Infinity), atMost: new Array<number>(n).fill(Infinity), below: new Array<number>(n).fill(Infinity), whole: new Array<boolean>(n).fill(false), others: [] };
  for (const [name, list] of parts.properties) {
    const k = names.indexOf(name);
    if (k < 0) continue;
    for (const { keyword, limit, check } of list) {
      const types = keyword === 'type' ? (Array.isArray(limit) ? limit : [limit]) : null;
      if (keyword === 'minimum') rules.atLeast[k] = Math.max(rules.atLeast[k]!, limit as number);
      else if (keyword === 'exclusiveMinimum') rules.above[k] = Math.max(rules.above[k]!, limit as number);
      else if (keyword === 'maximum') rules.atMost[k] = Math.min(rules.atMost[k]!, limit as number);
      else if (keyword === 'exclusiveMaximum') rules.below[k] = Math.min(rules.below[k]!, limit as number);
      else if (types?.includes('number')) continue;
      else if (types?.length === 1 && types[0] === 'integer') rules.whole[k] = true;
      else rules.others.push([k, check]);
    }
  }
  return rules;
}

/**
 * Every failure of an object against a schema `compileSchemaPredicate` knows, as the validator
 * (@cfworker/json-schema, draft 7, every error) reports them: same keywords, locations, words
 * and order, less the "properties" wrappers. The validator interprets the schema anew for each
 * row it explains; a file with many out-of-range rows should not pay that. Null for other schemas.
 */
export function compileSchemaExplainer(schema: Schema): ((object: Readonly<Record<string, Value>>) => OutputUnit[]) | null {
  const parts = compileParts(schema);
  if (!parts) return null;
  const properties = parts.properties.map(([name, rules]) => ({ name, rules, location: `#/properties/${encodePointer(name)}`, instance: `#/${encodePointer(name)}` }));
  return (object) => {
    const errors: OutputUnit[] = [];
    for (const key of parts.required) {
      if (!Object.hasOwn(object, key)) errors.push({ instanceLocation: '#', keyword: 'required', keywordLocation: '#/required', error: `Instance does not have required property "${key}".` });
    }
    for (const { name, rules, location, instance } of properties) {
      if (!Object.hasOwn(object, name)) continue;
      const v = object[name]!;
      for (const { keyword, limit, check } of rules) {
        if (!check(v)) errors.push({ instanceLocation: instance, keyword, keywordLocation: `${location}/${keyword}`, error: failureText(keyword, limit, v) });
      }
    }
    return errors;
  };
}
