// What `predict --input` was given, checked on disk and sorted into the app's two ways in:
// a table for "Score a file", or tensor files for the Predict tab's "From files" drops.
import { existsSync, statSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { BenchError } from './bench.mjs';
/** @import { PredictInput } from './command-types' */

/**
 * Tensor files: one set (files or a folder) for the set drop, then NAME=FILE files for the
 * drops of single inputs.
 * @typedef {{ readonly set: { readonly files: readonly string[] } | { readonly folder: string } | null, readonly named: readonly PredictInput[] }} TensorPlan
 */
/**
 * A CSV table; a lone JSON body (a table for a model with named features, else tensors: the
 * page decides); or tensor files.
 * @typedef {{ readonly kind: 'table' | 'json', readonly path: string } | ({ readonly kind: 'tensors' } & TensorPlan)} InputPlan
 */

const TENSOR_FILES = ['.json', '.npy', '.npz', '.pb'];

/** @param {PredictInput} input */
function checked(input) {
  const full = resolve(input.path);
  const what = input.name === null ? input.path : `${input.name}=${input.path}`;
  if (!existsSync(full)) throw new BenchError(`No such input file or folder: ${input.path} (--input ${what}).`, 'Give an existing .csv, .json, .npy, .npz or .pb file, a test_data_set folder, or NAME=FILE.');
  const folder = statSync(full).isDirectory();
  const ext = extname(full).toLowerCase();
  if (folder && input.name !== null) throw new BenchError(`--input ${what} gives a folder for one input.`, 'Give a file for one input (NAME=FILE), or the folder alone (--input DIR) for every input.');
  if (!folder && ext === '.csv' && input.name !== null) throw new BenchError(`--input ${what}: a CSV is a table of rows, not one input’s values.`, 'Give the CSV alone (--input rows.csv), or the input’s values as .npy, .json or .pb.');
  if (!folder && ext !== '.csv' && !TENSOR_FILES.includes(ext)) {
    throw new BenchError(`${basename(full)} is not a .csv, .json, .npy, .npz or .pb file.`, 'predict takes a CSV with a header row, a JSON body (MLflow or this app’s outputs), NumPy .npy/.npz, ONNX TensorProto .pb files, or a test_data_set folder.');
  }
  return { name: input.name, path: full, folder, ext };
}

/**
 * @param {readonly PredictInput[]} inputs
 * @returns {InputPlan}
 */
export function planInputs(inputs) {
  const all = inputs.map(checked);
  const unnamed = all.filter((i) => i.name === null);
  const named = all.filter((i) => i.name !== null).map((i) => ({ name: i.name, path: i.path }));
  const [first] = all;
  if (first && all.length === 1 && first.name === null && !first.folder && (first.ext === '.csv' || first.ext === '.json')) return { kind: first.ext === '.csv' ? 'table' : 'json', path: first.path };
  if (unnamed.some((i) => i.ext === '.csv')) throw new BenchError('A CSV is scored on its own: it cannot be combined with other --input files.', 'Give the CSV alone, or the inputs as tensor files.');
  const folder = unnamed.find((i) => i.folder);
  if (folder && unnamed.length > 1) throw new BenchError(`The folder ${folder.path} holds the whole set: give it alone, not with other files for all inputs.`, 'NAME=FILE may still replace single inputs of the folder’s set.');
  const names = named.map((n) => n.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new BenchError(`--input ${twice}=… is given twice.`, 'Give each input once.');
  const set = folder ? { folder: folder.path } : unnamed.length > 0 ? { files: unnamed.map((i) => i.path) } : null;
  return { kind: 'tensors', set, named };
}
