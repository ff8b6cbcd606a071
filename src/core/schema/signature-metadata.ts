import { kindOfSchemaType, kindOfTypeName } from './feature-kind';
import type { Range } from './signature';
import type { FeatureDraft, SignatureDraft } from './signature-draft';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** "… training range 11.03 to 14.83 …" in a description. */
export function describedTrainingRange(description: string | null): Range | null {
  if (!description) return null;
  const m = /training range\s*(?:is\s*|:\s*)?\[?\s*(-?[\d.eE+-]+)\s*(?:to|–|-|,|\.\.)\s*(-?[\d.eE+-]+)/i.exec(description);
  if (!m) return null;
  const min = Number(m[1]);
  const max = Number(m[2]);
  return Number.isFinite(min) && Number.isFinite(max) && min <= max ? { min, max } : null;
}

function rangeFrom(value: unknown): Range | null {
  if (Array.isArray(value) && value.length === 2) {
    const [min, max] = [num(value[0]), num(value[1])];
    return min !== null || max !== null ? { min, max } : null;
  }
  if (isRecord(value)) {
    const min = num(value.min ?? value.minimum);
    const max = num(value.max ?? value.maximum);
    return min !== null || max !== null ? { min, max } : null;
  }
  return null;
}

const sameRange = (a: Range, b: Range): boolean => a.min === b.min && a.max === b.max;

/** A JSON Schema property's limits (exclusive ones taken as the bound), or null when it has none. */
function declaredRange(prop: Record<string, unknown>): Range | null {
  if (num(prop.minimum) === null && num(prop.maximum) === null && num(prop.exclusiveMinimum) === null && num(prop.exclusiveMaximum) === null) return null;
  return { min: num(prop.minimum) ?? num(prop.exclusiveMinimum), max: num(prop.maximum) ?? num(prop.exclusiveMaximum) };
}

/**
 * Fills a feature from its input_schema property; returns the property that validation uses,
 * without the limits when the package itself calls them the training range (a warning, not a limit).
 */
function schemaFeature(d: FeatureDraft, prop: Record<string, unknown>, required: boolean, trainingRange: unknown): Record<string, unknown> {
  d.kind = kindOfSchemaType(prop);
  d.description = typeof prop.description === 'string' ? prop.description : typeof prop.title === 'string' ? prop.title : null;
  d.options = Array.isArray(prop.enum) ? prop.enum.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v)) : null;
  d.required = required;
  const declared = declaredRange(prop);
  const training = rangeFrom(prop['x-training-range']) ?? rangeFrom(trainingRange) ?? describedTrainingRange(d.description);
  d.training = training;
  if (declared && training && sameRange(declared, training)) {
    const relaxed = { ...prop };
    delete relaxed.minimum;
    delete relaxed.maximum;
    return relaxed;
  }
  d.declared = declared;
  return prop;
}

/** feature_types fill the kinds input_schema left open; a disagreement is noted, input_schema wins. */
function mergeFeatureTypes(draft: SignatureDraft, featureTypes: Record<string, unknown>): void {
  for (const [name, type] of Object.entries(featureTypes)) {
    if (typeof type !== 'string') continue;
    const d = draft.features.get(name);
    if (!d) continue;
    if (!d.sources.includes('feature_types')) d.sources.push('feature_types');
    const kind = kindOfTypeName(type);
    if (d.kind === null) d.kind = kind;
    else if (kind && kind !== d.kind && !(d.kind === 'number' && kind === 'integer') && d.kind !== 'category') {
      draft.notes.push(`“${name}”: input_schema says ${d.kind}, feature_types says ${type}; input_schema wins.`);
    }
  }
  if (Object.keys(featureTypes).length > 0 && draft.features.size > 0) draft.sources.push('feature_types');
}

/**
 * metadata.json into the draft: feature_names names the features (the order is fixed later, see
 * signature-order), input_schema and feature_types the rules, training_ranges (or feature_ranges) the warnings. Returns input_schema's properties as
 * validation uses them (training-only ranges removed).
 */
export function mergeMetadata(draft: SignatureDraft, metadata: Readonly<Record<string, unknown>> | null): Record<string, unknown> {
  const schema = isRecord(metadata?.input_schema) ? metadata.input_schema : null;
  const props = schema && isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema?.required) ? schema.required.map(String) : []);
  const featureNames = Array.isArray(metadata?.feature_names) ? metadata.feature_names.map(String) : [];
  const featureTypes = isRecord(metadata?.feature_types) ? metadata.feature_types : {};
  const trainingRanges = isRecord(metadata?.training_ranges) ? metadata.training_ranges : isRecord(metadata?.feature_ranges) ? metadata.feature_ranges : {};
  for (const name of featureNames) draft.take(name, 'feature_names');
  if (featureNames.length > 0) draft.sources.push('feature_names');
  const schemaNames = Object.keys(props);
  if (schemaNames.length > 0) draft.sources.push('input_schema');
  if (featureNames.length > 0) {
    const unnamed = schemaNames.filter((n) => !featureNames.includes(n));
    if (unnamed.length > 0) draft.notes.push(`input_schema describes ${unnamed.map((n) => `“${n}”`).join(', ')}, which feature_names does not list.`);
  }
  const effectiveProps: Record<string, unknown> = {};
  for (const name of schemaNames) {
    const prop = isRecord(props[name]) ? props[name] : {};
    effectiveProps[name] = schemaFeature(draft.take(name, 'input_schema'), prop, required.has(name), trainingRanges[name]);
  }
  mergeFeatureTypes(draft, featureTypes);
  for (const [name, range] of Object.entries(trainingRanges)) {
    const d = draft.features.get(name);
    const r = rangeFrom(range);
    if (d && r && !d.training) d.training = r;
  }
  return effectiveProps;
}
