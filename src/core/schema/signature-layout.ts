import type { SignatureEntry } from '../package/mlflow-signature';
import { signatureDtypeToOnnx } from '../package/mlflow-signature';
import type { Dim, TensorSpec } from '../protocol/tensor';
import { isTensorDType, unnamedDim } from '../protocol/tensor';
import { kindOfTypeName } from './feature-kind';
import type { ImageLayout, InputLayout, SignatureInput } from './signature';
import type { SignatureDraft } from './signature-draft';

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

/** The ONNX inputs' shapes and element types, where the graph leaves them open filled from the MLflow tensor spec. */
export function signatureInputsOf(inputs: readonly TensorSpec[], mlflowTensors: readonly SignatureEntry[]): SignatureInput[] {
  return inputs.map((spec) => {
    const tensor = mlflowTensors.find((t) => t.name === spec.name) ?? (inputs.length === 1 && mlflowTensors.length === 1 ? mlflowTensors[0] : undefined);
    const dtype = spec.dtype === 'unknown' && tensor ? (signatureDtypeToOnnx(tensor.dtype) ?? 'unknown') : spec.dtype;
    const shape = spec.shape ?? (tensor?.shape ? tensor.shape.map((d, i) => (d < 0 ? unnamedDim(spec.name, i) : d)) : null);
    const merged: TensorSpec = { name: spec.name, dtype: dtype !== 'unknown' && isTensorDType(dtype) ? dtype : 'unknown', shape };
    return { ...merged, image: imageLayoutOf(merged.shape) };
  });
}

/** Each feature feeds the input of its name: true when the features and the inputs are the same names. */
function namesMatchInputs(draft: SignatureDraft, inputs: readonly SignatureInput[]): boolean {
  const inputNames = new Set(inputs.map((i) => i.name));
  return [...draft.features.keys()].every((n) => inputNames.has(n)) && inputs.every((i) => draft.features.has(i.name));
}

/** Unnamed, but one [N] or [N, 1] input per column is still a table. */
const onePerColumn = (inputs: readonly SignatureInput[]): boolean => inputs.every((i) => (i.shape?.length ?? 0) <= 2 && (i.shape?.length !== 2 || i.shape[1] === 1));

/**
 * How features become feeds (adding the features an ONNX input implies), and whether the features
 * have names; when the package's features do not fit the one input, the draft notes why.
 */
export function chooseLayout(draft: SignatureDraft, inputs: readonly SignatureInput[]): { layout: InputLayout; namedFeatures: boolean } {
  const named = draft.features.size > 0;
  if (named && inputs.length > 1 && namesMatchInputs(draft, inputs)) {
    for (const input of inputs) {
      const d = draft.take(input.name, 'onnx');
      if (d.kind === null && input.dtype !== 'unknown') d.kind = kindOfTypeName(input.dtype);
    }
    return { layout: { kind: 'input-per-feature' }, namedFeatures: true };
  }
  if (!named && inputs.length > 1 && onePerColumn(inputs)) {
    for (const input of inputs) draft.take(input.name, 'onnx').kind = input.dtype === 'unknown' ? 'number' : kindOfTypeName(input.dtype);
    return { layout: { kind: 'input-per-feature' }, namedFeatures: true };
  }
  const only = inputs.length === 1 ? inputs[0]! : null;
  if (!only || only.dtype === 'unknown') return { layout: { kind: 'tensors' }, namedFeatures: named };
  const rowShape = rowShapeOf(only.shape) ?? (named && only.shape?.length === 2 ? [draft.features.size] : null);
  const perRow = rowShape ? rowShape.reduce((a, b) => a * b, 1) : null;
  if (rowShape && named && perRow === draft.features.size) return { layout: { kind: 'one-input', input: only.name, dtype: only.dtype, rowShape }, namedFeatures: true };
  if (named) {
    draft.notes.push(`The package names ${draft.features.size} features, but input “${only.name}” takes ${perRow ?? 'an unknown number of'} values per row [${(only.shape ?? []).join(', ')}]; the input is filled as a tensor.`);
  } else if (rowShape && rowShape.length === 1 && perRow !== null && perRow <= 512 && !only.image) {
    // A plain [N, F] input without names: positional features.
    for (let i = 0; i < perRow; i++) draft.take(`feature_${i}`, 'onnx');
    return { layout: { kind: 'one-input', input: only.name, dtype: only.dtype, rowShape }, namedFeatures: false };
  }
  return { layout: { kind: 'tensors' }, namedFeatures: named };
}
