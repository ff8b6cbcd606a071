// Where a package's test data sets are, from file names alone: light enough for the page's first load
// (the readers that decode them live in read-tensor-files and test-data-set).
import type { PackageFile } from '../package/model-package';

/** The file name of a package path. */
export const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** `input_3.pb` → 3 (the ONNX test-data convention); null otherwise. */
export const dataFileIndex = (path: string, prefix: 'input' | 'output'): number | null => {
  const m = new RegExp(`^${prefix}_(\\d+)\\.pb$`).exec(baseName(path));
  return m ? Number(m[1]) : null;
};

/**
 * A model with its own tests, as the ONNX Model Zoo and ONNX's backend tests lay them out:
 * `model.onnx` beside `test_data_set_0/`, `test_data_set_1/`…, each holding `input_K.pb` and
 * `output_K.pb` (K = the position of the graph input or output).
 */
export interface TestDataSetFiles {
  /** `test_data_set_0` */
  readonly name: string;
  readonly inputs: readonly PackageFile[];
  readonly outputs: readonly PackageFile[];
}

export interface ModelWithTests {
  readonly model: PackageFile;
  /** The folder holding the model and its data sets ('' = the top). */
  readonly root: string;
  readonly sets: readonly TestDataSetFiles[];
}

const SET = /(?:^|\/)(test_data_set_(\d+))\/([^/]+)$/;
const folderOf = (path: string): string => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '');

/** Finds the model and its test_data_set folders among a package's files; null when there are none. */
export function findTestDataSets(files: readonly PackageFile[]): ModelWithTests | null {
  const sets = new Map<string, { name: string; index: number; root: string; inputs: PackageFile[]; outputs: PackageFile[] }>();
  for (const f of files) {
    const m = SET.exec(f.path);
    if (!m) continue;
    const root = f.path.slice(0, m.index + (f.path[m.index] === '/' ? 1 : 0));
    const key = `${root}${m[1]}`;
    const set = sets.get(key) ?? { name: m[1]!, index: Number(m[2]), root, inputs: [], outputs: [] };
    sets.set(key, set);
    if (dataFileIndex(f.path, 'input') !== null) set.inputs.push(f);
    else if (dataFileIndex(f.path, 'output') !== null) set.outputs.push(f);
  }
  if (sets.size === 0) return null;
  const models = files.filter((f) => /\.onnx$/i.test(f.path));
  const roots = [...new Set([...sets.values()].map((s) => s.root))];
  // The model beside the data sets; with several, the one named model.onnx.
  const beside = models.filter((m) => roots.includes(folderOf(m.path)));
  const model = beside.find((m) => /(^|\/)model\.onnx$/i.test(m.path)) ?? (beside.length === 1 ? beside[0] : undefined);
  if (!model) return null;
  const root = folderOf(model.path);
  const byIndex = (prefix: 'input' | 'output') => (a: PackageFile, b: PackageFile): number => dataFileIndex(a.path, prefix)! - dataFileIndex(b.path, prefix)!;
  const own = [...sets.values()].filter((s) => s.root === root).sort((a, b) => a.index - b.index);
  return {
    model,
    root,
    sets: own.map((s) => ({ name: s.name, inputs: [...s.inputs].sort(byIndex('input')), outputs: [...s.outputs].sort(byIndex('output')) })),
  };
}
