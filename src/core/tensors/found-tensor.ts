import type { HostTensor } from '../schema/host-tensor';
import type { InexactNumber } from './json-number';

/** One element of a JSON tensor before a model input gives it a type. */
export type LooseValue = number | bigint | boolean | string | null | InexactNumber;

interface FoundBase {
  /** Its name in the file (an .npz entry, a JSON key, a TensorProto's name); null to match by position or file name. */
  readonly name: string | null;
  /** Where it came from, for messages: `inputs.npz:state`, `test_data_set_0/input_1.pb`. */
  readonly source: string;
  /** Order among the tensors read (input_K.pb's K, an .npz's entry order) for matching by position. */
  readonly position: number;
  readonly format: 'json' | 'npy' | 'npz' | 'pb';
}

/**
 * A tensor as a file gives it, before it meets a model input: typed when the file says its
 * element type (.npy, .npz, .pb, the app's JSON form with `dtype`), loose when it does not
 * (JSON nested arrays: the model input decides how the numbers are read).
 */
export type FoundTensor =
  | (FoundBase & { readonly kind: 'typed'; readonly tensor: HostTensor })
  | (FoundBase & { readonly kind: 'loose'; readonly dims: readonly number[]; readonly values: readonly LooseValue[] });

export const foundDims = (found: FoundTensor): readonly number[] => (found.kind === 'typed' ? found.tensor.dims : found.dims);
