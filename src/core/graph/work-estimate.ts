import type { GraphNode, ShapeDim } from './graph-model';
import { intAttribute, intsAttribute } from './onnx-values';
import { matmulShape } from './shape-geometry';

/**
 * How much arithmetic a node does, counted from its shapes:
 * - `macs`: multiply-adds (MatMul, Gemm, Conv, ConvTranspose, attention); 2 FLOPs each.
 * - `elements`: one operation per element (element-wise ops, reductions, normalisations, pooling windows).
 * - `movement`: copies or reindexes data and computes nothing (Transpose, Concat, Gather…); 0 FLOPs.
 * - `none`: metadata only (Shape, Constant…).
 * - `unknown`: a shape it needs is unknown, or no rule covers the operator.
 */
export interface WorkEstimate {
  readonly kind: 'macs' | 'elements' | 'movement' | 'none' | 'unknown';
  readonly macs: number | null;
  /** Elements computed or moved. */
  readonly elements: number | null;
  /** 2 per multiply-add, 1 per element-wise operation, 0 for data movement; null when unknown. */
  readonly flops: number | null;
  /** How it was counted, with the numbers: "M·N·K = 1·128·64". */
  readonly formula: string;
}

/** A tensor's shape with symbolic dims resolved, or null. */
export type ShapeLookup = (tensor: string) => readonly ShapeDim[] | null;

const MATMUL = new Set(['MatMul', 'FusedMatMul', 'MatMulInteger', 'MatMulNBits', 'QLinearMatMul', 'DynamicQuantizeMatMul', 'MatMulIntegerToFloat']);
const GEMM = new Set(['Gemm', 'FusedGemm', 'QGemm']);
const CONV = new Set(['Conv', 'FusedConv', 'ConvInteger', 'QLinearConv', 'NhwcConv']);
const ELEMENTWISE = new Set([
  'Abs', 'Acos', 'Acosh', 'Add', 'And', 'Asin', 'Asinh', 'Atan', 'Atanh', 'BiasGelu', 'BitShift', 'Cast', 'CastLike', 'Ceil', 'Celu', 'Clip', 'Cos', 'Cosh', 'DequantizeLinear',
  'Div', 'Dropout', 'Elu', 'Equal', 'Erf', 'Exp', 'FastGelu', 'Floor', 'Gelu', 'Greater', 'GreaterOrEqual', 'HardSigmoid', 'HardSwish', 'IsInf', 'IsNaN', 'LeakyRelu',
  'Less', 'LessOrEqual', 'Log', 'Max', 'Mean', 'Min', 'Mish', 'Mod', 'Mul', 'Neg', 'Not', 'Or', 'PRelu', 'Pow', 'QuantizeLinear', 'QuickGelu', 'Reciprocal', 'Relu', 'Round',
  'Selu', 'Shrink', 'Sigmoid', 'Sign', 'Sin', 'Sinh', 'Softplus', 'Softsign', 'Sqrt', 'Sub', 'Sum', 'Tan', 'Tanh', 'ThresholdedRelu', 'Where', 'Xor', 'Resize', 'Upsample',
]);
/** Operators whose cost scales with their input: normalisations, softmax, reductions. */
const OVER_INPUT = new Set([
  'Softmax', 'LogSoftmax', 'Hardmax', 'BatchNormalization', 'InstanceNormalization', 'LayerNormalization', 'SimplifiedLayerNormalization', 'SkipLayerNormalization',
  'SkipSimplifiedLayerNormalization', 'GroupNormalization', 'LpNormalization', 'MeanVarianceNormalization', 'LRN', 'GlobalAveragePool', 'GlobalMaxPool', 'ArgMax', 'ArgMin',
  'ReduceMean', 'ReduceSum', 'ReduceMax', 'ReduceMin', 'ReduceProd', 'ReduceL1', 'ReduceL2', 'ReduceLogSum', 'ReduceLogSumExp', 'ReduceSumSquare', 'CumSum', 'TopK',
  'BiasSoftmax', 'RotaryEmbedding',
]);
const MOVEMENT = new Set(['Transpose', 'Concat', 'Gather', 'GatherElements', 'GatherND', 'Slice', 'Split', 'Pad', 'Tile', 'Expand', 'ScatterND', 'ScatterElements', 'DepthToSpace', 'SpaceToDepth', 'Trilu', 'Identity', 'Reshape', 'Flatten', 'Squeeze', 'Unsqueeze', 'MemcpyToHost', 'MemcpyFromHost']);
const METADATA = new Set(['Shape', 'Size', 'Constant', 'ConstantOfShape', 'Range', 'NonZero', 'EyeLike', 'RandomNormal', 'RandomUniform', 'RandomNormalLike', 'RandomUniformLike']);
const POOL = new Set(['MaxPool', 'AveragePool', 'LpPool']);

