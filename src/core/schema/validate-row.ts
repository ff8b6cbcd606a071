import { Validator, type OutputUnit, type Schema } from '@cfworker/json-schema';
import type { Feature, Signature } from './signature';
import { parseDecimal } from './number-text';
import { compileSchemaExplainer, compileSchemaPredicate } from './schema-predicate';
import { compileFastLane, compileNumericCheck, type NumericCheck } from './row-fast-lane';
import { feedLimits, feedProblem, type FeedLimit } from './feed-limits';

export type IssueRule = 'missing' | 'type' | 'not-finite' | 'range' | 'training-range' | 'enum' | 'shape' | 'schema';

/** One problem with one field, in words that name the field and the rule. */
export interface InputIssue {
  readonly field: string;
  readonly severity: 'error' | 'warning';
  readonly rule: IssueRule;
  readonly message: string;
}

export type FeatureValue = number | string | boolean | null;

export interface RowCheck {
  /** Typed values in feature order; `null` where missing or unreadable. */
  readonly values: readonly FeatureValue[];
  readonly issues: readonly InputIssue[];
  /** No error (warnings allowed): the row can run. */
  readonly runnable: boolean;
}

export interface RowValidator {
  /** Checks one row given in feature order: numbers, booleans, or text as typed or read from a file. */
  check(row: readonly unknown[]): RowCheck;
  /**
   * The quick check alone, for rows already read as numbers (a plain numeric CSV line): true
   * when `check` would find no issue and the same values. Absent when no quick check applies.
   */
  readonly plain?: NumericCheck | null;
}

const NOT_FINITE = /^[+-]?(nan|inf|infinity)$/i;
const TRUE = /^(true|yes|1)$/i;
const FALSE = /^(false|no|0)$/i;

const format = (v: number): string => String(Number(v.toPrecision(10)));

function parse(feature: Feature, raw: unknown): { value: FeatureValue; issue: InputIssue | null } {
  const field = feature.name;
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return { value: null, issue: null };
  const error = (rule: IssueRule, message: string) => ({ value: null, issue: { field, severity: 'error' as const, rule, message } });
  switch (feature.kind) {
    case 'number':
    case 'integer': {
      if (typeof raw === 'boolean') return { value: raw ? 1 : 0, issue: null };
      const text = String(raw).trim();
      if (typeof raw === 'number' ? !Number.isFinite(raw) : NOT_FINITE.test(text)) {
        return error('not-finite', `“${field}” is ${text}: NaN and ±Infinity cannot be given to a model (they silently turn its output into garbage).`);
      }
      const value = typeof raw === 'number' ? raw : parseDecimal(text);
      if (value === null || !Number.isFinite(value)) return error('type', `“${field}” must be a number, not “${text}”.`);
      // An integer input would silently drop the fraction: say so instead.
      if (feature.kind === 'integer' && !Number.isInteger(value)) return error('type', `“${field}” must be a whole number, not ${text}.`);
      return { value, issue: null };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw, issue: null };
      const text = String(raw).trim();
      if (TRUE.test(text)) return { value: true, issue: null };
      if (FALSE.test(text)) return { value: false, issue: null };
      return error('type', `“${field}” must be true or false, not “${text}”.`);
    }
    case 'category': {
      const numeric = feature.options?.every((o) => typeof o === 'number') ?? false;
      if (numeric && typeof raw !== 'number') {
        const value = parseDecimal(String(raw));
        return value !== null ? { value, issue: null } : error('type', `“${field}” must be one of ${feature.options!.join(', ')}, not “${String(raw)}”.`);
      }
      return { value: typeof raw === 'number' || typeof raw === 'boolean' ? raw : String(raw), issue: null };
    }
    default:
      return { value: String(raw), issue: null };
  }
}

/** One segment of a JSON Pointer as the validator writes it (URI-encoded, ~1 for "/", ~0 for "~"). */
const unpointer = (segment: string): string => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * What a validator has learnt of its schema's errors: the field each location names and the
 * limit it points at. A file with many failing rows names the same few again and again.
 */
interface ErrorPlaces {
  readonly fields: Map<string, string>;
  readonly limits: Map<string, unknown>;
}

function fieldOf(error: OutputUnit, places: ErrorPlaces): string {
  const key = `${error.keyword} ${error.instanceLocation} ${error.keyword === 'required' ? error.error : ''}`;
  let field = places.fields.get(key);
  if (field === undefined) {
    field = fieldAt(error);
    if (places.fields.size < 4096) places.fields.set(key, field);
  }
  return field;
}

