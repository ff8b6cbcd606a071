import { ok, type Result } from '../protocol/engine-error';
import { baseName, dataFileIndex } from './test-data-layout';
import type { TensorSpec } from '../protocol/tensor';
import type { HostTensor } from '../schema/host-tensor';
import { conformTensor, type BoundDims } from './conform';
import type { FoundTensor } from './found-tensor';
import { decodeJsonTensors } from './json-tensors';
import { TENSOR_LIMITS } from './limits';
import { decodeNpy, isNpy } from './npy';
import { decodeNpz } from './npz';
import { isGzip, isZip } from './file-magic';
import { decodeTensorProto } from './tensor-proto';
import { badFile, mismatch, shapeText } from './tensor-error';
import { summarizeTensor, type TensorSet, type TensorSummary } from './tensor-summary';

/** A file the user gave as input values. */
export interface TensorFile {
  /** Its name, or its path inside a dropped folder (`/`-separated). */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** The model input it is for, when the user said so (`--input NAME=FILE`, a drop on one input). */
  readonly input?: string;
}

export interface ReadTensorOptions {
  /** Allow inputs without a value (the UI fills inputs one file at a time). Default: every input needs one. */
  readonly partial?: boolean;
  /** A file given for one input (`TensorFile.input`) replaces that input's value from the other files, instead of clashing with it (the UI's drop on one input). Default: a clash is an error. */
  readonly givenWins?: boolean;
}

/** The model's inputs, read from files and checked against the model: nothing is run before this succeeds. */
export interface TensorReading {
  /** In the model's input order. */
  readonly tensors: TensorSet;
  /** Sizes of the symbolic dimensions, as the data gives them. */
  readonly dims: Readonly<Record<string, number>>;
  readonly summary: readonly TensorSummary[];
  /** What was inferred or converted, in words (a batch of 1 added, int64 read as float32…). */
  readonly notes: readonly string[];
}

const stem = (path: string): string => baseName(path).replace(/\.[^.]*$/, '');
const extension = (path: string): string => (/\.([^./]+)$/.exec(path)?.[1] ?? '').toLowerCase();

function looksLikeJson(bytes: Uint8Array): boolean {
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x7b || b === 0x5b; // { or [
  }
  return false;
}

/** Every tensor one file holds, named when the file names them. */
export async function decodeTensorFile(file: TensorFile): Promise<Result<FoundTensor[]>> {
  const ext = extension(file.path);
  const name = baseName(file.path);
  if (file.bytes.length === 0) return badFile(name, `“${name}” is empty.`, 'Give a .json, .npy, .npz or .pb file with values in it.');
  if (ext === 'npy' || isNpy(file.bytes)) {
    const t = decodeNpy(file.bytes, name);
    return t.ok ? ok([{ kind: 'typed', format: 'npy', name: null, source: name, position: 0, tensor: t.value }]) : t;
  }
  if (ext === 'npz' || isZip(file.bytes)) return decodeNpz(file.bytes, name);
  if (ext === 'json' || looksLikeJson(file.bytes)) return decodeJsonTensors(new TextDecoder('utf-8').decode(file.bytes), name);
  if (isGzip(file.bytes) || ext === 'tar') return badFile(name, `“${name}” is an archive, not a tensor file.`, 'Open it as the model (a Model Zoo .tar.gz with its test_data_set folders), or unpack it and give its input files.');
  if (['csv', 'tsv', 'txt'].includes(ext)) return badFile(name, `“${name}” is a table, not a tensor file.`, 'Score it as a table (Predict → Score a file), or give tensors as .json, .npy, .npz or .pb.');
  const t = decodeTensorProto(file.bytes, file.path);
  if (!t.ok) {
    if (ext === 'pb') return t;
    return badFile(name, `“${name}” is not a tensor file this app reads (.json, .npy, .npz, or an ONNX TensorProto .pb).`, 'Save the values with numpy.save (.npy), numpy.savez (.npz) or as JSON {"inputs": {"name": [[…]]}}.');
  }
  const position = dataFileIndex(file.path, 'input') ?? dataFileIndex(file.path, 'output') ?? 0;
  return ok([{ kind: 'typed', format: 'pb', name: t.value.name, source: file.path, position, tensor: t.value.tensor }]);
}

interface Assignment {
  readonly found: FoundTensor;
  readonly how: 'named' | 'file' | 'file-name' | 'position' | 'only';
}

/** The input a single-tensor file is for, from its file name: `input_ids.npy`, `request-input_ids.npy`. */
function inputOfFileName(path: string, inputs: readonly TensorSpec[]): TensorSpec | null {
  const s = stem(path);
  const exact = inputs.find((i) => i.name === s);
  if (exact) return exact;
  const suffixed = inputs.filter((i) => s.endsWith(i.name) && /[-_. ]$/.test(s.slice(0, s.length - i.name.length)));
  // The longest name wins: `attention_mask` over `mask`.
  return suffixed.sort((a, b) => b.name.length - a.name.length)[0] ?? null;
}