const numeric = (shape: readonly ShapeDim[] | null): shape is readonly number[] => shape !== null && shape.every((d) => typeof d === 'number');
const product = (dims: readonly number[]): number => dims.reduce((p, d) => p * d, 1);
const list = (dims: readonly number[]): string => dims.join('·');

const unknown = (formula: string): WorkEstimate => ({ kind: 'unknown', macs: null, elements: null, flops: null, formula });
const macsOf = (macs: number, formula: string): WorkEstimate => ({ kind: 'macs', macs, elements: null, flops: 2 * macs, formula });
const elementsOf = (elements: number, formula: string): WorkEstimate => ({ kind: 'elements', macs: null, elements, flops: elements, formula });

function matmul(node: GraphNode, shape: ShapeLookup): WorkEstimate {
  // QLinearMatMul: a, a_scale, a_zero_point, b, …
  const [ai, bi] = node.opType === 'QLinearMatMul' ? [0, 3] : [0, 1];
  const a = shape(node.inputs[ai] ?? '');
  const b = shape(node.inputs[bi] ?? '');
  if (node.opType === 'MatMulNBits') {
    const k = intAttribute(node.attributes, 'K');
    const n = intAttribute(node.attributes, 'N');
    if (!numeric(a) || k === null || n === null) return unknown('needs the shape of A');
    const rows = product(a.slice(0, -1));
    return macsOf(rows * n * k, `rows·N·K = ${rows}·${n}·${k}`);
  }
  const out = matmulShape(a, b);
  if (!numeric(a) || !numeric(out)) return unknown('needs the shapes of A and B');
  const k = a.at(-1)!;
  return macsOf(product(out) * k, `output elements·K = ${list(out)}·${k}`);
}

function gemm(node: GraphNode, shape: ShapeLookup): WorkEstimate {
  const [ai, bi] = node.opType === 'QGemm' ? [0, 3] : [0, 1];
  const a = shape(node.inputs[ai] ?? '');
  const b = shape(node.inputs[bi] ?? '');
  if (!numeric(a) || !numeric(b) || a.length !== 2 || b.length !== 2) return unknown('needs the 2-D shapes of A and B');
  const transA = intAttribute(node.attributes, 'transA') === 1;
  const transB = intAttribute(node.attributes, 'transB') === 1;
  const m = transA ? a[1]! : a[0]!;
  const k = transA ? a[0]! : a[1]!;
  const n = transB ? b[0]! : b[1]!;
  return macsOf(m * n * k, `M·N·K = ${m}·${n}·${k}`);
}

function conv(node: GraphNode, shape: ShapeLookup): WorkEstimate {
  const wi = node.opType === 'QLinearConv' ? 3 : 1;
  const w = shape(node.inputs[wi] ?? '');
  const y = shape(node.outputs[0] ?? '');
  if (!numeric(w) || !numeric(y) || w.length < 3) return unknown('needs the shapes of the weights and the output');
  // W is [C_out, C_in / group, k…]: each output element sums C_in/group · kernel products.
  const perOutput = product(w.slice(1));
  return macsOf(product(y) * perOutput, `output elements·(C_in/group)·kernel = ${list(y)}·${w[1]}·${list(w.slice(2))}`);
}

