import type { ShapeDim } from './graph-model';
import { intAttribute, intsAttribute } from './onnx-values';
import { dtypeOf, given, normAxis, shapeOf, type Guess, type Rule, type RuleContext } from './shape-context';
import { broadcast, matmulShape } from './shape-geometry';
import { attention, conv, convTranspose, globalPool, multiHeadAttention, pool } from './shape-rules-windowed';

export type { Guess, RuleContext } from './shape-context';

const same: Rule = (c) => [{ dtype: dtypeOf(c, 0), shape: shapeOf(c, 0) }];
const sameAsBool: Rule = (c) => [{ dtype: 'bool', shape: shapeOf(c, 0) }];
const elementwise = (dtype?: string): Rule => (c) => [{ dtype: dtype ?? (dtypeOf(c, 0) !== 'unknown' ? dtypeOf(c, 0) : dtypeOf(c, 1)), shape: broadcast(c.inputs.map((t) => t?.shape ?? null)) }];

const gemm: Rule = (c) => {
  const a = shapeOf(c, 0);
  const b = shapeOf(c, 1);
  if (!a || !b || a.length !== 2 || b.length !== 2) return [null];
  const m = intAttribute(c.attributes, 'transA') === 1 ? a[1]! : a[0]!;
  const n = intAttribute(c.attributes, 'transB') === 1 ? b[0]! : b[1]!;
  return [{ dtype: dtypeOf(c, 0), shape: [m, n] }];
};

const flatten: Rule = (c) => {
  const x = shapeOf(c, 0);
  if (!x) return [null];
  const axis = normAxis(intAttribute(c.attributes, 'axis') ?? 1, x.length);
  const product = (dims: readonly ShapeDim[]): ShapeDim => (dims.length === 1 ? dims[0]! : dims.every((d) => typeof d === 'number') ? (dims as number[]).reduce((p, d) => p * d, 1) : null);
  return [{ dtype: dtypeOf(c, 0), shape: [product(x.slice(0, axis)), product(x.slice(axis))] }];
};

const transpose: Rule = (c) => {
  const x = shapeOf(c, 0);
  if (!x) return [null];
  const perm = intsAttribute(c.attributes, 'perm') ?? x.map((_, i) => x.length - 1 - i);
  return [{ dtype: dtypeOf(c, 0), shape: perm.map((p) => x[p] ?? null) }];
};

const concat: Rule = (c) => {
  const shapes = c.inputs.map((t) => t?.shape ?? null);
  if (shapes.length === 0 || shapes.some((s) => s === null)) return [null];
  const first = shapes[0]!;
  const axis = normAxis(intAttribute(c.attributes, 'axis') ?? 0, first.length);
  const sum = shapes.reduce<ShapeDim>((acc, s) => (typeof acc === 'number' && typeof s![axis] === 'number' ? acc + (s![axis] as number) : null), 0);
  return [{ dtype: dtypeOf(c, 0), shape: first.map((d, i) => (i === axis ? sum : d)) }];
};

/** Axes from the attribute (before they became an input, whose values this view does not read). */
const axesAttribute = (c: RuleContext): number[] | null => intsAttribute(c.attributes, 'axes');

const unsqueeze: Rule = (c) => {
  const x = shapeOf(c, 0);
  const axes = axesAttribute(c);
  if (!x || !axes) return [null];
  const rank = x.length + axes.length;
  const at = new Set(axes.map((a) => normAxis(a, rank)));
  const out: ShapeDim[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) out.push(at.has(i) ? 1 : (x[k++] ?? null));
  return [{ dtype: dtypeOf(c, 0), shape: out }];
};

const squeeze: Rule = (c) => {
  const x = shapeOf(c, 0);
  if (!x) return [null];
  const axes = axesAttribute(c);
  if (!axes && c.inputs.length > 1) return [null];
  const drop = axes ? new Set(axes.map((a) => normAxis(a, x.length))) : new Set(x.flatMap((d, i) => (d === 1 ? [i] : [])));
  return [{ dtype: dtypeOf(c, 0), shape: x.filter((_, i) => !drop.has(i)) }];
};

const reduce: Rule = (c) => {
  const x = shapeOf(c, 0);
  if (!x) return [null];
  const axes = axesAttribute(c);
  const keep = (intAttribute(c.attributes, 'keepdims') ?? 1) === 1;
  // From opset 13 (ReduceSum) or 18 (the others) the axes are an input whose values this view does not read:
  // any axis may be reduced, so with keepdims every size is unknown, and without it even the rank.
  if (!axes && given(c, 1)) return [{ dtype: dtypeOf(c, 0), shape: keep ? x.map(() => null) : null }];
  // No axes at all: every axis, unless noop_with_empty_axes says the input passes through.
  if (!axes && intAttribute(c.attributes, 'noop_with_empty_axes') === 1) return [{ dtype: dtypeOf(c, 0), shape: x }];
  const all = new Set((axes ?? x.map((_, i) => i)).map((a) => normAxis(a, x.length)));
  const shape = keep ? x.map((d, i) => (all.has(i) ? 1 : d)) : x.filter((_, i) => !all.has(i));
  return [{ dtype: dtypeOf(c, 0), shape }];
};