function fieldAt(error: OutputUnit): string {
  if (error.keyword === 'required') return /required property "(.*)"\.$/.exec(error.error)?.[1] ?? '';
  // "#/od280~1od315" is the property "od280/od315".
  return unpointer(error.instanceLocation.split('/')[1] ?? '');
}

/** The schema value an error points at (the declared limit, the allowed values, the type). */
function schemaValue(schema: unknown, location: string, places: ErrorPlaces): unknown {
  if (!places.limits.has(location)) places.limits.set(location, schemaValueAt(schema, location));
  return places.limits.get(location);
}

function schemaValueAt(schema: unknown, location: string): unknown {
  let node = schema;
  for (const segment of location.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[unpointer(segment)] : undefined;
  }
  return node;
}

/** Keywords that only say "something inside failed": the failure itself is reported on its own. */
const WRAPPERS = new Set(['properties', 'allOf', 'anyOf', 'oneOf', 'items', 'additionalProperties', 'patternProperties', '$ref', 'dependentSchemas', 'if', 'then', 'else', 'not']);

/** Why a feature must have a value, naming the package file that says so only when one does. */
function requiredBecause(signature: Signature, field: string): string {
  const listed = (signature.sources.includes('input_schema') && signature.features.find((f) => f.name === field)?.sources) || [];
  if (listed.includes('input_schema')) return `“${field}” is required (input_schema lists it under “required”) but has no value.`;
  if (listed.includes('mlflow')) return `“${field}” is required (the MLflow signature marks it so) but has no value.`;
  return `“${field}” has no value; the model needs one for every feature.`;
}

function describe(error: OutputUnit, value: unknown, signature: Signature, places: ErrorPlaces): { rule: IssueRule; message: string } {
  const field = fieldOf(error, places);
  const limit = schemaValue(signature.schema, error.keywordLocation, places);
  switch (error.keyword) {
    case 'required':
      return { rule: 'missing', message: requiredBecause(signature, field) };
    case 'type': {
      const type = Array.isArray(limit) ? limit.join(' or ') : String(limit);
      return { rule: 'type', message: `“${field}” must be ${type === 'integer' ? 'a whole number' : `of type ${type}`}, not ${JSON.stringify(value)}.` };
    }
    case 'minimum':
    case 'exclusiveMinimum':
      return { rule: 'range', message: `“${field}” is ${String(value)}, below the declared ${error.keyword === 'minimum' ? 'minimum' : 'exclusive minimum'} ${String(limit)} (input_schema).` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { rule: 'range', message: `“${field}” is ${String(value)}, above the declared ${error.keyword === 'maximum' ? 'maximum' : 'exclusive maximum'} ${String(limit)} (input_schema).` };
    case 'enum':
      return { rule: 'enum', message: `“${field}” is ${JSON.stringify(value)}, not one of the allowed values ${(Array.isArray(limit) ? limit : []).map((v) => JSON.stringify(v)).join(', ')}.` };
    default:
      return { rule: 'schema', message: `“${field}” ${error.error.replace(/\.$/, '')} (input_schema rule “${error.keyword}”).` };
  }
}

/** What reading a value of each kind already guarantees (its JSON type; a whole number for integers). */
const PARSED_TYPE: Partial<Record<Feature['kind'], string>> = { number: 'number', integer: 'integer', boolean: 'boolean', string: 'string' };

/**
 * The part of the signature's schema that reading the values does not already enforce: a
 * property that only states the type its feature is read as is left out (most are), and no
 * schema at all remains when nothing else is declared. Interpreting a schema costs microseconds
 * per row; a million-row file should not pay them for nothing.
 */
function residualSchema(signature: Signature): Schema | null {
  const schema = signature.schema as Schema;
  const properties: Record<string, Schema | boolean> = {};
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const feature = signature.features.find((f) => f.name === name);
    const keys = typeof prop === 'object' ? Object.keys(prop).filter((k) => !['description', 'title', 'examples', 'default', '$comment'].includes(k)) : ['*'];
    const onlyType = typeof prop === 'object' && keys.length === 1 && keys[0] === 'type' && feature && prop.type === PARSED_TYPE[feature.kind];
    if (!onlyType && !(typeof prop === 'object' && keys.length === 0)) properties[name] = prop;
  }
  const rest = Object.keys(schema).filter((k) => !['type', 'properties', 'required'].includes(k));
  if (Object.keys(properties).length === 0 && rest.length === 0 && (schema.required ?? []).length === 0) return null;
  return { ...schema, properties };
}

/**
 * Why a feature's value cannot go into its numeric input unchanged: past the input's limits
 * (`feedProblem`), or text that is no number (a category or text feature fed to a float or
 * integer input would be fed as NaN). Null when it can.
 */
