import { engineError, fail, ok, type EngineError, type Result } from '../protocol/engine-error';
import { baseName, extensionOf, isNotRunnableFile, notRunnableError, sniffFile } from './file-kinds';
import { parseJsonText } from './json-text';
import { parseMetadata, type ModelMetadata } from './metadata';
import { parseMlModel, type MlModel } from './mlmodel';
import { readZip, stripCommonFolder } from './zip';
import type { Finding } from './findings';

export interface PackageFile {
  /** Path relative to the package root, `/`-separated. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

export type FileRole =
  | 'model'
  | 'metadata'
  | 'mlmodel'
  | 'input-example'
  | 'serving-example'
  | 'evaluation-csv'
  | 'production-sample'
  | 'environment'
  | 'readme'
  | 'not-runnable'
  | 'other';

export interface PackageEntry {
  readonly path: string;
  readonly bytes: number;
  readonly role: FileRole;
}

/** Everything the user dropped, understood. */
export interface ModelPackage {
  readonly name: string;
  readonly model: { readonly path: string; readonly format: 'onnx' | 'ort'; readonly bytes: Uint8Array };
  readonly entries: readonly PackageEntry[];
  readonly metadata: ModelMetadata | null;
  readonly mlmodel: MlModel | null;
  /** Parsed input_example.json, shape-checked later against the model's inputs. */
  readonly inputExample: unknown;
  /** Files that may be ONNX external data, by path. */
  readonly otherFiles: readonly PackageFile[];
  /** Every file of the package (the model included), for the views that read them. */
  readonly files: readonly PackageFile[];
  /** Facts noticed while assembling (a declared model file that is absent, files left out). */
  readonly findings: readonly Finding[];
}

const ENVIRONMENT_FILES = new Set(['requirements.txt', 'conda.yaml', 'python_env.yaml']);

export function roleOf(path: string): FileRole {
  const name = baseName(path);
  const lower = name.toLowerCase();
  const ext = extensionOf(path);
  if (ext === 'onnx' || ext === 'ort') return 'model';
  if (lower === 'metadata.json') return 'metadata';
  if (name === 'MLmodel') return 'mlmodel';
  if (lower === 'input_example.json') return 'input-example';
  if (lower === 'serving_input_example.json') return 'serving-example';
  // Unlabelled rows "from production", for the drift check (the examples ship one); not an evaluation set.
  if (ext === 'csv' && /^production[_-]sample/.test(lower)) return 'production-sample';
  if (ext === 'csv') return 'evaluation-csv';
  if (ENVIRONMENT_FILES.has(lower)) return 'environment';
  if (lower === 'readme.md' || lower === 'model_card.md') return 'readme';
  if (isNotRunnableFile(path)) return 'not-runnable';
  return 'other';
}

const decoder = new TextDecoder();

function chooseModel(
  files: readonly PackageFile[],
  declared: { file: string; by: string } | undefined,
  packageName: string,
  findings: Finding[],
): Result<PackageFile> {
  if (declared) {
    const found = files.find((f) => f.path === declared.file.replace(/^\.\//, ''));
    if (found) return ok(found);
    const candidates = files.filter((f) => roleOf(f.path) === 'model');
    if (candidates.length !== 1) {
      return fail(engineError('no-model-in-package', `${declared.by} declares the model file “${declared.file}”, but no such file is in “${packageName}”.`, `Add ${declared.file} to the package, or correct the file name in ${declared.by}.`));
    }
    findings.push({ severity: 'error', code: 'declared-model-missing', message: `${declared.by} declares the model file “${declared.file}”, which is absent; opened the package's only model, “${candidates[0]!.path}”, instead.` });
    return ok(candidates[0]!);
  }
  const models = files.filter((f) => roleOf(f.path) === 'model');
  if (models.length === 1) return ok(models[0]!);
  if (models.length > 1) {
    return fail(
      engineError(
        'several-models',
        `“${packageName}” holds ${models.length} models (${models.map((m) => m.path).join(', ')}) and nothing says which one to open.`,
        'Add "model_file": "<name>.onnx" to metadata.json, or open one model file on its own.',
      ),
    );
  }
  const pickled = files.filter((f) => roleOf(f.path) === 'not-runnable');
  if (pickled.length > 0) {
    const reason: EngineError = notRunnableError(pickled[0]!.path);
    return fail({ ...reason, message: `“${packageName}” holds no ONNX model, only ${pickled.map((p) => p.path).join(', ')}. ${reason.message}` });
  }
  return fail(
    engineError(
      'no-model-in-package',
      `“${packageName}” holds no model file (.onnx or .ort); it has ${files.length} file(s): ${files.slice(0, 8).map((f) => f.path).join(', ')}.`,
      'Put the exported model.onnx into the folder or zip and open it again.',
    ),
  );
}

function parseJsonFile(file: PackageFile | undefined): Result<unknown> {
  if (!file) return ok(null);
  const parsed = parseJsonText(decoder.decode(file.bytes));
  if (parsed.ok) return ok(parsed.value);
  return fail(engineError('bad-input-example', `${file.path} is not valid JSON (${parsed.reason}).`, 'Fix or remove the example file; the model can still run on random inputs.'));
}

/** Builds a package from the files of a folder or an unpacked zip. */
export function assemblePackage(packageName: string, dropped: readonly PackageFile[], notes: readonly Finding[] = []): Result<ModelPackage> {
  const { files } = stripCommonFolder(dropped);
  const byName = (name: string): PackageFile | undefined => files.find((f) => f.path === name) ?? files.find((f) => baseName(f.path) === name);
  const findings: Finding[] = [...notes];

  const metadataFile = byName('metadata.json');
  let metadata: ModelMetadata | null = null;
  if (metadataFile) {
    const parsed = parseMetadata(decoder.decode(metadataFile.bytes));
    if (!parsed.ok) return parsed;
    metadata = parsed.value;
  }
  const mlmodelFile = byName('MLmodel');
  let mlmodel: MlModel | null = null;
  if (mlmodelFile) {
    const parsed = parseMlModel(decoder.decode(mlmodelFile.bytes));
    if (!parsed.ok) return parsed;
    mlmodel = parsed.value;
  }

  const declared = metadata?.modelFile
    ? { file: metadata.modelFile, by: 'metadata.json (model_file)' }
    : mlmodel?.onnxData
      ? { file: mlmodel.onnxData, by: 'MLmodel (flavors.onnx.data)' }
      : undefined;
  const model = chooseModel(files, declared, packageName, findings);
  if (!model.ok) return model;
  const sniffed = sniffFile(model.value.path, model.value.bytes);
  if ('error' in sniffed) return fail(sniffed.error);

  const example = parseJsonFile(byName(mlmodel?.inputExamplePath ?? 'input_example.json'));
  if (!example.ok) return example;

  return ok({
    name: metadata?.modelName ?? packageName,
    model: { path: model.value.path, format: sniffed.kind === 'ort' ? 'ort' : 'onnx', bytes: model.value.bytes },
    entries: files.map((f) => ({ path: f.path, bytes: f.bytes.length, role: roleOf(f.path) })),
    metadata,
    mlmodel,
    inputExample: example.value,
    otherFiles: files.filter((f) => roleOf(f.path) === 'other'),
    files,
    findings,
  });
}

/** Opens one dropped or fetched file: a bare model, or a zip package. */
export function openSingleFile(fileName: string, bytes: Uint8Array): Result<ModelPackage> {
  const sniffed = sniffFile(fileName, bytes);
  if ('error' in sniffed) return fail(sniffed.error);
  if (sniffed.kind === 'zip') {
    const files = readZip(fileName, bytes);
    if (!files.ok) return files;
    return assemblePackage(fileName.replace(/\.zip$/i, ''), files.value);
  }
  return ok({
    name: fileName,
    model: { path: fileName, format: sniffed.kind, bytes },
    entries: [{ path: fileName, bytes: bytes.length, role: 'model' }],
    metadata: null,
    mlmodel: null,
    inputExample: null,
    otherFiles: [],
    files: [{ path: fileName, bytes }],
    findings: [],
  });
}
