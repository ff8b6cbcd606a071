import type { Dim, TensorDType, TensorSpec } from '../protocol/tensor';
import { isTensorDType, unnamedDim } from '../protocol/tensor';
import { parseMlflowSignature, signatureDtypeToOnnx } from '../package/mlflow-signature';

/**
 * One normalised signature per model, merged from (in order of preference)
 * metadata.json `input_schema` + `feature_names`/`feature_types`, the MLflow
 * signature, and the ONNX graph's inputs.
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
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function kindOfSchemaType(prop: Record<string, unknown>): FeatureKind | null {
  if (Array.isArray(prop.enum)) return 'category';
  const type = Array.isArray(prop.type) ? prop.type.find((t) => t !== 'null') : prop.type;
  switch (type) {
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    default:
      return null;
  }
}

/** feature_types values (pandas/numpy dtypes), MLflow column types and ONNX element types. */
export function kindOfTypeName(type: string): FeatureKind | null {
  const t = type.toLowerCase();
  if (/^(category|categorical|enum)$/.test(t)) return 'category';
  if (/^(bool|boolean)$/.test(t)) return 'boolean';
  if (/^(str|string|object|binary)$/.test(t)) return 'string';
  if (/^u?int(8|16|32|64)?$|^long$|^integer$/.test(t)) return 'integer';
  if (/^(float|double|number|float(16|32|64)|real|decimal)$/.test(t)) return 'number';
  return null;
}

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

/** Per-element count of one row: the product of the dimensions after the batch one, or null if any is symbolic. */
function rowShapeOf(shape: readonly Dim[] | null): number[] | null {
  if (!shape || shape.length < 2) return null;
  const rest = shape.slice(1);
  return rest.every((d) => typeof d === 'number' && d > 0) ? (rest as number[]) : null;
}

export function imageLayoutOf(shape: readonly Dim[] | null): ImageLayout | null {
  if (!shape || shape.length !== 4) return null;
  const fixed = (d: Dim | undefined): number | null => (typeof d === 'number' && d > 0 ? d : null);
  const [c1, h1, w1] = [fixed(shape[1]), fixed(shape[2]), fixed(shape[3])];
  if (c1 !== null && c1 <= 4 && h1 !== null && w1 !== null && h1 >= 4 && w1 >= 4) return { layout: 'NCHW', channels: c1, height: h1, width: w1 };
  const [h2, w2, c2] = [fixed(shape[1]), fixed(shape[2]), fixed(shape[3])];
  if (c2 !== null && c2 <= 4 && h2 !== null && w2 !== null && h2 >= 4 && w2 >= 4) return { layout: 'NHWC', channels: c2, height: h2, width: w2 };
  return null;
}

interface Draft {
  name: string;
  kind: FeatureKind | null;
  description: string | null;
  required: boolean | null;
  options: (string | number | boolean)[] | null;
  declared: Range | null;
  training: Range | null;
  sources: SignatureSource[];
}

function draft(name: string): Draft {
  return { name, kind: null, description: null, required: null, options: null, declared: null, training: null, sources: [] };
}

