import { ok, type Result } from '../protocol/engine-error';
import { isTensorDType } from '../protocol/tensor';
import { elementCount } from '../schema/host-tensor';
import { convertValues } from './convert';
import type { FoundTensor, LooseValue } from './found-tensor';
import { parseJsonBody } from './json-body';
import { InexactNumber } from './json-number';
import { TENSOR_LIMITS } from './limits';
import { badFile, fileText, shapeText } from './tensor-error';

/**
 * Tensors from a JSON body, in every form the app accepts:
 * - MLflow `/invocations` tensor bodies: `{"inputs": {NAME: nested array}}`, `{"inputs": nested array}`
 *   (one input), `{"instances": [...]}` (one value per example, or one object NAME → value per
 *   example, stacked along a new first dimension), `{"instances": {NAME: [...]}}`;
 * - the app's own documents: `{"inputs"|"outputs": {NAME: {"dims", "dtype", "data"}}}` (`data` flat,
 *   values as `jsonElements` writes them), so that one model's outputs can feed another;
 * - a bare nested array (one input) or a bare object NAME → nested array.
 */

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isLoose = (v: unknown): v is LooseValue => v === null || v instanceof InexactNumber || ['number', 'bigint', 'boolean', 'string'].includes(typeof v);

interface Flat {
  readonly dims: number[];
  readonly values: LooseValue[];
}

/** A rectangular nested array (or a scalar) as dims + values in C order, or why it is not one. */
function flatten(value: unknown, what: string, file: string): Result<Flat> {
  const dims: number[] = [];
  let probe = value;
  while (Array.isArray(probe)) {
    dims.push(probe.length);
    probe = probe[0];
  }
  if (dims.length > TENSOR_LIMITS.maxRank) return badFile(file, `${what} in ${fileText(file)} has ${dims.length} dimensions, more than ${TENSOR_LIMITS.maxRank}.`, 'Check the nesting of the arrays.');
  // Level by level, without recursion: `level` holds every node at one depth, in C order.
  const at = (k: number, depth: number): string => {
    const path: number[] = [];
    for (let axis = depth - 1; axis >= 0; axis--) {
      path.unshift(k % dims[axis]!);
      k = Math.floor(k / dims[axis]!);
    }
    return `[${path.join(', ')}]`;
  };
  const notRectangular = (where: string, found: string, wanted: string): Result<never> =>
    badFile(file, `${what} in ${fileText(file)} is not rectangular: at ${where} there ${found} where the first row has ${wanted}.`, 'Every row of a tensor needs the same length and depth.');
  let level: unknown[] = [value];
  for (let depth = 0; depth < dims.length; depth++) {
    const next: unknown[] = [];
    for (let k = 0; k < level.length; k++) {
      const node = level[k];
      if (!Array.isArray(node) || node.length !== dims[depth]) {
        return notRectangular(at(k, depth), Array.isArray(node) ? `are ${node.length} values` : 'is a single value', `${dims[depth]}`);
      }
      for (const child of node) next.push(child);
    }
    level = next;
  }
  const bad = level.findIndex((v) => !isLoose(v));
  if (bad >= 0) return notRectangular(at(bad, dims.length), Array.isArray(level[bad]) ? 'is an array' : 'is an object', 'a value');
  const values = level as LooseValue[];
  return ok({ dims, values });
}

function loose(name: string | null, value: unknown, file: string, position: number): Result<FoundTensor> {
  const flat = flatten(value, name ? `“${name}”` : 'The tensor', file);
  if (!flat.ok) return flat;
  return ok({ kind: 'loose', format: 'json', name, source: name ? `${file}:${name}` : file, position, dims: flat.value.dims, values: flat.value.values });
}

const isDocumentEntry = (v: unknown): v is { dims: unknown[]; data: unknown[]; dtype?: unknown } => isRecord(v) && Array.isArray(v.dims) && Array.isArray(v.data);

