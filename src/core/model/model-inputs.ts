import { BENCHMARK_SEED, exampleFeeds } from '../benchmark/feeds';
import type { BatchDimension } from '../benchmark/plan';
import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { TensorSpec } from '../protocol/tensor';
import { seededRandom, type HostTensor } from '../schema/host-tensor';
import { drain, fillInputs, inputLayout, type GeneratedSource, type InputLayout } from '../benchmark/fill-inputs';
import { inputFill, inputRole, type TokenRange } from './input-roles';

/**
 * Where a model's inputs come from:
 * - `example`: the package's input example, its rows repeated to the batch size;
 * - `random`: seeded values of each input's type (the same numbers every time), except that
 *   inputs recognised by name get values the model accepts (input-roles): masks all ones, token
 *   type ids 0, position ids 0..T-1, token ids within the vocabulary when the package states it;
 * - `zeros`: zeros (empty strings for string inputs);
 * - `data`: tensors given by the caller (rows of a table, a file read elsewhere), repeated
 *   to the batch size like the example. A new source (e.g. tensors read from `.npy` or
 *   `.pb` files) is a new producer of `data`, or one more case here.
 */
export type ModelInputSource = 'example' | 'random' | 'zeros' | { readonly kind: 'data'; readonly name: string; readonly tensors: Readonly<Record<string, HostTensor>> };

/** What inputs are made from: the facts of an open model and the sizes chosen for its symbolic dimensions. */
export interface InputModel {
  readonly facts: {
    readonly inputs: readonly TensorSpec[];
    readonly batch: BatchDimension;
    /** The package's example as tensors; null when the package has none. */
    readonly example: Result<Readonly<Record<string, HostTensor>>> | null;
    /** Token ids below the vocabulary size the package states (ModelFacts.tokenIds); absent or null: none stated. */
    readonly tokenIds?: TokenRange | null;
  };
  readonly dims: Readonly<Record<string, number>>;
}

export interface ModelInputSet {
  /** null: as the source gives it (the example's own rows; the chosen sizes for generated values). */
  readonly batchSize: number | null;
  readonly feeds: Record<string, HostTensor>;
}

const NO_EXAMPLE = engineError('bad-input-example', 'This package has no input example.', 'Use random values, or add an input_example.json to the package.');

/** The batch size generated values get when the caller takes the source as it is: the chosen size of the batch dimension. */
function naturalBatch(model: InputModel): number {
  const { batch } = model.facts;
  return batch.kind === 'symbolic' ? (model.dims[batch.name] ?? 1) : batch.kind === 'fixed' ? batch.size : 1;
}

/**
 * How generated inputs are laid out at a batch size (null: the chosen sizes; random values also
 * give a first dimension the batch size where a shape says nothing). `modelInputs` and the Run,
 * which makes them a step at a time, both use it.
 */
export function generatedLayout(model: InputModel, source: GeneratedSource, batchSize: number | null): InputLayout[] {
  const layout = inputLayout(model.facts.inputs, model.facts.batch, source === 'random' ? (batchSize ?? naturalBatch(model)) : batchSize, model.dims);
  if (source !== 'random') return layout;
  // Random masks, type ids, positions and token ids must still be valid, or the run fails (or times an error path).
  const tokens = model.facts.tokenIds ?? null;
  return layout.map((input) => ({ ...input, fill: inputFill(inputRole(input), input.dtype, tokens) }));
}

/** The generator random inputs are drawn from: the same numbers every time, on every backend. */
export const generatedRandom = (): (() => number) => seededRandom(BENCHMARK_SEED);

/**
 * The model's inputs at each batch size, one set per entry of `batchSizes`, built afresh
 * (callers may transfer their buffers). The one place inputs are made: Run, Predict,
 * Benchmark, Speed, Compare and the CLI's native baseline all call it.
 */
export function modelInputs(model: InputModel, source: ModelInputSource, batchSizes: readonly (number | null)[]): Result<ModelInputSet[]> {
  if (source === 'random' || source === 'zeros') {
    return ok(batchSizes.map((batchSize) => ({ batchSize, feeds: drain(fillInputs(generatedLayout(model, source, batchSize), source, generatedRandom())) })));
  }
  let given: Readonly<Record<string, HostTensor>>;
  if (source === 'example') {
    const example = model.facts.example;
    if (example === null) return fail(NO_EXAMPLE);
    if (!example.ok) return example;
    given = example.value;
  } else {
    given = source.tensors;
  }
  return ok(batchSizes.map((batchSize) => ({ batchSize, feeds: batchSize === null ? { ...given } : exampleFeeds(given, model.facts.batch, batchSize) })));
}