/** Builds the model's one signature. Pure: the same package always gives the same signature. */
export function buildSignature({ metadata, mlmodel, inputs }: SignatureSources): Signature {
  const notes: string[] = [];
  const sources: SignatureSource[] = [];
  const drafts = new Map<string, Draft>();
  const order: string[] = [];
  const take = (name: string, source: SignatureSource): Draft => {
    let d = drafts.get(name);
    if (!d) {
      d = draft(name);
      drafts.set(name, d);
      order.push(name);
    }
    if (!d.sources.includes(source)) d.sources.push(source);
    return d;
  };

  // 1. metadata.json: feature_names fixes the order, input_schema and feature_types the rules.
  const schema = isRecord(metadata?.input_schema) ? metadata.input_schema : null;
  const props = schema && isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema?.required) ? schema.required.map(String) : []);
  const featureNames = Array.isArray(metadata?.feature_names) ? metadata.feature_names.map(String) : [];
  const featureTypes = isRecord(metadata?.feature_types) ? metadata.feature_types : {};
  const trainingRanges = isRecord(metadata?.training_ranges) ? metadata.training_ranges : isRecord(metadata?.feature_ranges) ? metadata.feature_ranges : {};
  for (const name of featureNames) take(name, 'feature_names');
  if (featureNames.length > 0) sources.push('feature_names');
  const schemaNames = Object.keys(props);
  if (schemaNames.length > 0) sources.push('input_schema');
  if (featureNames.length > 0) {
    const unnamed = schemaNames.filter((n) => !featureNames.includes(n));
    if (unnamed.length > 0) notes.push(`input_schema describes ${unnamed.map((n) => `“${n}”`).join(', ')}, which feature_names does not list.`);
  }
  // Schema properties per feature; training-only ranges are removed from the copy that validation uses.
  const effectiveProps: Record<string, unknown> = {};
  for (const name of schemaNames) {
    const prop = isRecord(props[name]) ? props[name] : {};
    const d = take(name, 'input_schema');
    d.kind = kindOfSchemaType(prop);
    d.description = typeof prop.description === 'string' ? prop.description : typeof prop.title === 'string' ? prop.title : null;
    d.options = Array.isArray(prop.enum) ? prop.enum.filter((v): v is string | number | boolean => ['string', 'number', 'boolean'].includes(typeof v)) : null;
    d.required = required.has(name);
    const declared: Range | null =
      num(prop.minimum) !== null || num(prop.maximum) !== null || num(prop.exclusiveMinimum) !== null || num(prop.exclusiveMaximum) !== null
        ? { min: num(prop.minimum) ?? num(prop.exclusiveMinimum), max: num(prop.maximum) ?? num(prop.exclusiveMaximum) }
        : null;
    const training = rangeFrom(prop['x-training-range']) ?? rangeFrom(trainingRanges[name]) ?? describedTrainingRange(d.description);
    d.training = training;
    // A schema range that the package itself calls the training range is a warning, not a limit.
    if (declared && training && sameRange(declared, training)) {
      const relaxed = { ...prop };
      delete relaxed.minimum;
      delete relaxed.maximum;
      effectiveProps[name] = relaxed;
    } else {
      d.declared = declared;
      effectiveProps[name] = prop;
    }
  }
  for (const [name, type] of Object.entries(featureTypes)) {
    if (typeof type !== 'string') continue;
    const d = drafts.get(name);
    if (!d) continue;
    if (!d.sources.includes('feature_types')) d.sources.push('feature_types');
    const kind = kindOfTypeName(type);
    if (d.kind === null) d.kind = kind;
    else if (kind && kind !== d.kind && !(d.kind === 'number' && kind === 'integer') && d.kind !== 'category') {
      notes.push(`“${name}”: input_schema says ${d.kind}, feature_types says ${type}; input_schema wins.`);
    }
  }
  if (Object.keys(featureTypes).length > 0 && drafts.size > 0) sources.push('feature_types');
  for (const [name, range] of Object.entries(trainingRanges)) {
    const d = drafts.get(name);
    const r = rangeFrom(range);
    if (d && r && !d.training) d.training = r;
  }

  // 2. MLflow column signature: names (when metadata has none), types and required flags.
  const mlflow = parseMlflowSignature(isRecord(mlmodel?.signature) ? mlmodel.signature : null);
  notes.push(...mlflow.problems.map((p) => `MLmodel: ${p}.`));
  if (mlflow.kind === 'columns') {
    sources.push('mlflow');
    const fromMetadata = drafts.size > 0;
    for (const entry of mlflow.inputs) {
      if (!entry.name) continue;
      if (fromMetadata && !drafts.has(entry.name)) {
        notes.push(`The MLflow signature has a column “${entry.name}” that metadata.json does not describe.`);
        continue;
      }
      const d = take(entry.name, 'mlflow');
      const kind = kindOfTypeName(entry.type);
      if (d.kind === null) d.kind = kind;
      if (d.required === null) d.required = entry.required;
    }
    if (fromMetadata) {
      const columns = new Set(mlflow.inputs.map((e) => e.name));
      const absent = [...drafts.keys()].filter((n) => !columns.has(n));
      if (absent.length > 0) notes.push(`The MLflow signature lacks ${absent.map((n) => `“${n}”`).join(', ')}.`);
    }
  }
  const mlflowTensors = mlflow.kind === 'tensors' ? mlflow.inputs : [];

  // 3. ONNX inputs: shapes and element types (the MLflow tensor spec fills what the graph leaves open).
  sources.push('onnx');
  const signatureInputs: SignatureInput[] = inputs.map((spec) => {
    const tensor = mlflowTensors.find((t) => t.name === spec.name) ?? (inputs.length === 1 && mlflowTensors.length === 1 ? mlflowTensors[0] : undefined);
    const dtype = spec.dtype === 'unknown' && tensor ? (signatureDtypeToOnnx(tensor.dtype) ?? 'unknown') : spec.dtype;
    const shape = spec.shape ?? (tensor?.shape ? tensor.shape.map((d, i) => (d < 0 ? unnamedDim(spec.name, i) : d)) : null);
    const merged: TensorSpec = { name: spec.name, dtype: dtype !== 'unknown' && isTensorDType(dtype) ? dtype : 'unknown', shape };
    return { ...merged, image: imageLayoutOf(merged.shape) };
  });

  let namedFeatures = drafts.size > 0;
  let layout: InputLayout = { kind: 'tensors' };
  const only = signatureInputs.length === 1 ? signatureInputs[0]! : null;
  const inputNames = new Set(signatureInputs.map((i) => i.name));
  if (drafts.size > 0 && signatureInputs.length > 1 && [...drafts.keys()].every((n) => inputNames.has(n)) && signatureInputs.every((i) => drafts.has(i.name))) {
    layout = { kind: 'input-per-feature' };
    for (const input of signatureInputs) {
      const d = take(input.name, 'onnx');
      if (d.kind === null && input.dtype !== 'unknown') d.kind = kindOfTypeName(input.dtype);
    }
  } else if (drafts.size === 0 && signatureInputs.length > 1 && signatureInputs.every((i) => (i.shape?.length ?? 0) <= 2 && (i.shape?.length !== 2 || i.shape[1] === 1))) {
    // Unnamed, but one [N, 1] input per column is still a table.
    layout = { kind: 'input-per-feature' };
    namedFeatures = true;
    for (const input of signatureInputs) {
      const d = take(input.name, 'onnx');
      d.kind = input.dtype === 'unknown' ? 'number' : kindOfTypeName(input.dtype);
    }
  } else if (only && only.dtype !== 'unknown') {
    const rowShape = rowShapeOf(only.shape) ?? (drafts.size > 0 && only.shape?.length === 2 ? [drafts.size] : null);
    const perRow = rowShape ? rowShape.reduce((a, b) => a * b, 1) : null;
    if (rowShape && drafts.size > 0 && perRow === drafts.size) {
      layout = { kind: 'one-input', input: only.name, dtype: only.dtype, rowShape };
    } else if (drafts.size > 0) {
      notes.push(`The package names ${drafts.size} features, but input “${only.name}” takes ${perRow ?? 'an unknown number of'} values per row [${(only.shape ?? []).join(', ')}]; the input is filled as a tensor.`);
    } else if (rowShape && rowShape.length === 1 && perRow !== null && perRow <= 512 && !only.image) {
      // A plain [N, F] input without names: positional features.
      layout = { kind: 'one-input', input: only.name, dtype: only.dtype, rowShape };
      for (let i = 0; i < perRow; i++) take(`feature_${i}`, 'onnx');
    }
  }

  const features: Feature[] = order.map((name) => {
    const d = drafts.get(name)!;
    const fallback: FeatureKind = layout.kind === 'one-input' ? (kindOfTypeName(layout.dtype) ?? 'number') : 'number';
    return {
      name,
      kind: d.kind ?? fallback,
      description: d.description,
      required: d.required ?? true,
      options: d.options,
      declared: d.declared,
      training: d.training,
      sources: d.sources,
    };
  });
  return {
    features: layout.kind === 'tensors' ? [] : features,
    layout,
    inputs: signatureInputs,
    namedFeatures: layout.kind !== 'tensors' && namedFeatures,
    schema: validationSchema(features, effectiveProps, layout.kind === 'tensors'),
    sources: [...new Set(sources)],
    notes,
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