function inputProblem(field: string, value: FeatureValue, limit: FeedLimit): string | null {
  if (typeof value === 'number') return feedProblem(field, value, limit);
  if (typeof value !== 'string') return null;
  const n = parseDecimal(value.trim());
  if (n === null) return `“${field}” feeds ${limit.dtype.startsWith('int') ? 'an' : 'a'} ${limit.dtype} input, which takes numbers: “${value}” is not one, and would be fed as NaN. Give a number (a category this model takes as a number is written as one).`;
  return feedProblem(field, n, limit);
}

const NO_ISSUES: readonly InputIssue[] = Object.freeze([]);

/**
 * Checks rows against the signature's JSON Schema and the training ranges. The validator
 * interprets the schema (no code generation): the page runs under a CSP without eval.
 */
export function createRowValidator(signature: Signature, options: { readonly fastLane?: boolean } = {}): RowValidator {
  const schema = residualSchema(signature);
  // Most rows of a numeric table are plainly fine: they skip the full check (and its allocations).
  const feeds = feedLimits(signature);
  const plain = options.fastLane === false ? null : compileNumericCheck(signature.features, schema, feeds);
  const lane = compileFastLane(signature.features, plain);
  // A quick pass (a plain predicate for the usual schemas, else the validator stopping at the first
  // failure); only a failing row is checked again for every reason.
  const stopAtFirst = schema ? new Validator(schema, '7', true) : null;
  const quick = schema ? (compileSchemaPredicate(schema) ?? ((object: Record<string, FeatureValue>) => stopAtFirst!.validate(object).valid)) : null;
  const full = schema ? new Validator(schema, '7', false) : null;
  // Its failures, in the validator's own terms, without interpreting the schema per row (else the validator explains).
  const explain = schema ? compileSchemaExplainer(schema) : null;
  const features = signature.features;
  const places: ErrorPlaces = { fields: new Map(), limits: new Map() };
  return {
    plain,
    check(row) {
      const fast = lane?.(row);
      if (fast) return { values: fast, issues: NO_ISSUES, runnable: true };
      const issues: InputIssue[] = [];
      const values: FeatureValue[] = [];
      const object: Record<string, FeatureValue> = {};
      const unreadable = new Set<string>();
      features.forEach((feature, i) => {
        const parsed = parse(feature, row[i]);
        const { value } = parsed;
        // A value its input cannot hold unchanged (a fraction in an integer input, past a type's range) is not read.
        const problem = !parsed.issue && feeds[i] ? inputProblem(feature.name, value, feeds[i]!) : null;
        const issue = problem ? { field: feature.name, severity: 'error' as const, rule: 'type' as const, message: problem } : parsed.issue;
        values.push(value);
        if (issue) {
          issues.push(issue);
          unreadable.add(feature.name);
        } else if (value !== null) object[feature.name] = value;
      });
      const errors = quick && !quick(object) ? (explain ? explain(object) : full!.validate(object).errors) : null;
      if (errors) {
        const seen = new Set<string>();
        for (const error of errors) {
          if (WRAPPERS.has(error.keyword)) continue;
          const field = fieldOf(error, places);
          if (unreadable.has(field) || seen.has(`${field}:${error.keywordLocation}`)) continue;
          seen.add(`${field}:${error.keywordLocation}`);
          const { rule, message } = describe(error, object[field], signature, places);
          issues.push({ field, severity: 'error', rule, message });
        }
      }
      // A feature nobody declared as required can still not be left empty: the model needs a value.
      features.forEach((feature, i) => {
        if (values[i] === null && !unreadable.has(feature.name) && !feature.required) {
          issues.push({ field: feature.name, severity: 'error', rule: 'missing', message: `“${feature.name}” has no value; the model needs one for every feature.` });
        }
      });
      const erred = new Set(issues.map((i) => i.field));
      features.forEach((feature, i) => {
        const v = values[i];
        const r = feature.training;
        if (typeof v !== 'number' || !r || erred.has(feature.name)) return;
        if ((r.min !== null && v < r.min) || (r.max !== null && v > r.max)) {
          issues.push({
            field: feature.name,
            severity: 'warning',
            rule: 'training-range',
            message: `“${feature.name}” is ${format(v)}, outside the training range ${r.min ?? '−∞'} to ${r.max ?? '∞'}: the model never saw such a value, so treat the prediction with care.`,
          });
        }
      });
      return { values, issues, runnable: !issues.some((i) => i.severity === 'error') };
    },
  };
}
