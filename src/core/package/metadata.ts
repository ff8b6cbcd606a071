import { engineError, type Result, ok, fail, describeThrown } from '../protocol/engine-error';

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
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (thrown) {
    return fail(
      engineError(
        'bad-metadata',
        `metadata.json is not valid JSON (${describeThrown(thrown)}).`,
        'Fix the JSON (a trailing comma or an unquoted key is the usual cause) or remove metadata.json; the model itself can still be opened alone.',
      ),
    );
  }
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