/** `{"dims", "dtype", "data"}`: typed by its dtype (or loose without one), its size checked against its dims. */
function documentEntry(name: string, entry: { dims: unknown[]; data: unknown[]; dtype?: unknown }, file: string, position: number): Result<FoundTensor> {
  const source = `${file}:${name}`;
  const hint = 'Each tensor is {"dims": [..], "dtype": "float32", "data": [flat values]}.';
  if (!entry.dims.every((d) => typeof d === 'number' && Number.isInteger(d) && d >= 0)) return badFile(file, `“${name}” in ${fileText(file)} has dims ${JSON.stringify(entry.dims.map(String))}, which are not sizes.`, hint);
  const dims = entry.dims as number[];
  if (!entry.data.every(isLoose)) return badFile(file, `“${name}” in ${fileText(file)} has data that is not a flat list of values.`, hint);
  const values = entry.data as LooseValue[];
  if (values.length !== elementCount(dims)) return badFile(file, `“${name}” in ${fileText(file)} has ${values.length} values, but its dims ${shapeText(dims)} need ${elementCount(dims)}.`, hint);
  if (entry.dtype === undefined) return ok({ kind: 'loose', format: 'json', name, source, position, dims, values });
  if (typeof entry.dtype !== 'string' || !isTensorDType(entry.dtype)) return badFile(file, `“${name}” in ${fileText(file)} has dtype ${JSON.stringify(entry.dtype)}, which is not an element type (float32, int64, bool, string…).`, hint);
  const dtype = entry.dtype;
  const data = convertValues(values, dtype, { input: name, source, expected: `${dtype} ${shapeText(dims)}` });
  if (!data.ok) return badFile(file, data.error.message, data.error.hint);
  return ok({ kind: 'typed', format: 'json', name, source, position, tensor: { dtype, dims, data: data.value } });
}

function namedEntries(record: Record<string, unknown>, file: string): Result<FoundTensor[]> {
  const names = Object.keys(record);
  if (names.length > TENSOR_LIMITS.maxTensors) return badFile(file, `${fileText(file)} names ${names.length} tensors, more than ${TENSOR_LIMITS.maxTensors}.`, 'Give the model’s inputs only.');
  const out: FoundTensor[] = [];
  for (const [i, name] of names.entries()) {
    const value = record[name];
    const found = isDocumentEntry(value) ? documentEntry(name, value, file, i) : loose(name, value, file, i);
    if (!found.ok) return found;
    out.push(found.value);
  }
  return ok(out);
}

/** `instances`: one value (or one object of named values) per example, stacked. */
function instances(list: unknown[], file: string): Result<FoundTensor[]> {
  if (list.length === 0) return badFile(file, `${fileText(file)} has an empty "instances" list.`, 'Give at least one example.');
  if (!list.every(isRecord)) {
    if (list.some(isRecord)) return badFile(file, `${fileText(file)} mixes objects and plain values in "instances".`, 'Give every example the same form.');
    const found = loose(null, list, file, 0);
    return found.ok ? ok([found.value]) : found;
  }
  const names = Object.keys(list[0] as Record<string, unknown>);
  const odd = list.findIndex((r) => Object.keys(r as Record<string, unknown>).sort().join('\u0000') !== [...names].sort().join('\u0000'));
  if (odd >= 0) return badFile(file, `Example ${odd} of "instances" in ${fileText(file)} names ${Object.keys(list[odd] as object).join(', ')}, but example 0 names ${names.join(', ')}.`, 'Give every example the same inputs.');
  const out: FoundTensor[] = [];
  for (const [i, name] of names.entries()) {
    const found = loose(name, list.map((r) => (r as Record<string, unknown>)[name]), file, i);
    if (!found.ok) return found;
    out.push(found.value);
  }
  return ok(out);
}

/** Reads every tensor a JSON body holds (named when the body names them). */
export function decodeJsonTensors(text: string, file: string): Result<FoundTensor[]> {
  const parsed = parseJsonBody(text, file);
  if (!parsed.ok) return parsed;
  const body = parsed.value;
  if (!isRecord(body)) {
    const found = loose(null, body, file, 0);
    return found.ok ? ok([found.value]) : found;
  }
  if ('dataframe_split' in body || 'dataframe_records' in body || 'columns' in body) {
    return badFile(file, `${fileText(file)} is a table (${Object.keys(body).filter((k) => /^(dataframe_|columns)/.test(k)).join(', ')}), not tensors.`, 'Score it as a table (Predict → Score a file), or give tensors as {"inputs": {"name": [[…]]}}.');
  }
  if ('instances' in body) {
    const list = body.instances;
    if (Array.isArray(list)) return instances(list, file);
    if (isRecord(list)) return namedEntries(list, file);
    return badFile(file, `"instances" in ${fileText(file)} is neither a list of examples nor an object of named inputs.`, 'Write {"instances": [{"x": [...]}, ...]}.');
  }
  const wrapped = 'inputs' in body ? body.inputs : 'outputs' in body ? body.outputs : undefined;
  if (wrapped !== undefined) {
    if (isRecord(wrapped)) return namedEntries(wrapped, file);
    const found = loose(null, wrapped, file, 0);
    return found.ok ? ok([found.value]) : found;
  }
  return namedEntries(body, file);
}
