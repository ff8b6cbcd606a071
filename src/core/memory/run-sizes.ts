import type { OnnxSummary } from '../protocol/model-description';
import type { TensorSpec } from '../protocol/tensor';

/**
 * Sizes of the symbolic dimensions as given tensors have them (a file's, the package's example),
 * over the chosen ones: what the estimate binds outputs and steps with when the data sets the sizes.
 */
export function givenDims(specs: readonly TensorSpec[], tensors: Readonly<Record<string, { readonly dims: readonly number[] }>>, chosen: Readonly<Record<string, number>>): Record<string, number> {
  const dims: Record<string, number> = { ...chosen };
  for (const spec of specs) {
    const tensor = tensors[spec.name];
    if (!tensor || spec.shape === null || spec.shape.length !== tensor.dims.length) continue;
    spec.shape.forEach((d, axis) => {
      if (typeof d === 'string') dims[d] = tensor.dims[axis]!;
    });
  }
  return dims;
}

/** A loaded model's bytes in the engine's heap: the model file and the external data it names. */
export function modelHeapBytes(fileBytes: number, summary: OnnxSummary | null): number {
  return fileBytes + Object.values(summary?.externalDataBytes ?? {}).reduce((a, b) => a + b, 0);
}