const argReduce: Rule = (c) => {
  const x = shapeOf(c, 0);
  if (!x) return [null];
  const axis = normAxis(intAttribute(c.attributes, 'axis') ?? 0, x.length);
  const keep = (intAttribute(c.attributes, 'keepdims') ?? 1) === 1;
  return [{ dtype: 'int64', shape: keep ? x.map((d, i) => (i === axis ? 1 : d)) : x.filter((_, i) => i !== axis) }];
};

const gather: Rule = (c) => {
  const data = shapeOf(c, 0);
  const indices = shapeOf(c, 1);
  if (!data || !indices) return [null];
  const axis = normAxis(intAttribute(c.attributes, 'axis') ?? 0, data.length);
  return [{ dtype: dtypeOf(c, 0), shape: [...data.slice(0, axis), ...indices, ...data.slice(axis + 1)] }];
};

const shape: Rule = (c) => {
  const x = shapeOf(c, 0);
  if (!x) return [{ dtype: 'int64', shape: [null] }];
  const start = normAxis(intAttribute(c.attributes, 'start') ?? 0, x.length);
  const end = normAxis(intAttribute(c.attributes, 'end') ?? x.length, x.length);
  return [{ dtype: 'int64', shape: [Math.max(0, Math.min(end, x.length) - Math.max(0, start))] }];
};

const constant: Rule = (c) => {
  const tensor = c.attributes.find((a) => a.tensor);
  if (tensor?.tensor) return [{ dtype: tensor.tensor.dtype, shape: tensor.tensor.dims }];
  const a = c.attributes[0];
  if (!a) return [null];
  const scalarType = a.name === 'value_float' ? 'float32' : a.name === 'value_int' ? 'int64' : a.name === 'value_string' ? 'string' : null;
  if (scalarType) return [{ dtype: scalarType, shape: [] }];
  const listType = a.name === 'value_floats' ? 'float32' : a.name === 'value_ints' ? 'int64' : a.name === 'value_strings' ? 'string' : null;
  return [listType && Array.isArray(a.value) ? { dtype: listType, shape: [a.value.length] } : null];
};

/** Rank is kept, sizes are set by values this view does not read (pads, scales, starts…). */
const sameRank: Rule = (c) => {
  const x = shapeOf(c, 0);
  return [x ? { dtype: dtypeOf(c, 0), shape: x.map(() => null) } : null];
};

/** Rank from the length of a 1-D shape input (Reshape, Expand, ConstantOfShape). */
const rankFromShapeInput = (index: number, dtype?: (c: RuleContext) => string): Rule => (c) => {
  const s = shapeOf(c, index);
  const length = s?.length === 1 && typeof s[0] === 'number' ? s[0] : null;
  return [length === null ? null : { dtype: dtype ? dtype(c) : dtypeOf(c, 0), shape: new Array<ShapeDim>(length).fill(null) }];
};

/**
 * Expand broadcasts the input against a shape whose values this view does not read: the rank is the larger of
 * the two, and an input size other than 1 stays (the shape's value there can only be 1 or that size).
 */
const expand: Rule = (c) => {
  const x = shapeOf(c, 0);
  const s = shapeOf(c, 1);
  const length = s?.length === 1 && typeof s[0] === 'number' ? s[0] : null;
  if (!x || length === null) return [null];
  const rank = Math.max(x.length, length);
  const shape = Array.from({ length: rank }, (_, i): ShapeDim => {
    const d = x[i - (rank - x.length)];
    return d === undefined || d === 1 || d === null ? null : d;
  });
  return [{ dtype: dtypeOf(c, 0), shape }];
};

const split: Rule = (c) => {
  const x = shapeOf(c, 0);
  if (!x) return new Array<Guess>(c.outputCount).fill(null);
  const axis = normAxis(intAttribute(c.attributes, 'axis') ?? 0, x.length);
  const sizes = intsAttribute(c.attributes, 'split');
  const size = x[axis];
  return Array.from({ length: c.outputCount }, (_, k) => {
    const part = sizes ? (sizes[k] ?? null) : typeof size === 'number' && c.inputs.length < 2 && size % c.outputCount === 0 ? size / c.outputCount : null;
    return { dtype: dtypeOf(c, 0), shape: x.map((d, i) => (i === axis ? part : d)) };
  });
};

const castTo = (c: RuleContext): string => {
  const to = intAttribute(c.attributes, 'to');
  const names: Record<number, string> = { 1: 'float32', 2: 'uint8', 3: 'int8', 4: 'uint16', 5: 'int16', 6: 'int32', 7: 'int64', 8: 'string', 9: 'bool', 10: 'float16', 11: 'float64', 12: 'uint32', 13: 'uint64', 16: 'bfloat16' };
  return to === null ? 'unknown' : (names[to] ?? 'unknown');
};