/**
 * The inputs no file named, filled from the unnamed tensors: those of one file (an .npz's arr_K)
 * in order; separate files carry no order, so several are refused. Every input must then have a
 * value, unless `partial`.
 */
function fillOpenInputs(chosen: Map<string, Assignment>, inputs: readonly TensorSpec[], positional: FoundTensor[], unplacedFiles: number, partial: boolean): Result<Map<string, Assignment>> {
  const open = inputs.filter((i) => !chosen.has(i.name));
  // Unnamed tensors of one file (an .npz's arr_K) fill the remaining inputs in order; separate files carry no order.
  positional.sort((a, b) => a.position - b.position);
  if (positional.length > open.length) {
    return mismatch(`${positional.length} unnamed tensors (${positional.map((p) => p.source).join(', ')}) were given for ${open.length === 0 ? 'no remaining input' : `${open.length} remaining input${open.length === 1 ? '' : 's'} (${open.map((i) => `“${i.name}”`).join(', ')})`}.`, 'Name each file after its input (input_ids.npy), or give NAME=FILE.', { file: positional[0]!.source });
  }
  const unsaid = (what: string, verb: string): Result<never> =>
    mismatch(`${what} ${verb} not say which of ${open.map((i) => `“${i.name}”`).join(', ')} ${verb === 'does' ? 'it is' : 'they are'} for.`, 'Name each file after its input (input_ids.npy), or give NAME=FILE.', { file: positional[0]!.source });
  if (unplacedFiles > 1) return unsaid(positional.map((p) => p.source).join(', '), 'do');
  // A single array is taken only for the single input still open (partial or not).
  if (positional.length === 1 && open.length > 1) return unsaid(positional[0]!.source, 'does');
  if (positional.length > 0 && positional.length < open.length && !partial) return unsaid(`${positional.length} unnamed tensors`, 'do');
  positional.forEach((f, k) => chosen.set(open[k]!.name, { found: f, how: 'position' }));
  const missing = inputs.filter((i) => !chosen.has(i.name));
  if (missing.length > 0 && !partial) {
    const m = missing[0]!;
    const given = [...chosen.keys()];
    return mismatch(
      `No value was given for ${missing.map((i) => `“${i.name}” (${i.dtype} ${shapeText(i.shape)})`).join(', ')}${given.length > 0 ? `; the files give ${given.map((g) => `“${g}”`).join(', ')}` : ''}.`,
      'Give every input: one file per input (named after it), or one .npz/.json naming them all.',
      { input: m.name, expected: `${m.dtype} ${shapeText(m.shape)}` },
    );
  }
  return ok(chosen);
}

function assign(files: readonly { file: TensorFile; found: FoundTensor[] }[], inputs: readonly TensorSpec[], { partial = false, givenWins = false }: ReadTensorOptions): Result<Map<string, Assignment>> {
  const chosen = new Map<string, Assignment>();
  const inputNames = new Set(inputs.map((i) => i.name));
  const given = new Set(givenWins ? files.flatMap(({ file }) => (file.input !== undefined ? [file.input] : [])) : []);
  const put = (input: string, a: Assignment): Result<true> => {
    // A value the user gave for this input by name wins over one a whole-set file holds.
    if (given.has(input) && a.how !== 'file') return ok(true);
    const before = chosen.get(input);
    if (before) return mismatch(`Two values were given for “${input}”: ${before.found.source} and ${a.found.source}.`, 'Give each input once.', { input });
    chosen.set(input, a);
    return ok(true);
  };
  // input_K.pb: K is the graph input's index (ONNX's test-data convention).
  const indexed: { found: FoundTensor; index: number }[] = [];
  // Unnamed tensors without an index (bare .npy and JSON arrays, .npz arr_K), with the file each came from.
  const positional: FoundTensor[] = [];
  const unplacedFiles = new Set<TensorFile>();
  const extras: FoundTensor[] = [];
  for (const { file, found } of files) {
    if (file.input !== undefined) {
      if (!inputNames.has(file.input)) return mismatch(`The model has no input “${file.input}” (it has ${inputs.map((i) => `“${i.name}”`).join(', ')}).`, 'Check the input name before “=”.', { input: file.input, file: file.path });
      const pick = found.length === 1 ? found[0] : found.find((f) => f.name === file.input);
      if (!pick) return mismatch(`“${baseName(file.path)}” holds ${found.length} tensors (${found.map((f) => f.name ?? '?').join(', ')}) and none is named “${file.input}”.`, 'Give a file with that one tensor, or one whose entries are named after the inputs.', { input: file.input, file: file.path });
      const put1 = put(file.input, { found: pick, how: 'file' });
      if (!put1.ok) return put1;
      continue;
    }
    for (const f of found) {
      if (f.name !== null && inputNames.has(f.name)) {
        const put1 = put(f.name, { found: f, how: 'named' });
        if (!put1.ok) return put1;
      } else if (f.name !== null && f.format !== 'pb') extras.push(f);
      else if (found.length === 1 && dataFileIndex(file.path, 'input') === null && inputOfFileName(file.path, inputs)) {
        const put1 = put(inputOfFileName(file.path, inputs)!.name, { found: f, how: 'file-name' });
        if (!put1.ok) return put1;
      } else if (f.format === 'pb' && dataFileIndex(file.path, 'input') !== null) indexed.push({ found: f, index: dataFileIndex(file.path, 'input')! });
      else {
        positional.push(f);
        unplacedFiles.add(file);
      }
    }
  }
  // One tensor for a one-input model is that input whatever its name (one model's output feeding the next).
  if (inputs.length === 1 && !chosen.has(inputs[0]!.name) && extras.length + positional.length + indexed.length === 1) {
    chosen.set(inputs[0]!.name, { found: (extras[0] ?? positional[0] ?? indexed[0]!.found)!, how: 'only' });
    return ok(chosen);
  }
  if (extras.length > 0) {
    const list = extras.map((e) => `“${e.name}” (${e.source})`).join(', ');
    return mismatch(`${list} ${extras.length === 1 ? 'is not an input' : 'are not inputs'} of this model; its inputs are ${inputs.map((i) => `“${i.name}”`).join(', ')}.`, 'Name the values after the model’s inputs, or give one file per input as NAME=FILE.', { input: extras[0]!.name ?? undefined, file: extras[0]!.source });
  }
  for (const { found, index } of indexed) {
    const input = inputs[index];
    if (!input) {
      return mismatch(`${found.source} is for input ${index} (input_K.pb holds the model’s input K, counted from 0), but the model has ${inputs.length} input${inputs.length === 1 ? '' : 's'}: ${inputs.map((i) => `“${i.name}”`).join(', ')}.`, 'Number the files input_0.pb, input_1.pb… in the order of the model’s inputs, or give NAME=FILE.', { file: found.source });
    }
    const put1 = put(input.name, { found, how: 'position' });
    if (!put1.ok) return put1;
  }
  return fillOpenInputs(chosen, inputs, positional, unplacedFiles.size, partial);
}

