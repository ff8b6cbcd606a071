import { engineError, type Result, ok, fail } from '../protocol/engine-error';
import { parseJsonText } from './json-text';
import { boundJson, describeCut, isTruncated, previewJson, PREVIEW_LIMITS, type CutValue } from './json-budget';

/** metadata.json as the training side writes it. Every field is optional; `raw` keeps the unknown ones. */
export interface ModelMetadata {
  readonly raw: Readonly<Record<string, unknown>>;
  readonly modelName?: string;
  readonly modelVersion?: string;
  readonly modelClass?: string;
  readonly modelFile?: string;
  readonly featureNames?: readonly string[];
  readonly targetColumn?: string;
  readonly targetClasses?: readonly string[];
  readonly performanceMetrics?: Readonly<Record<string, number>>;
  /** Values too big to keep, cut to their start (see json-budget). */
  readonly cuts?: readonly CutValue[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !isTruncated(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map((x) => String(x)) : undefined);

export function parseMetadata(text: string): Result<ModelMetadata> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return fail(
      engineError(
        'bad-metadata',
        `metadata.json is not valid JSON (${parsed.reason}).`,
        'Fix the JSON at that place (a trailing comma, a missing comma or an unquoted key is the usual cause).',
      ),
    );
  }
  const { value: raw, cuts } = boundJson(parsed.value);
  if (!isRecord(raw)) {
    return fail(engineError('bad-metadata', 'metadata.json must hold a JSON object ({…}).', 'Write the fields (model_name, target_classes, …) as one JSON object.'));
  }
  const metrics = isRecord(raw.performance_metrics)
    ? Object.fromEntries(Object.entries(raw.performance_metrics).filter((e): e is [string, number] => typeof e[1] === 'number'))
    : undefined;
  return ok({
    raw,
    modelName: str(raw.model_name),
    modelVersion: str(raw.model_version),
    modelClass: str(raw.model_class),
    modelFile: str(raw.model_file),
    featureNames: strings(raw.feature_names),
    targetColumn: str(raw.target_column),
    targetClasses: strings(raw.target_classes),
    performanceMetrics: metrics,
    cuts,
  });
}

/** A feature as metadata.json describes it (feature_names, feature_types, input_schema). */
export interface FeatureRow {
  readonly name: string;
  readonly type: string | null;
  readonly minimum: number | null;
  readonly maximum: number | null;
  readonly allowed: readonly unknown[] | null;
  readonly description: string | null;
  readonly required: boolean;
}

/** The familiar fields laid out, and every other field kept (big values cut, with their size said). */
export interface MetadataView {
  readonly fields: readonly { readonly key: string; readonly label: string; readonly value: string }[];
  /** The first MAX_SHOWN_ROWS features; `featureCount` says how many there are. */
  readonly features: readonly FeatureRow[];
  readonly featureCount: number;
  readonly metrics: readonly { readonly name: string; readonly value: number }[];
  /** The first MAX_SHOWN_ROWS other fields; `unknownCount` says how many there are. */
  readonly unknown: readonly { readonly key: string; readonly json: string }[];
  readonly unknownCount: number;
}

/** Rows of one table shown at most: more would cost the page seconds to render, and nobody reads them. */
export const MAX_SHOWN_ROWS = 1_000;

const FAMILIAR: readonly [string, string][] = [
  ['model_name', 'Name'],
  ['model_version', 'Version'],
  ['model_class', 'Class'],
  ['model_file', 'Model file'],
  ['training_date', 'Trained'],
  ['n_training_samples', 'Training samples'],
  ['training_data_hash', 'Training data SHA-256'],
  ['target_column', 'Target column'],
  ['target_classes', 'Classes'],
  ['python_version', 'Python'],
];
/** Fields shown in their own tables rather than as text. */
const STRUCTURED = new Set(['feature_names', 'feature_types', 'input_schema', 'performance_metrics', 'dependencies']);

function asText(v: unknown): string {
  if (!Array.isArray(v)) return previewJson(v);
  const shown = v.slice(0, PREVIEW_LIMITS.items).map((x) => (typeof x === 'string' ? x : previewJson(x))).join(', ');
  return v.length > PREVIEW_LIMITS.items ? `${shown} … (${describeCut('array', v.length, PREVIEW_LIMITS.items)})` : shown;
}
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function describeMetadata(meta: ModelMetadata): MetadataView {
  const raw = meta.raw;
  const schema = isRecord(raw.input_schema) ? raw.input_schema : {};
  const props = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.map(String) : null;
  const types = isRecord(raw.feature_types) ? raw.feature_types : {};
  const names = meta.featureNames ?? Object.keys(props);
  const features = names.slice(0, MAX_SHOWN_ROWS).map((name): FeatureRow => {
    const p = isRecord(props[name]) ? (props[name] as Record<string, unknown>) : {};
    return {
      name,
      type: str(types[name]) ?? str(p.type) ?? null,
      minimum: num(p.minimum),
      maximum: num(p.maximum),
      allowed: Array.isArray(p.enum) ? p.enum.slice(0, PREVIEW_LIMITS.items) : null,
      description: typeof p.description === 'string' ? previewJson(p.description) : null,
      required: required ? required.includes(name) : true,
    };
  });
  const familiarKeys = new Set(FAMILIAR.map(([k]) => k));
  const unknown = Object.keys(raw).filter((k) => !familiarKeys.has(k) && !STRUCTURED.has(k));
  return {
    fields: FAMILIAR.filter(([k]) => raw[k] !== undefined && raw[k] !== null).map(([key, label]) => ({ key, label, value: asText(raw[key]) })),
    features,
    featureCount: names.length,
    metrics: Object.entries(meta.performanceMetrics ?? {}).slice(0, MAX_SHOWN_ROWS).map(([name, value]) => ({ name, value })),
    unknown: unknown.slice(0, MAX_SHOWN_ROWS).map((key) => ({ key, json: previewJson(raw[key]) })),
    unknownCount: unknown.length,
  };
}
