import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import type { TensorSpec } from '../protocol/tensor';
import { convertValues } from '../tensors/convert';
import { shapeText } from '../tensors/tensor-error';
import { columnsByName } from './column-match';
import type { HostTensor } from './host-tensor';
import type { Signature } from './signature';

type Nested = number | boolean | string | null | Nested[];

interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function badExample(message: string): Result<never> {
  return fail(engineError('bad-input-example', message, 'Fix input_example.json (MLflow writes {"columns": [...], "data": [[...]]} for tables and {"inputs": {...}} for tensors), or remove it to run on random inputs.'));
}

/** Flattens a rectangular nested array; `null` when ragged. */
export function flattenNested(value: Nested): { dims: number[]; values: (number | boolean | string | null)[] } | null {
  const dims: number[] = [];
  let probe: Nested = value;
  while (Array.isArray(probe)) {
    dims.push(probe.length);
    probe = probe[0] as Nested;
  }
  const values: (number | boolean | string | null)[] = [];
  const walk = (node: Nested, depth: number): boolean => {
    if (depth === dims.length) {
      if (Array.isArray(node)) return false;
      values.push(node);
      return true;
    }
    if (!Array.isArray(node) || node.length !== dims[depth]) return false;
    return node.every((child) => walk(child, depth + 1));
  };
  return walk(value, 0) ? { dims, values } : null;
}

function tableOf(example: unknown): Table | null {
  const source = isRecord(example) && isRecord(example.dataframe_split) ? example.dataframe_split : example;
  if (isRecord(source) && Array.isArray(source.columns) && Array.isArray(source.data)) {
    return { columns: source.columns.map(String), rows: source.data.filter(Array.isArray) };
  }
  const records = isRecord(example) && Array.isArray(example.dataframe_records) ? example.dataframe_records : null;
  if (records && records.every(isRecord) && records.length > 0) {
    const columns = Object.keys(records[0] as Record<string, unknown>);
    return { columns, rows: records.map((r) => columns.map((c) => (r as Record<string, unknown>)[c])) };
  }
  return null;
}

function tensorOf(spec: TensorSpec, value: unknown): Result<HostTensor> {
  const flat = flattenNested(value as Nested);
  if (!flat) return badExample(`The example for input “${spec.name}” is not a rectangular array.`);
  const dtype = spec.dtype === 'unknown' ? 'float32' : spec.dtype;
  let dims = flat.dims;
  const rank = spec.shape?.length;
  // A single row given without its batch dimension.
  if (rank !== undefined && dims.length === rank - 1) dims = [1, ...dims];
  if (rank !== undefined && dims.length !== rank) {
    return badExample(`The example for input “${spec.name}” has ${dims.length} dimensions [${dims.join(', ')}], but the model expects ${rank} [${spec.shape!.join(', ')}].`);
  }
  const mismatch = spec.shape?.findIndex((d, i) => typeof d === 'number' && d >= 0 && d !== dims[i]) ?? -1;
  if (mismatch >= 0) {
    return badExample(`The example for input “${spec.name}” has size ${dims[mismatch]} in dimension ${mismatch}, but the model fixes it at ${spec.shape![mismatch]}.`);
  }
  if (dtype === 'string') return ok({ dtype, dims, data: flat.values.map(String) });
  if (flat.values.some((v) => typeof v !== 'number' && typeof v !== 'boolean')) {
    return badExample(`The example for input “${spec.name}” holds non-numeric values, but the input is ${dtype}.`);
  }
  // Checked as a file's values are: 300 in a uint8 input, 0.5 in a bool one or 1e39 in a float32
  // one is refused with its element, never stored wrapped, cut or as Infinity.
  const data = convertValues(flat.values as (number | boolean)[], dtype, { input: spec.name, source: 'input_example.json', expected: `${dtype} ${shapeText(spec.shape)}` });
  if (!data.ok) return fail(engineError('bad-input-example', data.error.message, `${data.error.hint} Fix input_example.json, or remove it to run on random inputs.`));
  return ok({ dtype, dims, data: data.value });
}

function fromTable(table: Table, inputs: readonly TensorSpec[], featureOrder: readonly string[] | undefined): Result<Record<string, HostTensor>> {
  const perColumn = inputs.length > 1 && inputs.every((i) => table.columns.includes(i.name));
  if (perColumn) {
    const feeds: Record<string, HostTensor> = {};
    for (const spec of inputs) {
      const col = table.columns.indexOf(spec.name);
      const made = tensorOf(spec, table.rows.map((r) => [r[col] as Nested]));
      if (!made.ok) return made;
      feeds[spec.name] = made.value;
    }
    return ok(feeds);
  }
  if (inputs.length !== 1) return badExample(`The example is a table, but the model has ${inputs.length} inputs that are not named after its columns.`);
  let indices = table.columns.map((_, k) => k);
  if (featureOrder && featureOrder.length > 0) {
    // The features' order, by name (the rule the Predict form and CSV files use), never the example's own order.
    indices = columnsByName(table.columns, featureOrder);
    const absent = featureOrder.filter((_, f) => indices[f]! < 0);
    if (absent.length > 0) {
      const names = (list: readonly string[]): string => list.slice(0, 8).map((n) => `“${n}”`).join(', ') + (list.length > 8 ? ` and ${list.length - 8} more` : '');
      return badExample(
        `The example’s columns do not match the model’s features: no column for ${names(absent)} (it has ${names(table.columns) || 'none'}). It was not fed in its own column order, which need not be the model’s.`,
      );
    }
  }
  const made = tensorOf(inputs[0]!, table.rows.map((r) => indices.map((i) => r[i] as Nested)));
  if (!made.ok) return made;
  return ok({ [inputs[0]!.name]: made.value });
}

/** The feature order a table example is fed in: the signature's features when they fill one input by name, else none. */
export function exampleFeatureOrder(signature: Signature): readonly string[] | undefined {
  return signature.layout.kind === 'one-input' && signature.namedFeatures ? signature.features.map((f) => f.name) : undefined;
}

/**
 * Turns an input example (MLflow's split/records/inputs/instances forms, or a bare array)
 * into one tensor per model input.
 */
export function exampleToTensors(
  example: unknown,
  inputs: readonly TensorSpec[],
  featureOrder?: readonly string[],
): Result<Record<string, HostTensor>> {
  const table = tableOf(example);
  if (table) return fromTable(table, inputs, featureOrder);
  const body = isRecord(example) && ('inputs' in example || 'instances' in example) ? (example.inputs ?? example.instances) : example;
  const named: Record<string, unknown> | null = isRecord(body) ? body : inputs.length === 1 ? { [inputs[0]!.name]: body } : null;
  if (!named) return badExample(`The example is one array, but the model has ${inputs.length} inputs; name each input.`);
  const feeds: Record<string, HostTensor> = {};
  for (const spec of inputs) {
    if (!(spec.name in named)) return badExample(`The example has no value for input “${spec.name}” (it has ${Object.keys(named).join(', ') || 'none'}).`);
    const made = tensorOf(spec, named[spec.name]);
    if (!made.ok) return made;
    feeds[spec.name] = made.value;
  }
  return ok(feeds);
}
