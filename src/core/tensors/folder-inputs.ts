/** Which files of a dropped folder are input values, and what was left out (said on screen). */
export interface FolderInputs {
  readonly paths: readonly string[];
  readonly note: string | null;
}

const SET = /(?:^|\/)test_data_set_(\d+)\//;
const TENSOR_FILE = /\.(json|npy|npz|pb)$/i;
const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/**
 * The input files of a folder: a test_data_set_N folder's input_K.pb files (the first set when a
 * model folder holds several), else every .json/.npy/.npz/.pb file in it. Models, hidden files
 * and expected outputs (output_K.pb) are not inputs.
 */
export function folderInputs(paths: readonly string[]): FolderInputs {
  const candidates = paths.filter((p) => TENSOR_FILE.test(p) && !baseName(p).startsWith('.') && !/^output_\d+\.pb$/.test(baseName(p)));
  const sets = [...new Set(candidates.map((p) => SET.exec(p)?.[1]).filter((n): n is string => n !== undefined).map(Number))].sort((a, b) => a - b);
  if (sets.length === 0) return { paths: candidates, note: null };
  const first = sets[0]!;
  const chosen = candidates.filter((p) => Number(SET.exec(p)?.[1]) === first);
  const note = sets.length > 1 ? `The folder holds ${sets.length} data sets; the inputs of test_data_set_${first} were read.` : null;
  return { paths: chosen, note };
}
