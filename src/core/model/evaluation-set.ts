import { roleOf, type ModelPackage, type PackageFile } from '../package/model-package';

/**
 * The package's evaluation data set, by one rule for every feature (Predict's metrics
 * check, Drift's reference, Compare's shared scoring set): a file named `test.csv`
 * anywhere in the package, else the first CSV in package order; null when there is none.
 */
export function evaluationSetOf(pkg: Pick<ModelPackage, 'files'>): PackageFile | null {
  const csvs = pkg.files.filter((f) => roleOf(f.path) === 'evaluation-csv');
  return csvs.find((f) => /(^|\/)test\.csv$/i.test(f.path)) ?? csvs[0] ?? null;
}

/** The file's own name, without its folders (“test.csv”). */
export function fileNameOf(file: Pick<PackageFile, 'path'>): string {
  return file.path.split('/').pop() ?? file.path;
}
