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
