import { describe, expect, it } from 'vitest';
import { buildSignature } from './signature';
import { defaultPixelScale, describeImageMapping, imageToTensor, resizeRgba, tensorPreview } from './image-input';

const digits = buildSignature({
  metadata: {
    feature_names: Array.from({ length: 64 }, (_, i) => `pixel_${i}`),
    input_schema: { type: 'object', properties: Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`pixel_${i}`, { type: 'number', minimum: 0, maximum: 16 }])) },
  },
  mlmodel: null,
  inputs: [{ name: 'pixels', dtype: 'float32', shape: ['batch', 1, 8, 8] }],
});
const input = digits.inputs[0]!;

/** A white `size × size` RGBA canvas with a black square over [x0, x1) × [y0, y1). */
function canvas(size: number, x0: number, x1: number, y0: number, y1: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) rgba.set([0, 0, 0, 255], (y * size + x) * 4);
  return rgba;
}

describe('images to tensors', () => {
  it('scales digits’ pixels to the declared 0–16, ink high', () => {
    const scale = defaultPixelScale(digits, input);
    expect(scale).toMatchObject({ min: 0, max: 16, ink: true });
    // Ink fills the left half of cell (0, 0) and all of cell (0, 1) of an 8×8 grid over 64×64 pixels.
    const { tensor, preview } = imageToTensor(canvas(64, 4, 16, 0, 8), 64, 64, input.image!, 'float32', scale);
    expect(tensor.dims).toEqual([1, 1, 8, 8]);
    const data = tensor.data as Float32Array;
    expect(data[0]).toBeCloseTo(8, 4);
    expect(data[1]).toBeCloseTo(16, 4);
    expect(data[2]).toBeCloseTo(0, 4);
    expect(preview[1]).toBeCloseTo(1, 5);
    expect(tensorPreview(tensor, input.image!, scale)[0]).toBeCloseTo(0.5, 5);
    // The same picture as float16: the preview reads values, not bit patterns.
    const half = imageToTensor(canvas(64, 4, 16, 0, 8), 64, 64, input.image!, 'float16', scale).tensor;
    expect(tensorPreview(half, input.image!, scale)[0]).toBeCloseTo(0.5, 3);
    expect(tensorPreview(half, input.image!, scale)[1]).toBeCloseTo(1, 3);
  });

  it('keeps RGB brightness for 3-channel NHWC inputs and treats transparent as white', () => {
    const rgb = buildSignature({ metadata: null, mlmodel: null, inputs: [{ name: 'img', dtype: 'uint8', shape: ['N', 4, 4, 3] }] }).inputs[0]!;
    const scale = { min: 0, max: 255, ink: false, source: 'test' };
    const rgba = new Uint8ClampedArray(4 * 4 * 4); // fully transparent
    rgba.set([255, 0, 0, 255], 0); // one red pixel
    const { tensor } = imageToTensor(rgba, 4, 4, rgb.image!, 'uint8', scale);
    expect(tensor.dims).toEqual([1, 4, 4, 3]);
    expect([...(tensor.data as Uint8Array).subarray(0, 6)]).toEqual([255, 0, 0, 255, 255, 255]);
  });

  it('area-averages with fractional coverage', () => {
    // 3 pixels wide → 2: the middle pixel is split between both cells.
    const rgba = Uint8ClampedArray.of(0, 0, 0, 255, 255, 255, 255, 255, 0, 0, 0, 255);
    const [r] = resizeRgba(rgba, 3, 1, 2, 1);
    expect([...r!].map((v) => Number(v.toFixed(4)))).toEqual([0.3333, 0.3333]);
  });

  it('states the resize and the scaling', () => {
    expect(describeImageMapping(input.image!, 256, 256, defaultPixelScale(digits, input))).toBe(
      'Your picture (256×256) is resized to 8×8 by averaging the pixels each cell covers, converted to grey, and scaled so that dark ink = 16, blank = 0 — the range the package gives every pixel feature (0 to 16). Layout NCHW.',
    );
  });

  it('scales int8 pictures to 0–127, so that white reaches the model as 127, not -1', () => {
    const sig = buildSignature({ metadata: null, mlmodel: null, inputs: [{ name: 'x', dtype: 'int8', shape: [1, 3, 4, 4] }] });
    const rgb = sig.inputs[0]!;
    const scale = defaultPixelScale(sig, rgb);
    expect(scale).toMatchObject({ min: 0, max: 127, ink: false });
    const white = new Uint8ClampedArray(4 * 4 * 4).fill(255);
    const { tensor } = imageToTensor(white, 4, 4, rgb.image!, 'int8', scale);
    expect(tensor.data).toBeInstanceOf(Int8Array);
    expect(new Set(tensor.data as Int8Array)).toEqual(new Set([127]));
    expect(describeImageMapping(rgb.image!, 4, 4, scale, 'int8')).toBe(
      'Your picture (4×4) is resized to 4×4 by averaging the pixels each cell covers, kept as RGB, and scaled so that white = 127, black = 0 — assumed for int8 pixels, as the package gives no range: 0 to 127, the non-negative half of what int8 holds. Values are rounded to whole numbers. Layout NCHW.',
    );
  });

  it('clamps to what an integer dtype holds when the scale goes beyond it, and says so', () => {
    const image = { layout: 'NCHW' as const, channels: 3, height: 2, width: 2 };
    const declared = { min: 0, max: 255, ink: false, source: 'the range the package gives every pixel feature (0 to 255)' };
    const rgba = Uint8ClampedArray.of(255, 255, 255, 255, 0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255);
    const { tensor } = imageToTensor(rgba, 2, 2, image, 'int8', declared);
    expect([...(tensor.data as Int8Array).subarray(0, 4)]).toEqual([127, 0, 127, 127]);
    expect(describeImageMapping(image, 2, 2, declared, 'int8')).toContain('Values are rounded to whole numbers and clamped to what int8 holds (-128 to 127).');
  });

  it('gives every integer dtype a range it holds, and bool its two values', () => {
    const scaleOf = (dtype: 'uint16' | 'int32' | 'bool') => {
      const sig = buildSignature({ metadata: null, mlmodel: null, inputs: [{ name: 'x', dtype, shape: [1, 1, 4, 4] }] });
      return defaultPixelScale(sig, sig.inputs[0]!);
    };
    expect(scaleOf('uint16')).toMatchObject({ min: 0, max: 255, source: 'the usual range of uint16 pixels (0 to 255)' });
    expect(scaleOf('int32')).toMatchObject({ min: 0, max: 255 });
    expect(scaleOf('bool')).toMatchObject({ min: 0, max: 1, source: 'the only values of bool pixels (0 or 1)' });
  });
});
