import type { TensorDType } from '../protocol/tensor';
import { elementCount, randomTensor, type HostTensor } from './host-tensor';
import { randomPixelTensor } from './pixel-tensor';

/** Random values for one input, and where they came from in words (the input's label). */
export interface RandomFill {
  readonly tensor: HostTensor;
  readonly source: string;
}

/** Whether an input's values are a random fill (so that a new size redraws them). */
export function isRandomFill(source: string): boolean {
  return source.startsWith('random ');
}

/**
 * Random values of `dims`: an image input (one with a pixel scale) gets pixels over that scale,
 * in its own dtype; any other input the dtype's usual random values (see `drawRandom`).
 */
export function randomFill(dtype: TensorDType | 'unknown', dims: readonly number[], scale: { readonly min: number; readonly max: number } | null | undefined, random: () => number): RandomFill {
  const known: TensorDType = dtype === 'unknown' ? 'float32' : dtype;
  const count = elementCount(dims).toLocaleString('en-US');
  if (scale && known !== 'string') {
    return { tensor: randomPixelTensor(known, dims, scale, random), source: `random ${known} pixels from ${scale.min} to ${scale.max} (${count})` };
  }
  return { tensor: randomTensor(known, dims, random), source: `random ${known} values (${count})` };
}