/**
 * Matches tensors to the model's inputs — by name (the tensor's, else the file's), else by
 * index (input_K.pb) or order within one file — then reads each as its input's dtype and shape, with symbolic sizes taken from
 * the data. Every disagreement is an error naming the input; nothing partial is returned.
 */
export function matchTensors(files: readonly { file: TensorFile; found: FoundTensor[] }[], inputs: readonly TensorSpec[], options: ReadTensorOptions = {}): Result<TensorReading> {
  const assigned = assign(files, inputs, options);
  if (!assigned.ok) return assigned;
  const bound: BoundDims = new Map();
  const tensors: Record<string, HostTensor> = {};
  const summary: TensorSummary[] = [];
  const notes: string[] = [];
  for (const spec of inputs) {
    const a = assigned.value.get(spec.name);
    if (!a) continue;
    const conformed = conformTensor(spec, a.found, bound);
    if (!conformed.ok) return conformed;
    tensors[spec.name] = conformed.value.tensor;
    summary.push(summarizeTensor(spec.name, conformed.value.tensor, a.found.source));
    if (a.how === 'position' || a.how === 'only') {
      if (a.found.name !== null && a.found.name !== spec.name) notes.push(`“${spec.name}” was read from ${a.found.source}, named “${a.found.name}”.`);
      else if (inputs.length > 1) notes.push(`“${spec.name}” was read from ${a.found.source} by its position.`);
    }
    notes.push(...conformed.value.notes);
  }
  const dims = Object.fromEntries([...bound].map(([name, b]) => [name, b.size]));
  return ok({ tensors, dims, summary, notes });
}

/** Reads the model's inputs from the files the user gave (JSON, .npy, .npz, .pb, a folder of them). */
export async function readTensorFiles(files: readonly TensorFile[], inputs: readonly TensorSpec[], options: ReadTensorOptions = {}): Promise<Result<TensorReading>> {
  // In a test_data_set folder, output_K.pb are expected outputs, not inputs.
  const used = files.filter((f) => dataFileIndex(f.path, 'output') === null);
  if (used.length === 0 && inputs.length === 0) return ok({ tensors: {}, dims: {}, summary: [], notes: [] });
  if (used.length === 0) return badFile(files[0]?.path ?? '(none)', 'No input files were given.', 'Give a .json, .npy, .npz or .pb file, or a folder of input_K.pb files.');
  const decoded: { file: TensorFile; found: FoundTensor[] }[] = [];
  let count = 0;
  for (const file of used) {
    const found = await decodeTensorFile(file);
    if (!found.ok) return found;
    count += found.value.length;
    if (count > TENSOR_LIMITS.maxTensors) return badFile(file.path, `The files hold more than ${TENSOR_LIMITS.maxTensors} tensors.`, 'Give the model’s inputs only.');
    decoded.push({ file, found: found.value });
  }
  return matchTensors(decoded, inputs, options);
}