const UNARY = [
  'Abs', 'Acos', 'Acosh', 'Asin', 'Asinh', 'Atan', 'Atanh', 'Ceil', 'Celu', 'Clip', 'Cos', 'Cosh', 'CumSum', 'Elu', 'Erf', 'Exp', 'FastGelu', 'Floor', 'Gelu',
  'HardSigmoid', 'HardSwish', 'Hardmax', 'Identity', 'LeakyRelu', 'Log', 'LogSoftmax', 'LpNormalization', 'Mish', 'Neg', 'QuickGelu', 'Reciprocal', 'Relu',
  'Round', 'Selu', 'Shrink', 'Sigmoid', 'Sign', 'Sin', 'Sinh', 'Softmax', 'Softplus', 'Softsign', 'Sqrt', 'Tan', 'Tanh', 'ThresholdedRelu', 'Trilu',
  'BatchNormalization', 'InstanceNormalization', 'LayerNormalization', 'SimplifiedLayerNormalization', 'SkipLayerNormalization', 'SkipSimplifiedLayerNormalization',
  'GroupNormalization', 'MeanVarianceNormalization', 'LRN', 'Dropout', 'BiasGelu', 'BiasSoftmax', 'RotaryEmbedding',
];
const BINARY = ['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Mod', 'Max', 'Min', 'Sum', 'Mean', 'PRelu', 'BitShift', 'BitwiseAnd', 'BitwiseOr', 'BitwiseXor'];
const COMPARE = ['Equal', 'Less', 'LessOrEqual', 'Greater', 'GreaterOrEqual', 'And', 'Or', 'Xor'];

/** Shape rules for the operators models use most; other operators get no guess (shown as unknown). */
export const SHAPE_RULES: Readonly<Record<string, Rule>> = {
  ...Object.fromEntries(UNARY.map((op) => [op, same])),
  ...Object.fromEntries(BINARY.map((op) => [op, elementwise()])),
  ...Object.fromEntries(COMPARE.map((op) => [op, elementwise('bool')])),
  Not: sameAsBool,
  IsNaN: sameAsBool,
  IsInf: sameAsBool,
  Where: (c) => [{ dtype: dtypeOf(c, 1), shape: broadcast(c.inputs.map((t) => t?.shape ?? null)) }],
  Cast: (c) => [{ dtype: castTo(c), shape: shapeOf(c, 0) }],
  CastLike: (c) => [{ dtype: dtypeOf(c, 1), shape: shapeOf(c, 0) }],
  // From opset 19 the output takes the scale's type (float16, bfloat16…); before, float32 only.
  DequantizeLinear: (c) => [{ dtype: c.opset >= 19 && dtypeOf(c, 1) !== 'unknown' ? dtypeOf(c, 1) : 'float32', shape: shapeOf(c, 0) }],
  QuantizeLinear: (c) => [{ dtype: c.inputs[2] ? dtypeOf(c, 2) : 'uint8', shape: shapeOf(c, 0) }],
  MatMul: (c) => [{ dtype: dtypeOf(c, 0), shape: matmulShape(shapeOf(c, 0), shapeOf(c, 1)) }],
  MatMulInteger: (c) => [{ dtype: 'int32', shape: matmulShape(shapeOf(c, 0), shapeOf(c, 1)) }],
  Gemm: gemm,
  Conv: conv(1),
  ConvInteger: conv(1, 'int32'),
  QLinearConv: conv(3, 'uint8'),
  ConvTranspose: convTranspose,
  MaxPool: pool,
  AveragePool: pool,
  LpPool: pool,
  GlobalAveragePool: globalPool,
  GlobalMaxPool: globalPool,
  Flatten: flatten,
  Transpose: transpose,
  Concat: concat,
  Unsqueeze: unsqueeze,
  Squeeze: squeeze,
  ...Object.fromEntries(['ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL1', 'ReduceL2', 'ReduceLogSum', 'ReduceLogSumExp', 'ReduceSumSquare'].map((op) => [op, reduce])),
  ArgMax: argReduce,
  ArgMin: argReduce,
  Gather: gather,
  Shape: shape,
  Size: () => [{ dtype: 'int64', shape: [] }],
  Constant: constant,
  Slice: sameRank,
  Pad: sameRank,
  Resize: sameRank,
  Upsample: sameRank,
  Tile: sameRank,
  Reshape: rankFromShapeInput(1),
  Expand: expand,
  // The `value` attribute's tensor sets the type (float32 when it is absent).
  ConstantOfShape: rankFromShapeInput(0, (c) => c.attributes.find((a) => a.name === 'value')?.tensor?.dtype ?? 'float32'),
  Split: split,
  Attention: attention,
  MultiHeadAttention: multiHeadAttention,
};
