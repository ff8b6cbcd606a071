import { batchDimension, type BatchDimension } from '../benchmark/plan';
import type { ModelPackage, PackageFile } from '../package/model-package';
import type { LoadResult } from '../protocol/engine-api';
import type { Result } from '../protocol/engine-error';
import type { TensorSpec } from '../protocol/tensor';
import type { HostTensor } from '../schema/host-tensor';
import { exampleFeatureOrder, exampleToTensors } from '../schema/input-example';
import { classesFromMetadataProps, planPrediction, type PredictionPlan } from '../schema/prediction';
import { buildSignature, type Signature } from '../schema/signature';
import { dimensionDefaults, tokenIdRange, type DimensionDefault } from './dimension-defaults';
import { evaluationSetOf } from './evaluation-set';

/**
 * What every feature needs to know about a model, worked out once when it opens
 * (from the package and what the engine reported) and kept on the open model.
 */
export interface ModelFacts {
  readonly inputs: readonly TensorSpec[];
  /** Whether the inputs' first dimension is a batch of any size, a fixed one, or none. */
  readonly batch: BatchDimension;
  /** The package's input example as tensors (an error when it does not fit the inputs); null when it has none. */
  readonly example: Result<Readonly<Record<string, HostTensor>>> | null;
  /** The merged signature: metadata.json, MLmodel and the graph's inputs. */
  readonly signature: Signature;
  /** How outputs read as predictions: classes (and their names), values, or plain tensors. */
  readonly plan: PredictionPlan;
  /** The evaluation data set (see evaluationSetOf); null when the package has none. */
  readonly evaluation: PackageFile | null;
  /** Starting sizes of the symbolic dimensions, each with where it came from (dimension-defaults). */
  readonly dimensions: readonly DimensionDefault[];
  /** Token ids below the vocabulary size the package states; null when it states none. */
  readonly tokenIds: { readonly min: number; readonly max: number; readonly detail: string } | null;
}

export function modelFacts(pkg: ModelPackage, description: LoadResult): ModelFacts {
  const meta = pkg.metadata;
  const inputs = description.inputs;
  const hasExample = pkg.inputExample !== null && pkg.inputExample !== undefined;
  const labels = description.summary?.classLabels ?? description.zipMaps?.[0]?.classLabels ?? null;
  const classes = meta?.targetClasses ?? description.zipMaps?.[0]?.classLabels ?? classesFromMetadataProps(description.summary?.metadataProps) ?? labels;
  const signature = buildSignature({ metadata: meta?.raw ?? null, mlmodel: pkg.mlmodel?.raw ?? null, inputs });
  // Fed in the signature's feature order, as the Predict form fills it: one order for both.
  const example = hasExample ? exampleToTensors(pkg.inputExample, inputs, exampleFeatureOrder(signature)) : null;
  const metadata = meta?.raw ?? null;
  const metadataProps = description.summary?.metadataProps;
  const shipped = example?.ok ? [{ label: 'the package’s input example', shapes: Object.fromEntries(Object.entries(example.value).map(([name, t]) => [name, t.dims])) }] : [];
  return {
    inputs,
    batch: batchDimension(inputs),
    example,
    signature,
    plan: planPrediction(description.outputs, { classes, labels, targetColumn: meta?.targetColumn ?? null }),
    evaluation: evaluationSetOf(pkg),
    dimensions: dimensionDefaults({ inputs, metadata, metadataProps, shipped }),
    tokenIds: tokenIdRange({ metadata, metadataProps }),
  };
}
