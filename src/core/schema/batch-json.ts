import { engineError, fail, ok, type Result } from '../protocol/engine-error';
import { MAX_JSON_DEPTH, parseJsonText } from '../package/json-text';
import { flattenNested } from './input-example';
import type { Signature } from './signature';

/** A batch as a table: a header and rows of raw cells. */
export interface BatchTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
  /** Which MLflow form the file used, for the user. */
  readonly form: 'dataframe_split' | 'dataframe_records' | 'instances' | 'inputs' | 'csv';
}

type Nested = Parameters<typeof flattenNested>[0];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const HINT =
  'Use one of MLflow’s request forms: {"dataframe_split": {"columns": [...], "data": [[...]]}}, {"dataframe_records": [{...}]}, {"instances": [...]} or {"inputs": {...}}, or a CSV file with a header row.';

function bad(message: string): Result<never> {
  return fail(engineError('bad-input', message, HINT));
}

function fromRecords(records: readonly unknown[], form: BatchTable['form']): Result<BatchTable> {
  if (!records.every(isRecord)) return bad(`“${form}” must be a list of objects, one per row ({"column": value, …}).`);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of records as Record<string, unknown>[]) {
    for (const key of Object.keys(r)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  return ok({ columns, rows: (records as Record<string, unknown>[]).map((r) => columns.map((c) => r[c] ?? null)), form });
}

/** Rows given as arrays: each one a whole row of the model's single input (flattened), or one value per feature. */
function fromArrays(rows: readonly unknown[], signature: Signature, form: BatchTable['form']): Result<BatchTable> {
  const columns = signature.features.map((f) => f.name);
  if (columns.length === 0) return bad(`This model takes tensors without named features, so a batch in the “${form}” form cannot be matched to columns.`);
  const out: unknown[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const flat = flattenNested(rows[r] as Nested);
    if (!flat || flat.values.length !== columns.length) {
      return bad(`Row ${r + 1} of “${form}” holds ${flat ? flat.values.length : 'a ragged list of'} values, but the model has ${columns.length} features (${columns.slice(0, 6).join(', ')}${columns.length > 6 ? ', …' : ''}).`);
    }
    out.push(flat.values);
  }
  return ok({ columns, rows: out, form });
}

/** Columns given as `{name: [values…]}`; or, for a single-input model, `{input: [[row], …]}`. */
function fromColumns(body: Record<string, unknown>, signature: Signature): Result<BatchTable> {
  const layout = signature.layout;
  if (layout.kind === 'one-input' && layout.input in body && !signature.features.some((f) => f.name === layout.input)) {
    const value = body[layout.input];
    if (!Array.isArray(value)) return bad(`“inputs.${layout.input}” must be a list of rows.`);
    return fromArrays(value, signature, 'inputs');
  }
  const columns = Object.keys(body);
  const lists = columns.map((c) => body[c]);
  if (!lists.every(Array.isArray)) return bad('Each entry of “inputs” must be a list of values, one per row ({"column": [v1, v2, …]}).');
  const n = (lists[0] as unknown[] | undefined)?.length ?? 0;
  if (lists.some((l) => (l as unknown[]).length !== n)) return bad('The lists in “inputs” have different lengths; each column needs one value per row.');
  const rows = Array.from({ length: n }, (_, r) => lists.map((l) => {
    const v = (l as unknown[])[r];
    // A per-column input written as [[v]] is still one value.
    return Array.isArray(v) && v.length === 1 ? v[0] : v;
  }));
  return ok({ columns, rows, form: 'inputs' });
}

/** Reads a JSON batch in any of MLflow's `/invocations` forms (or a bare list of records). */
export function tableFromJson(doc: unknown, signature: Signature): Result<BatchTable> {
  const split = isRecord(doc) && isRecord(doc.dataframe_split) ? doc.dataframe_split : isRecord(doc) && Array.isArray(doc.columns) && Array.isArray(doc.data) ? doc : null;
  if (split) {
    if (!Array.isArray(split.columns) || !Array.isArray(split.data)) return bad('“dataframe_split” needs "columns" (a list of names) and "data" (a list of rows).');
    const columns = split.columns.map(String);
    const rows = split.data as unknown[];
    const ragged = rows.findIndex((r) => !Array.isArray(r) || r.length !== columns.length);
    if (ragged >= 0) return bad(`Row ${ragged + 1} of “dataframe_split.data” does not have ${columns.length} values, one per column.`);
    return ok({ columns, rows: rows as unknown[][], form: 'dataframe_split' });
  }
  if (isRecord(doc) && Array.isArray(doc.dataframe_records)) return fromRecords(doc.dataframe_records, 'dataframe_records');
  if (isRecord(doc) && 'instances' in doc) {
    const instances = doc.instances;
    if (!Array.isArray(instances)) return bad('“instances” must be a list, one entry per row.');
    return instances.length > 0 && isRecord(instances[0]) ? fromRecords(instances, 'instances') : fromArrays(instances, signature, 'instances');
  }
  if (isRecord(doc) && 'inputs' in doc) {
    const inputs = doc.inputs;
    if (isRecord(inputs)) return fromColumns(inputs, signature);
    if (Array.isArray(inputs)) return inputs.length > 0 && isRecord(inputs[0]) ? fromRecords(inputs, 'inputs') : fromArrays(inputs, signature, 'inputs');
    return bad('“inputs” must be an object ({"column": [values]}) or a list of rows.');
  }
  if (Array.isArray(doc)) return doc.length > 0 && isRecord(doc[0]) ? fromRecords(doc, 'dataframe_records') : fromArrays(doc, signature, 'instances');
  return bad('The JSON file is not a batch this page can read.');
}

/**
 * Parses a JSON batch file, its nesting bounded (a 100,000-level body once hung the page):
 * every failure says where, in the file's own terms.
 */
export function parseBatchJson(fileName: string, text: string): Result<unknown> {
  const parsed = parseJsonText(text);
  if (parsed.ok) return ok(parsed.value);
  return fail(
    engineError(
      'bad-input',
      `${fileName} is not valid JSON (${parsed.reason}).`,
      parsed.tooDeep
        ? `A batch is a table: rows of values, at most a few levels deep (an image batch is about 6). Nothing in a request needs ${MAX_JSON_DEPTH} levels; check how the file was made.`
        : 'Fix the file, or save the batch as CSV with a header row.',
    ),
  );
}

