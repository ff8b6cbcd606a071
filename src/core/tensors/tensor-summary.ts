import type { TensorDType } from '../protocol/tensor';
import { elementCount, tensorValues, type HostTensor } from '../schema/host-tensor';
import { float16Text, float32Text } from '../schema/float-text';

/** Tensors by name (model input or output names), in the model's order. */
export type TensorSet = Readonly<Record<string, HostTensor>>;

/** What was read for one input, to show before anything runs. */
export interface TensorSummary {
  readonly name: string;
  readonly dtype: TensorDType;
  readonly dims: readonly number[];
  readonly count: number;
  /** The file (and entry) it came from. */
  readonly source: string;
  /** The first values as text: float16 decoded, int64 exact, strings quoted. */
  readonly first: readonly string[];
}

export const SUMMARY_VALUES = 8;

/** One element as text: the shortest decimal that reads back the same (float32, float16), exact integers. */
export function elementText(dtype: TensorDType, value: number | bigint | string): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'bigint') return value.toString();
  if (dtype === 'bool') return value ? 'true' : 'false';
  if (dtype === 'float32') return float32Text(value);
  if (dtype === 'float16') return float16Text(value);
  return String(value);
}

/**
 * The first values of a tensor as the user should read them: float16 decoded from its bits
 * (never the raw 16-bit patterns), int64/uint64 exact beyond 2^53, bool as true/false,
 * strings quoted. Every place that shows tensor values uses this.
 */
export function valueTexts(tensor: HostTensor, limit = Infinity): string[] {
  return tensorValues(tensor, limit).map((v) => elementText(tensor.dtype, v));
}

export function summarizeTensor(name: string, tensor: HostTensor, source: string, shown = SUMMARY_VALUES): TensorSummary {
  return {
    name,
    dtype: tensor.dtype,
    dims: [...tensor.dims],
    count: elementCount(tensor.dims),
    source,
    first: valueTexts(tensor, shown),
  };
}
