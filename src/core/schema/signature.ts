import { parseMlflowSignature } from '../package/mlflow-signature';
import type { TensorDType, TensorSpec } from '../protocol/tensor';
import { kindOfTypeName } from './feature-kind';
import { signatureDraft, type FeatureDraft } from './signature-draft';
import { chooseLayout, signatureInputsOf } from './signature-layout';
import { mergeMetadata } from './signature-metadata';
import { mergeMlflowColumns } from './signature-mlflow';
import { orderDraft, orderedFeatureLists } from './signature-order';

/**
 * One normalised signature per model, merged from (in order of preference)
 * metadata.json `input_schema` + `feature_names`/`feature_types`, the MLflow
 * signature, and the ONNX graph's inputs. The features' order comes from an
 * ordered list (feature_names, the MLflow columns, one input per feature), never
 * from input_schema's property order.
 */
export type FeatureKind = 'number' | 'integer' | 'boolean' | 'category' | 'string';

export type SignatureSource = 'input_schema' | 'feature_names' | 'feature_types' | 'mlflow' | 'onnx';

export interface Range {
  readonly min: number | null;
  readonly max: number | null;
}

export interface Feature {
  readonly name: string;
  readonly kind: FeatureKind;
  readonly description: string | null;
  readonly required: boolean;
  /** Allowed values (JSON Schema `enum`). */
  readonly options: readonly (string | number | boolean)[] | null;
  /** A hard limit the package declares: outside it is an error. */
  readonly declared: Range | null;
  /** The range seen in training: outside it is a warning, still runnable. */
  readonly training: Range | null;
  readonly sources: readonly SignatureSource[];
}

export interface ImageLayout {
  readonly layout: 'NCHW' | 'NHWC';
  readonly channels: number;
  readonly height: number;
  readonly width: number;
}

export type InputLayout =
  /** All features go into one input, row by row: `[N, F]`, or `[N, 1, 8, 8]` for 64 pixel features. */
  | { readonly kind: 'one-input'; readonly input: string; readonly dtype: TensorDType; readonly rowShape: readonly number[] }
  /** sklearn-onnx with a ColumnTransformer: each feature feeds the input of its name, `[N, 1]`. */
  | { readonly kind: 'input-per-feature' }
  /** No mapping from named features: each input is filled as a tensor. */
  | { readonly kind: 'tensors' };

export interface SignatureInput extends TensorSpec {
  /** Set when the input looks like a small image batch. */
  readonly image: ImageLayout | null;
}

export interface Signature {
  readonly features: readonly Feature[];
  readonly layout: InputLayout;
  readonly inputs: readonly SignatureInput[];
  /** Whether the feature names came from the package (else they are positional, `feature_0`…). */
  readonly namedFeatures: boolean;
  /** The JSON Schema that validation uses: input_schema (training-only ranges moved out) plus what the other sources add. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** Where the features came from, for the user. */
  readonly sources: readonly SignatureSource[];
  /** Disagreements between the sources, in words. */
  readonly notes: readonly string[];
}

export interface SignatureSources {
  /** metadata.json as parsed JSON (its `raw`). */
  readonly metadata: Readonly<Record<string, unknown>> | null;
  /** The MLmodel file as parsed YAML (its `raw`). */
  readonly mlmodel: Readonly<Record<string, unknown>> | null;
  readonly inputs: readonly TensorSpec[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Builds the model's one signature. Pure: the same package always gives the same signature. */
export function buildSignature({ metadata, mlmodel, inputs }: SignatureSources): Signature {
  const draft = signatureDraft();
  // 1. metadata.json; 2. the MLflow column signature; 3. the ONNX inputs (the MLflow tensor spec fills what the graph leaves open).
  const effectiveProps = mergeMetadata(draft, metadata);
  const mlflow = parseMlflowSignature(isRecord(mlmodel?.signature) ? mlmodel.signature : null);
  mergeMlflowColumns(draft, mlflow);
  draft.sources.push('onnx');
  const signatureInputs = signatureInputsOf(inputs, mlflow.kind === 'tensors' ? mlflow.inputs : []);
  const { layout, namedFeatures } = chooseLayout(draft, signatureInputs);
  // An ordered list decides the features' order, never input_schema's property order.
  orderDraft(draft, orderedFeatureLists(metadata, mlflow), layout.kind === 'input-per-feature' ? signatureInputs.map((i) => i.name) : []);
  const fallback: FeatureKind = layout.kind === 'one-input' ? (kindOfTypeName(layout.dtype) ?? 'number') : 'number';
  const features = [...draft.features.values()].map((d) => featureOf(d, fallback));
  return {
    features: layout.kind === 'tensors' ? [] : features,
    layout,
    inputs: signatureInputs,
    namedFeatures: layout.kind !== 'tensors' && namedFeatures,
    schema: validationSchema(features, effectiveProps, layout.kind === 'tensors'),
    sources: [...new Set(draft.sources)],
    notes: draft.notes,
  };
}

/** A merged feature, with what no source said filled in: the layout's kind, required. */
function featureOf(d: FeatureDraft, fallback: FeatureKind): Feature {
  return {
    name: d.name,
    kind: d.kind ?? fallback,
    description: d.description,
    required: d.required ?? true,
    options: d.options,
    declared: d.declared,
    training: d.training,
    sources: d.sources,
  };
}

const SCHEMA_TYPE: Record<FeatureKind, string | null> = { number: 'number', integer: 'integer', boolean: 'boolean', string: 'string', category: null };

function validationSchema(features: readonly Feature[], props: Record<string, unknown>, none: boolean): Record<string, unknown> {
  if (none) return { type: 'object' };
  const properties: Record<string, unknown> = {};
  for (const f of features) {
    const own = props[f.name];
    if (isRecord(own)) properties[f.name] = own;
    else {
      const type = SCHEMA_TYPE[f.kind];
      properties[f.name] = type ? { type } : {};
    }
  }
  return { type: 'object', properties, required: features.filter((f) => f.required).map((f) => f.name) };
}

/** The range a slider spans: the declared one, else the training one. */
export function sliderRange(feature: Feature): { min: number; max: number } | null {
  for (const r of [feature.declared, feature.training]) {
    if (r && r.min !== null && r.max !== null && r.max > r.min) return { min: r.min, max: r.max };
  }
  return null;
}
