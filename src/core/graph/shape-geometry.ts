import type { GraphAttribute, ShapeDim } from './graph-model';
import { intAttribute, intsAttribute } from './onnx-values';

// The shape arithmetic the operator rules share (shape-rules.ts): broadcasting, MatMul, and
// the output size of a sliding window (Conv, pooling).

/** Two dims that must agree: the known one, the shared symbol, or null. */
function broadcastDim(a: ShapeDim, b: ShapeDim): ShapeDim {
  if (a === 1) return b;
  if (b === 1) return a;
  if (a === b) return a;
  if (typeof a === 'number' && typeof b === 'number') return Math.max(a, b);
  if (typeof a === 'number') return a;
  if (typeof b === 'number') return b;
  return null;
}

/** Numpy broadcasting of any number of shapes; null if any rank is unknown. */
export function broadcast(shapes: readonly (readonly ShapeDim[] | null)[]): ShapeDim[] | null {
  if (shapes.some((s) => s === null)) return null;
  const rank = Math.max(0, ...shapes.map((s) => s!.length));
  const out: ShapeDim[] = [];
  for (let k = 0; k < rank; k++) {
    let dim: ShapeDim = 1;
    for (const s of shapes) {
      const at = s!.length - rank + k;
      if (at >= 0) dim = broadcastDim(dim, s![at]!);
    }
    out.push(dim);
  }
  return out;
}

/** [..., M, K] × [..., K, N] → [..., M, N], with 1-D operands promoted as numpy does. */
export function matmulShape(a: readonly ShapeDim[] | null, b: readonly ShapeDim[] | null): ShapeDim[] | null {
  if (!a || !b || a.length === 0 || b.length === 0) return null;
  const left = a.length === 1 ? [1, a[0]!] : a;
  const right = b.length === 1 ? [b[0]!, 1] : b;
  const batch = broadcast([left.slice(0, -2), right.slice(0, -2)]) ?? [];
  const out = [...batch, left.at(-2)!, right.at(-1)!];
  if (a.length === 1) out.splice(out.length - 2, 1);
  if (b.length === 1) out.splice(out.length - 1, 1);
  return out;
}

const spatialOut = (size: ShapeDim, kernel: number, stride: number, dilation: number, padBegin: number, padEnd: number, ceil: boolean): ShapeDim => {
  if (typeof size !== 'number') return null;
  const span = size + padBegin + padEnd - ((kernel - 1) * dilation + 1);
  if (!ceil) return Math.floor(span / stride) + 1;
  const out = Math.ceil(span / stride) + 1;
  // A last window that would start inside the end padding is dropped (ONNX and onnxruntime's pool rule).
  return (out - 1) * stride >= size + padBegin ? out - 1 : out;
};

/** Conv and pooling output sizes from kernel, strides, pads, dilations and auto_pad. */
export function windowShape(x: readonly ShapeDim[], kernel: readonly number[], attributes: readonly GraphAttribute[], channels: ShapeDim): ShapeDim[] {
  const n = kernel.length;
  const strides = intsAttribute(attributes, 'strides') ?? new Array<number>(n).fill(1);
  const dilations = intsAttribute(attributes, 'dilations') ?? new Array<number>(n).fill(1);
  const pads = intsAttribute(attributes, 'pads') ?? new Array<number>(2 * n).fill(0);
  const autoPad = attributes.find((a) => a.name === 'auto_pad')?.value ?? 'NOTSET';
  const ceil = intAttribute(attributes, 'ceil_mode') === 1;
  const spatial = x.slice(2).map((size, i) => {
    const stride = strides[i] ?? 1;
    if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') return typeof size === 'number' ? Math.ceil(size / stride) : null;
    if (autoPad === 'VALID') return spatialOut(size, kernel[i]!, stride, dilations[i] ?? 1, 0, 0, ceil);
    return spatialOut(size, kernel[i]!, stride, dilations[i] ?? 1, pads[i] ?? 0, pads[i + n] ?? 0, ceil);
  });
  return [x[0] ?? null, channels, ...spatial];
}
