import type { TensorDType } from '../protocol/tensor';
import { tensorValues, type HostTensor } from './host-tensor';
import { integerRange } from './feed-limits';
import { pixelTensor } from './pixel-tensor';
import type { ImageLayout, Signature, SignatureInput } from './signature';

/** How pixel brightness becomes input values. */
export interface PixelScale {
  readonly min: number;
  readonly max: number;
  /** Dark ink on a light background gives high values (as in MNIST and scikit-learn's digits). */
  readonly ink: boolean;
  /** Where the range comes from, in words. */
  readonly source: string;
}

/** The range the package declares for the pixels, else one the dtype holds; single-channel inputs read ink. */
export function defaultPixelScale(signature: Signature, input: SignatureInput): PixelScale {
  const channels = input.image?.channels ?? 1;
  const ranges = signature.layout.kind === 'one-input' && signature.layout.input === input.name ? signature.features.map((f) => f.declared ?? f.training) : [];
  const first = ranges[0];
  if (first && first.min !== null && first.max !== null && ranges.every((r) => r && r.min === first.min && r.max === first.max)) {
    return { min: first.min, max: first.max, ink: channels === 1, source: `the range the package gives every pixel feature (${first.min} to ${first.max})` };
  }
  const ink = channels === 1;
  // int8 cannot hold 255: white would wrap to -1. Its non-negative half keeps blank = 0 and brighter = higher.
  if (input.dtype === 'int8') return { min: 0, max: 127, ink, source: 'assumed for int8 pixels, as the package gives no range: 0 to 127, the non-negative half of what int8 holds' };
  if (input.dtype === 'bool') return { min: 0, max: 1, ink, source: 'the only values of bool pixels (0 or 1)' };
  if (integerRange(input.dtype)) return { min: 0, max: 255, ink, source: `the usual range of ${input.dtype} pixels (0 to 255)` };
  return { min: 0, max: 1, ink: channels === 1, source: 'the usual range of float pixels (0 to 1)' };
}

/** Area-averages an RGBA image down (or up) to `height × width` per channel, values in [0, 1], composited over white. */
export function resizeRgba(rgba: ArrayLike<number>, width: number, height: number, targetWidth: number, targetHeight: number): Float32Array[] {
  const out = [new Float32Array(targetWidth * targetHeight), new Float32Array(targetWidth * targetHeight), new Float32Array(targetWidth * targetHeight)];
  const sx = width / targetWidth;
  const sy = height / targetHeight;
  for (let ty = 0; ty < targetHeight; ty++) {
    const y0 = ty * sy;
    const y1 = y0 + sy;
    for (let tx = 0; tx < targetWidth; tx++) {
      const x0 = tx * sx;
      const x1 = x0 + sx;
      const sums = [0, 0, 0];
      let area = 0;
      for (let y = Math.floor(y0); y < Math.min(height, Math.ceil(y1)); y++) {
        const wy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.min(width, Math.ceil(x1)); x++) {
          const w = wy * (Math.min(x + 1, x1) - Math.max(x, x0));
          if (w <= 0) continue;
          const p = (y * width + x) * 4;
          const alpha = rgba[p + 3]! / 255;
          for (let c = 0; c < 3; c++) sums[c]! += w * ((rgba[p + c]! / 255) * alpha + (1 - alpha));
          area += w;
        }
      }
      for (let c = 0; c < 3; c++) out[c]![ty * targetWidth + tx] = area > 0 ? sums[c]! / area : 1;
    }
  }
  return out;
}

export interface ImageTensor {
  readonly tensor: HostTensor;
  /** What the model sees, per pixel, in [0, 1] of the scale (mean over channels), row-major. */
  readonly preview: Float32Array;
}

/** An RGBA picture to the input's `[1, C, H, W]` or `[1, H, W, C]` tensor with the given scaling. */
export function imageToTensor(rgba: ArrayLike<number>, width: number, height: number, image: ImageLayout, dtype: TensorDType, scale: PixelScale): ImageTensor {
  const { channels, height: h, width: w } = image;
  const [r, g, b] = resizeRgba(rgba, width, height, w, h) as [Float32Array, Float32Array, Float32Array];
  const plane = (c: number): Float32Array => {
    if (channels === 1) return Float32Array.from(r, (v, i) => 0.299 * v + 0.587 * g[i]! + 0.114 * b[i]!);
    return [r, g, b][Math.min(c, 2)]!;
  };
  const planes = Array.from({ length: channels }, (_, c) => (channels === 4 && c === 3 ? new Float32Array(w * h).fill(1) : plane(c)));
  const level = (v: number): number => (scale.ink ? 1 - v : v);
  const values = new Float64Array(channels * h * w);
  for (let c = 0; c < channels; c++) {
    for (let i = 0; i < h * w; i++) {
      values[image.layout === 'NCHW' ? c * h * w + i : i * channels + c] = scale.min + level(planes[c]![i]!) * (scale.max - scale.min);
    }
  }
  const preview = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += level(planes[c]![i]!);
    preview[i] = sum / channels;
  }
  const dims = image.layout === 'NCHW' ? [1, channels, h, w] : [1, h, w, channels];
  // Integers are rounded and clamped to the dtype (never wrapped), float16 encoded to its bits.
  return { tensor: pixelTensor(dtype, dims, values), preview };
}

/** The preview (0..1 per pixel) of an existing tensor of the input, for showing a filled image. */
export function tensorPreview(tensor: HostTensor, image: ImageLayout, scale: PixelScale): Float32Array {
  const { channels, height: h, width: w } = image;
  const preview = new Float32Array(h * w);
  const span = scale.max - scale.min || 1;
  // Values, not float16 bit patterns.
  const values = tensor.dtype === 'float16' ? tensorValues(tensor, channels * h * w) : tensor.data;
  for (let i = 0; i < h * w; i++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) {
      const v = Number(values[image.layout === 'NCHW' ? c * h * w + i : i * channels + c] ?? 0);
      sum += (v - scale.min) / span;
    }
    preview[i] = Math.min(1, Math.max(0, sum / channels));
  }
  return preview;
}

/** The resize and scaling, stated for the user (with the dtype: integers are rounded, and clamped where the scale goes beyond them). */
export function describeImageMapping(image: ImageLayout, sourceWidth: number, sourceHeight: number, scale: PixelScale, dtype?: TensorDType): string {
  const colour = image.channels === 1 ? 'converted to grey' : image.channels === 3 ? 'kept as RGB' : `given ${image.channels} channels`;
  const mapping = scale.ink ? `dark ink = ${scale.max}, blank = ${scale.min}` : `white = ${scale.max}, black = ${scale.min}`;
  const range = dtype ? integerRange(dtype) : null;
  const clamped = range && (Math.min(scale.min, scale.max) < range.min || Math.max(scale.min, scale.max) > range.max);
  const integer = range ? ` Values are rounded to whole numbers${clamped ? ` and clamped to what ${dtype} holds (${range.min} to ${range.max})` : ''}.` : '';
  return `Your picture (${sourceWidth}×${sourceHeight}) is resized to ${image.width}×${image.height} by averaging the pixels each cell covers, ${colour}, and scaled so that ${mapping} — ${scale.source}.${integer} Layout ${image.layout}.`;
}