function convTranspose(node: GraphNode, shape: ShapeLookup): WorkEstimate {
  const x = shape(node.inputs[0] ?? '');
  const w = shape(node.inputs[1] ?? '');
  if (!numeric(x) || !numeric(w) || w.length < 3) return unknown('needs the shapes of the input and the weights');
  // W is [C_in, C_out / group, k…]: each input element scatters into C_out/group · kernel outputs.
  return macsOf(product(x) * product(w.slice(1)), `input elements·(C_out/group)·kernel = ${list(x)}·${w[1]}·${list(w.slice(2))}`);
}

function attention(node: GraphNode, shape: ShapeLookup): WorkEstimate {
  if (node.opType === 'MultiHeadAttention') {
    const q = shape(node.inputs[0] ?? '');
    const k = shape(node.inputs[1] ?? '');
    const v = shape(node.inputs[2] ?? '');
    if (!numeric(q) || !numeric(k) || !numeric(v) || q.length !== 3 || k.length !== 3 || v.length !== 3) return unknown('needs 3-D query, key and value shapes');
    const [b, s, d] = q as [number, number, number];
    const l = k[1]!;
    const dv = v[2]!;
    return macsOf(b * s * l * d + b * s * l * dv, `QKᵀ + PV = ${b}·${s}·${l}·${d} + ${b}·${s}·${l}·${dv}`);
  }
  const x = shape(node.inputs[0] ?? '');
  const w = shape(node.inputs[1] ?? '');
  if (!numeric(x) || !numeric(w) || x.length !== 3 || w.length !== 2) return unknown('needs the input [B, S, hidden] and weights [hidden, 3·hidden]');
  const [b, s, hidden] = x as [number, number, number];
  const projected = w[1]! / 3;
  return macsOf(b * s * hidden * w[1]! + 2 * b * s * s * projected, `QKV projection + QKᵀ + PV = ${b}·${s}·${hidden}·${w[1]} + 2·${b}·${s}·${s}·${projected}`);
}

function pool(node: GraphNode, shape: ShapeLookup): WorkEstimate {
  const y = shape(node.outputs[0] ?? '');
  const kernel = intsAttribute(node.attributes, 'kernel_shape');
  if (!numeric(y) || !kernel) return unknown('needs the output shape');
  return elementsOf(product(y) * product(kernel), `output elements·window = ${list(y)}·${list(kernel)}`);
}

/** The work one node does, from the shapes `shape` knows (already resolved to numbers where possible). */
export function estimateWork(node: GraphNode, shape: ShapeLookup): WorkEstimate {
  const op = node.opType;
  if (MATMUL.has(op)) return matmul(node, shape);
  if (GEMM.has(op)) return gemm(node, shape);
  if (CONV.has(op)) return conv(node, shape);
  if (op === 'ConvTranspose') return convTranspose(node, shape);
  if (op === 'Attention' || op === 'MultiHeadAttention') return attention(node, shape);
  if (POOL.has(op)) return pool(node, shape);
  if (METADATA.has(op)) return { kind: 'none', macs: null, elements: null, flops: 0, formula: 'computes no values from its inputs’ data' };
  const out = shape(node.outputs[0] ?? '');
  if (MOVEMENT.has(op)) {
    if (!numeric(out)) return unknown('needs the output shape');
    return { kind: 'movement', macs: null, elements: product(out), flops: 0, formula: `moves ${list(out)} = ${product(out)} elements, computes none` };
  }
  if (OVER_INPUT.has(op)) {
    const x = shape(node.inputs[0] ?? '');
    if (!numeric(x)) return unknown('needs the input shape');
    return elementsOf(product(x), `input elements = ${list(x)}`);
  }
  if (ELEMENTWISE.has(op)) {
    if (!numeric(out)) return unknown('needs the output shape');
    return elementsOf(product(out), `output elements = ${list(out)}`);
  }
  return unknown(`no rule counts ${op}`);
}

/** Resolves symbolic dims from `bindings` (e.g. batch → 1); unknown dims stay null. */
export function bindShape(shape: readonly ShapeDim[] | null, bindings: Readonly<Record<string, number>>): readonly ShapeDim[] | null {
  if (!shape) return null;
  return shape.map((d) => (typeof d === 'string' ? (bindings[d] ?? null) : d));
}
