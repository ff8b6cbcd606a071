import type { TensorSpec } from './tensor';

/**
 * What an engine reports about a model it loaded, beyond its inputs and outputs.
 * Declared here, in the contract, so that the protocol depends on nothing else;
 * `core/package/onnx-summary` and `core/schema/zipmap` compute these values.
 */
export interface OpsetImport {
  readonly domain: string;
  readonly version: number;
}

export interface OnnxSummary {
  readonly irVersion: number;
  readonly opsetImports: readonly OpsetImport[];
  readonly producerName: string;
  readonly producerVersion: string;
  readonly domain: string;
  readonly modelVersion: number;
  readonly docString: string;
  readonly graphName: string;
  readonly metadataProps: Readonly<Record<string, string>>;
  readonly inputs: readonly TensorSpec[];
  readonly outputs: readonly TensorSpec[];
  readonly nodeCount: number;
  /** Operator type → number of nodes, most frequent first. */
  readonly operatorCounts: readonly { readonly opType: string; readonly count: number }[];
  readonly initializerCount: number;
  readonly parameterCount: number;
  /** Parameters and their bytes by element type, largest first. */
  readonly parametersByDtype: readonly { readonly dtype: string; readonly count: number; readonly bytes: number }[];
  /** File names of ONNX external-data tensors, in first-use order. */
  readonly externalDataFiles: readonly string[];
  /** Bytes each external-data file must hold at least (largest offset + length its tensors name). */
  readonly externalDataBytes: Readonly<Record<string, number>>;
  /**
   * The labels of the model's ONNX-ML classifier in score-column order: the values its label
   * output holds (absent from summaries made before it was read; null: no such classifier).
   */
  readonly classLabels?: readonly string[] | null;
}

/**
 * sklearn-onnx classifiers end in a ZipMap node whose output is a sequence of
 * maps ({class: probability} per row). onnxruntime (web and node) cannot hand
 * such values to JavaScript, so the tensor ZipMap reads is exposed instead.
 */
export interface ZipMapOutput {
  /** The non-tensor graph output (e.g. `output_probability`). */
  readonly output: string;
  /** The `[N, classes]` float tensor ZipMap reads (e.g. `probabilities`). */
  readonly tensor: string;
  /** ZipMap's class labels (its map keys), in score order. */
  readonly classLabels: readonly string[];
}
