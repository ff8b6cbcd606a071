import type { ShapeDim } from './graph-model';
import { intAttribute, intsAttribute } from './onnx-values';
import { dtypeOf, given, shapeOf, type Rule } from './shape-context';
import { windowShape } from './shape-geometry';

/** Rules of the operators whose output sizes come from windows (convolutions, pooling) and of attention's fused operators. */

export const conv = (weightIndex: number, dtype?: string): Rule => (c) => {
  const x = shapeOf(c, 0);
  const w = shapeOf(c, weightIndex);
  if (!x || !w) return [null];
  const kernel = intsAttribute(c.attributes, 'kernel_shape') ?? w.slice(2);
  if (!kernel.every((k): k is number => typeof k === 'number')) return [{ dtype: dtype ?? dtypeOf(c, 0), shape: x.map(() => null) }];
  return [{ dtype: dtype ?? dtypeOf(c, 0), shape: windowShape(x, kernel, c.attributes, w[0] ?? null) }];
};

export const convTranspose: Rule = (c) => {
  const x = shapeOf(c, 0);
  const w = shapeOf(c, 1);
  if (!x || !w) return [null];
  const group = intAttribute(c.attributes, 'group') ?? 1;
  const channels = typeof w[1] === 'number' ? w[1] * group : null;
  const explicit = intsAttribute(c.attributes, 'output_shape');
  if (explicit) return [{ dtype: dtypeOf(c, 0), shape: [x[0] ?? null, channels, ...explicit.slice(-(x.length - 2))] }];
  const kernel = intsAttribute(c.attributes, 'kernel_shape') ?? w.slice(2);
  const n = x.length - 2;
  const strides = intsAttribute(c.attributes, 'strides') ?? new Array<number>(n).fill(1);
  const dilations = intsAttribute(c.attributes, 'dilations') ?? new Array<number>(n).fill(1);
  const pads = intsAttribute(c.attributes, 'pads') ?? new Array<number>(2 * n).fill(0);
  const outPad = intsAttribute(c.attributes, 'output_padding') ?? new Array<number>(n).fill(0);
  const autoPad = c.attributes.find((a) => a.name === 'auto_pad')?.value ?? 'NOTSET';
  const spatial = x.slice(2).map((size, i): ShapeDim => {
    const k = kernel[i];
    if (typeof size !== 'number' || typeof k !== 'number') return null;
    const full = strides[i]! * (size - 1) + (outPad[i] ?? 0) + ((k - 1) * (dilations[i] ?? 1) + 1);
    // SAME aims at size × stride, but its total padding cannot go negative (onnx and onnxruntime): never more than `full`.
    if (autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') return Math.min(size * strides[i]!, full);
    return full - (pads[i] ?? 0) - (pads[i + n] ?? 0);
  });
  return [{ dtype: dtypeOf(c, 0), shape: [x[0] ?? null, channels, ...spatial] }];
};

export const pool: Rule = (c) => {
  const x = shapeOf(c, 0);
  const kernel = intsAttribute(c.attributes, 'kernel_shape');
  if (!x || !kernel) return [null];
  const out = { dtype: dtypeOf(c, 0), shape: windowShape(x, kernel, c.attributes, x[1] ?? null) };
  return [out, c.outputCount > 1 ? { dtype: 'int64', shape: out.shape } : null];
};

export const globalPool: Rule = (c) => {
  const x = shapeOf(c, 0);
  return [x ? { dtype: dtypeOf(c, 0), shape: [x[0] ?? null, x[1] ?? null, ...x.slice(2).map(() => 1)] } : null];
};

/** com.microsoft Attention: [batch, sequence, the value's hidden size] (qkv_hidden_sizes[2], or a third of the weights' columns). */
export const attention: Rule = (c) => {
  const x = shapeOf(c, 0);
  if (!x || x.length !== 3) return [null];
  const sizes = intsAttribute(c.attributes, 'qkv_hidden_sizes');
  const w = shapeOf(c, 1);
  const columns = w?.length === 2 ? w[1] : null;
  const hidden: ShapeDim = sizes?.length === 3 ? sizes[2]! : typeof columns === 'number' ? columns / 3 : null;
  return [{ dtype: dtypeOf(c, 0), shape: [x[0] ?? null, x[1] ?? null, hidden] }];
};

/**
 * com.microsoft MultiHeadAttention: [batch, sequence, the value's hidden size]. The value is [B, L, Dv] or
 * [B, N, L, H]; without one, key/value come packed in the key [B, L, N, 2, H] or all three in the query [B, S, N, 3, H].
 */
export const multiHeadAttention: Rule = (c) => {
  const q = shapeOf(c, 0);
  if (!q) return [null];
  const times = (a: ShapeDim | undefined, b: ShapeDim | undefined): ShapeDim => (typeof a === 'number' && typeof b === 'number' ? a * b : null);
  const v = given(c, 2) ? shapeOf(c, 2) : null;
  const k = given(c, 1) ? shapeOf(c, 1) : null;
  let hidden: ShapeDim = null;
  if (v?.length === 3) hidden = v[2] ?? null;
  else if (v?.length === 4) hidden = times(v[1], v[3]);
  else if (!given(c, 2) && k?.length === 5) hidden = times(k[2], k[4]);
  else if (!given(c, 1) && !given(c, 2) && q.length === 5) hidden = times(q[2], q[4]);
  return [{ dtype: dtypeOf(c, 0), shape: [q[0] ?? null, q[1] ?? null, hidden] }];
};

