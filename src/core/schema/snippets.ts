import type { TensorDType } from '../protocol/tensor';
import { float16Text, float32Text } from './float-text';
import { tensorValues, type HostTensor } from './host-tensor';
import type { FeatureValue } from './validate-row';

/** Past this many values a snippet builds the input instead of spelling it out. */
export const INLINE_LIMIT = 256;

export interface SnippetRequest {
  readonly modelFile: string;
  readonly feeds: Readonly<Record<string, HostTensor>>;
  readonly outputNames: readonly string[];
  /** For tabular models: the feature names and one row of values per batch row. */
  readonly table: { readonly columns: readonly string[]; readonly rows: readonly (readonly FeatureValue[])[] } | null;
}

const JS_ARRAYS: Record<Exclude<TensorDType, 'string'>, string> = {
  float32: 'Float32Array',
  float64: 'Float64Array',
  float16: 'Uint16Array',
  int8: 'Int8Array',
  uint8: 'Uint8Array',
  int16: 'Int16Array',
  uint16: 'Uint16Array',
  int32: 'Int32Array',
  uint32: 'Uint32Array',
  int64: 'BigInt64Array',
  uint64: 'BigUint64Array',
  bool: 'Uint8Array',
};

const NUMPY: Record<TensorDType, string> = {
  float32: 'np.float32',
  float64: 'np.float64',
  float16: 'np.float16',
  int8: 'np.int8',
  uint8: 'np.uint8',
  int16: 'np.int16',
  uint16: 'np.uint16',
  int32: 'np.int32',
  uint32: 'np.uint32',
  int64: 'np.int64',
  uint64: 'np.uint64',
  bool: 'np.bool_',
  string: 'object',
};

const count = (t: HostTensor): number => t.data.length;
/** Values as code spells them: the shortest decimals that read back the same, int64 exact. */
const values = (t: HostTensor): (number | string)[] =>
  tensorValues(t).map((v) => {
    if (typeof v === 'bigint' || typeof v === 'string') return typeof v === 'bigint' ? v.toString() : v;
    if (t.dtype === 'float32') return Number(float32Text(v));
    if (t.dtype === 'float16') return Number(float16Text(v));
    return v;
  });

function jsValues(t: HostTensor): string {
  if (t.dtype === 'string') return JSON.stringify(values(t));
  if (t.dtype === 'int64' || t.dtype === 'uint64') return `[${values(t).map((x) => `${x}n`).join(', ')}]`;
  // onnxruntime-web takes float16 as raw bits (or a Float16Array, which not every browser has).
  if (t.dtype === 'float16') return `[${Array.from(t.data as Uint16Array, (b) => `0x${b.toString(16).padStart(4, '0')}`).join(', ')}] /* float16 bits of ${values(t).join(', ')} */`;
  return `[${values(t).join(', ')}]`;
}

function nested(t: HostTensor, map: (v: number | string) => string): string {
  const v = values(t);
  const build = (depth: number, offset: number, stride: number): string => {
    if (depth === t.dims.length) return map(v[offset]!);
    const inner = stride / t.dims[depth]!;
    return `[${Array.from({ length: t.dims[depth]! }, (_, i) => build(depth + 1, offset + i * inner, inner)).join(', ')}]`;
  };
  return build(0, 0, v.length);
}

/** Python literals: strings quoted, bool as True/False, numbers (int64 as their exact digits) as they are. */
const pyValue = (dtype: TensorDType) => (v: number | string): string => (dtype === 'string' ? JSON.stringify(v) : dtype === 'bool' ? (v ? 'True' : 'False') : String(v));
/** JSON literals: only string tensors are quoted; int64 digits stay numbers, exact (JSON numbers have no size limit). */
const jsonValue = (dtype: TensorDType) => (v: number | string): string => (dtype === 'string' ? JSON.stringify(v) : String(v));
const key = (name: string): string => JSON.stringify(name);

/** JavaScript (onnxruntime-web) for this model and these inputs. */
export function javascriptSnippet(request: SnippetRequest): string {
  const lines = [
    "import * as ort from 'onnxruntime-web';",
    '',
    `const session = await ort.InferenceSession.create(${key(request.modelFile)});`,
    'const feeds = {',
  ];
  for (const [name, t] of Object.entries(request.feeds)) {
    const dims = `[${t.dims.join(', ')}]`;
    let data: string;
    if (count(t) > INLINE_LIMIT) data = t.dtype === 'string' ? `new Array(${count(t)}).fill('')` : `new ${JS_ARRAYS[t.dtype]}(${count(t)}) /* ${count(t).toLocaleString('en-US')} values: fill with yours */`;
    else data = t.dtype === 'string' ? jsValues(t) : `${JS_ARRAYS[t.dtype]}.from(${jsValues(t)})`;
    lines.push(`  ${key(name)}: new ort.Tensor('${t.dtype}', ${data}, ${dims}),`);
  }
  lines.push('};', 'const results = await session.run(feeds);');
  for (const name of request.outputNames) lines.push(`console.log(${key(name)}, results[${key(name)}].dims, results[${key(name)}].data);`);
  return lines.join('\n');
}

/** Python (onnxruntime + numpy) for this model and these inputs. */
export function pythonSnippet(request: SnippetRequest): string {
  const lines = ['import numpy as np', 'import onnxruntime as ort', '', `session = ort.InferenceSession(${key(request.modelFile)}, providers=["CPUExecutionProvider"])`, 'feeds = {'];
  for (const [name, t] of Object.entries(request.feeds)) {
    const shape = `(${t.dims.join(', ')}${t.dims.length === 1 ? ',' : ''})`;
    const data = count(t) > INLINE_LIMIT ? `np.zeros(${shape}, dtype=${NUMPY[t.dtype]})  # ${count(t).toLocaleString('en-US')} values: load yours here` : `np.array(${nested(t, pyValue(t.dtype))}, dtype=${NUMPY[t.dtype]})`;
    lines.push(`    ${key(name)}: ${data},`);
  }
  lines.push('}', 'outputs = session.run(None, feeds)', 'for output, value in zip(session.get_outputs(), outputs):', '    print(output.name, value)');
  return lines.join('\n');
}

/** The MLflow `/invocations` request body: `dataframe_split` for tables, `inputs` for tensors. */
export function mlflowBody(request: SnippetRequest): string {
  if (request.table) return JSON.stringify({ dataframe_split: { columns: request.table.columns, data: request.table.rows } }, null, 2);
  // Each tensor's text is written in place of a marker, so that int64 digits never go through a double.
  const texts: string[] = [];
  const inputs: Record<string, string> = {};
  for (const [name, t] of Object.entries(request.feeds)) {
    inputs[name] = `\u0000${texts.length}\u0000`;
    texts.push(nested(t, jsonValue(t.dtype)));
  }
  return JSON.stringify({ inputs }, null, 2).replace(/"\\u0000(\d+)\\u0000"/g, (_, i: string) => texts[Number(i)]!);
}
