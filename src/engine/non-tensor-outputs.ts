import type { OnnxSummary, ZipMapOutput } from '../core/protocol/model-description';
import type { TensorSpec } from '../core/protocol/tensor';
import type { DecodedModel } from '../core/package/onnx-structure';
import { exposeFloatOutputs, findZipMaps } from '../core/schema/zipmap';

/** A model made runnable despite outputs onnxruntime cannot hand to JavaScript (sequences, maps). */
export interface PreparedModel {
  readonly bytes: Uint8Array;
  /** The outputs to fetch on every run (tensor outputs only), or null to fetch all. */
  readonly fetches: readonly string[] | null;
  /** Outputs as the page sees them: the tensor ones plus the exposed ZipMap inputs. */
  readonly outputs: readonly TensorSpec[] | null;
  readonly zipMaps: readonly ZipMapOutput[];
}

/**
 * sklearn-onnx classifiers end in ZipMap (a sequence of maps): runs would fail with
 * "Reading data from non-tensor typed value is not supported". The tensor ZipMap
 * reads is exposed as an output instead, and only tensor outputs are fetched.
 * `structure` and `summary` are the model's one decoding (see create-engine's load).
 */
export function prepareModel(bytes: Uint8Array, structure: DecodedModel | null, summary: OnnxSummary | null): PreparedModel {
  const nonTensor = summary?.outputs.filter((o) => o.dtype === 'unknown' && o.shape === null) ?? [];
  if (!structure || !summary || nonTensor.length === 0) return { bytes, fetches: null, outputs: null, zipMaps: [] };
  const zipMaps = findZipMaps(structure).filter((z) => !summary.outputs.some((o) => o.name === z.tensor));
  const exposed: TensorSpec[] = zipMaps.map((z) => ({ name: z.tensor, dtype: 'float32', shape: ['N', z.classLabels.length] }));
  const tensors = summary.outputs.filter((o) => !nonTensor.includes(o));
  return {
    bytes: zipMaps.length > 0 ? exposeFloatOutputs(bytes, zipMaps.map((z) => z.tensor)) : bytes,
    fetches: [...tensors, ...exposed].map((o) => o.name),
    outputs: [...summary.outputs, ...exposed],
    zipMaps,
  };
}
