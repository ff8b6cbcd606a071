import { engineError, type Result, ok, fail } from '../protocol/engine-error';
import { parseJsonText } from './json-text';

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
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.map((x) => String(x)) : undefined);

export function parseMetadata(text: string): Result<ModelMetadata> {
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    return fail(
      engineError(
        'bad-metadata',
        `metadata.json is not valid JSON (${parsed.reason}).`,
        'Fix the JSON at that place (a trailing comma, a missing comma or an unquoted key is the usual cause) or remove metadata.json; the model itself can still be opened alone.',
      ),
    );
  }
  const raw = parsed.value;
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

/** The familiar fields laid out, and every other field kept. */
export interface MetadataView {
  readonly fields: readonly { readonly key: string; readonly label: string; readonly value: string }[];
  readonly features: readonly FeatureRow[];
  readonly metrics: readonly { readonly name: string; readonly value: number }[];
  readonly unknown: readonly { readonly key: string; readonly json: string }[];
}

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

const asText = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) ? v.map(String).join(', ') : JSON.stringify(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function describeMetadata(meta: ModelMetadata): MetadataView {
  const raw = meta.raw;
  const schema = isRecord(raw.input_schema) ? raw.input_schema : {};
  const props = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.map(String) : null;
  const types = isRecord(raw.feature_types) ? raw.feature_types : {};
  const names = meta.featureNames ?? Object.keys(props);
  const features = names.map((name): FeatureRow => {
    const p = isRecord(props[name]) ? (props[name] as Record<string, unknown>) : {};
    return {
      name,
      type: str(types[name]) ?? str(p.type) ?? null,
      minimum: num(p.minimum),
      maximum: num(p.maximum),
      allowed: Array.isArray(p.enum) ? p.enum : null,
      description: str(p.description) ?? null,
      required: required ? required.includes(name) : true,
    };
  });
  const familiarKeys = new Set(FAMILIAR.map(([k]) => k));
  return {
    fields: FAMILIAR.filter(([k]) => raw[k] !== undefined && raw[k] !== null).map(([key, label]) => ({ key, label, value: asText(raw[key]) })),
    features,
    metrics: Object.entries(meta.performanceMetrics ?? {}).map(([name, value]) => ({ name, value })),
    unknown: Object.entries(raw)
      .filter(([k]) => !familiarKeys.has(k) && !STRUCTURED.has(k))
      .map(([key, v]) => ({ key, json: typeof v === 'string' ? v : JSON.stringify(v, null, 1) })),
  };
}
