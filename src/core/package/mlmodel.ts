import { parse } from 'yaml';
import { engineError, type Result, ok, fail, describeThrown } from '../protocol/engine-error';

/** The parts of an MLflow `MLmodel` file that the playground uses. */
export interface MlModel {
  readonly raw: Readonly<Record<string, unknown>>;
  /** `flavors.onnx.data`: the model file inside the directory. */
  readonly onnxData?: string;
  readonly runId?: string;
  readonly modelUuid?: string;
  readonly mlflowVersion?: string;
  readonly inputExamplePath?: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function parseMlModel(text: string): Result<MlModel> {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (thrown) {
    return fail(engineError('bad-mlmodel', `MLmodel is not valid YAML (${describeThrown(thrown)}).`, 'MLflow writes this file itself: save the model again with mlflow.onnx.save_model / log_model.'));
  }
  if (!isRecord(raw)) return fail(engineError('bad-mlmodel', 'MLmodel does not hold a YAML mapping.', 'Save the model again with mlflow.onnx.save_model.'));
  const flavors = isRecord(raw.flavors) ? raw.flavors : {};
  const onnx = isRecord(flavors.onnx) ? flavors.onnx : {};
  const example = isRecord(raw.saved_input_example_info) ? raw.saved_input_example_info : {};
  return ok({
    raw,
    onnxData: str(onnx.data),
    runId: str(raw.run_id),
    modelUuid: str(raw.model_uuid),
    mlflowVersion: str(raw.mlflow_version),
    inputExamplePath: str(example.artifact_path),
  });
}

export interface MlModelView {
  readonly fields: readonly { readonly label: string; readonly value: string }[];
  readonly flavors: readonly { readonly name: string; readonly settings: readonly { readonly key: string; readonly value: string }[] }[];
  readonly inputExample: string | null;
}

const asText = (v: unknown): string => (v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

export function describeMlModel(mlmodel: MlModel): MlModelView {
  const raw = mlmodel.raw;
  const labelled: [string, string][] = [
    ['run_id', 'Run id'],
    ['model_uuid', 'Model UUID'],
    ['utc_time_created', 'Created (UTC)'],
    ['mlflow_version', 'MLflow version'],
    ['artifact_path', 'Artifact path'],
    ['model_size_bytes', 'Size recorded by MLflow (bytes)'],
  ];
  const flavors = isRecord(raw.flavors) ? raw.flavors : {};
  const example = isRecord(raw.saved_input_example_info) ? raw.saved_input_example_info : null;
  return {
    fields: labelled.filter(([k]) => raw[k] !== undefined).map(([k, label]) => ({ label, value: asText(raw[k]) })),
    flavors: Object.entries(flavors).map(([name, settings]) => ({
      name,
      settings: isRecord(settings) ? Object.entries(settings).map(([key, value]) => ({ key, value: asText(value) })) : [],
    })),
    inputExample: example ? Object.entries(example).map(([k, v]) => `${k}: ${asText(v)}`).join(', ') : null,
  };
}
