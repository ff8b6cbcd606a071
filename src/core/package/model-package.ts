import { engineError, fail, ok, type EngineError, type Result } from '../protocol/engine-error';
import { baseName, extensionOf, isNotRunnableFile, notRunnableError, sniffFile } from './file-kinds';
import { parseJsonText } from './json-text';
import { describeCut } from './json-budget';
import { byteSize, MAX_PACKAGE_BYTES, MAX_PACKAGE_FILES, tooLarge } from './limits';
import { parseMetadata, type ModelMetadata } from './metadata';
import { parseMlModel, type MlModel } from './mlmodel';
import { normaliseEntryPath } from './entry-path';
import { readZip, stripCommonFolder, type RefusedEntry, type UnzipOptions } from './zip';
import { bytesSource, type ByteSource } from './zip-directory';
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
  | 'test-data'
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
  // ONNX's layout for a model's own tests (Model Zoo, backend tests): test_data_set_N/input_K.pb, output_K.pb.
  if (/(^|\/)test_data_set_\d+\/(input|output)_\d+\.pb$/.test(path)) return 'test-data';
  if (ENVIRONMENT_FILES.has(lower)) return 'environment';
  if (lower === 'readme.md' || lower === 'model_card.md') return 'readme';
  if (isNotRunnableFile(path)) return 'not-runnable';
  return 'other';
}

const decoder = new TextDecoder();

/**
 * Text files read at most (metadata.json, input_example.json; MLmodel far less): past this, a
 * file is left out with a finding rather than parsed (a 62 MB metadata.json once crashed the tab).
 */
export const MAX_TEXT_FILE_BYTES = 100 * 1024 ** 2;
const MAX_MLMODEL_BYTES = 4 * 1024 ** 2;

/** The text of a package file within a budget, or the finding that says why it was left out. */
function readText(file: PackageFile, limit: number, findings: Finding[]): string | null {
  if (file.bytes.length <= limit) return decoder.decode(file.bytes);
  findings.push({ severity: 'warning', code: 'file-too-large', message: `${file.path} is ${byteSize(file.bytes.length)}, more than the ${byteSize(limit)} this page reads of such a file: it was left out, and the model opened without it.` });
  return null;
}

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

/** A broken description file is a finding, never a reason to refuse a model that is fine. */
function leftOut(error: EngineError, findings: Finding[]): null {
  findings.push({ severity: 'error', code: error.code, message: `${error.message.replace(/\.$/, '')}. It was left out: the model opened without it, and everything that does not need it works. ${error.hint}` });
  return null;
}

function readMetadata(file: PackageFile | undefined, findings: Finding[]): ModelMetadata | null {
  const text = file ? readText(file, MAX_TEXT_FILE_BYTES, findings) : null;
  if (text === null) return null;
  const parsed = parseMetadata(text);
  if (!parsed.ok) return leftOut(parsed.error, findings);
  for (const cut of parsed.value.cuts ?? []) {
    findings.push({ severity: 'warning', code: 'metadata-cut', message: `metadata.json: ${cut.path ? `“${cut.path}”` : 'the whole file'} is ${describeCut(cut.kind, cut.size, 100).replace(/, first .*$/, '')}, too big to keep: only its start is kept and shown, and the page does not use it.` });
  }
  return parsed.value;
}

function readMlModel(file: PackageFile | undefined, findings: Finding[]): MlModel | null {
  const text = file ? readText(file, MAX_MLMODEL_BYTES, findings) : null;
  if (text === null) return null;
  const parsed = parseMlModel(text);
  return parsed.ok ? parsed.value : leftOut(parsed.error, findings);
}

function readExample(file: PackageFile | undefined, findings: Finding[]): unknown {
  const text = file ? readText(file, MAX_TEXT_FILE_BYTES, findings) : null;
  if (text === null) return null;
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  return leftOut(engineError('bad-input-example', `${file!.path} is not valid JSON (${parsed.reason}).`, 'Fix or remove the example file; the model runs on random inputs meanwhile.'), findings);
}

/** Package paths made safe: climbing out (`../x.onnx`) or absolute names are left out, with a finding each. */
function safePaths(dropped: readonly PackageFile[], findings: Finding[]): PackageFile[] {
  const refused: RefusedEntry[] = [];
  const seen = new Set<string>();
  const files: PackageFile[] = [];
  for (const f of dropped) {
    const path = normaliseEntryPath(f.path);
    if (!path.ok) refused.push({ name: f.path, reason: path.reason });
    else if (seen.has(path.path)) refused.push({ name: f.path, reason: `a second file named “${path.path}”` });
    else {
      seen.add(path.path);
      files.push(path.path === f.path ? f : { path: path.path, bytes: f.bytes });
    }
  }
  findings.push(...refusedFindings(refused));
  return files;
}

export function refusedFindings(refused: readonly RefusedEntry[]): Finding[] {
  return refused.map((r) => ({ severity: 'warning', code: 'entry-refused', message: `“${r.name}” was left out: ${r.reason}. Nothing outside the package is ever read or written.` }));
}

/** Builds a package from the files of a folder or an unpacked zip. */
export function assemblePackage(packageName: string, dropped: readonly PackageFile[], notes: readonly Finding[] = []): Result<ModelPackage> {
  const findings: Finding[] = [...notes];
  const { files } = stripCommonFolder(safePaths(dropped, findings));
  const byPath = new Map(files.map((f) => [f.path, f]));
  const byBase = new Map<string, PackageFile>();
  for (const f of files) if (!byBase.has(baseName(f.path))) byBase.set(baseName(f.path), f);
  const byName = (name: string): PackageFile | undefined => byPath.get(name) ?? byBase.get(name);

  const metadata = readMetadata(byName('metadata.json'), findings);
  const mlmodel = readMlModel(byName('MLmodel'), findings);

  const declared = metadata?.modelFile
    ? { file: metadata.modelFile, by: 'metadata.json (model_file)' }
    : mlmodel?.onnxData
      ? { file: mlmodel.onnxData, by: 'MLmodel (flavors.onnx.data)' }
      : undefined;
  const model = chooseModel(files, declared, packageName, findings);
  if (!model.ok) return model;
  const sniffed = sniffFile(model.value.path, model.value.bytes);
  if ('error' in sniffed) return fail(sniffed.error);

  const example = readExample(byName(mlmodel?.inputExamplePath ?? 'input_example.json'), findings);

  return ok({
    name: metadata?.modelName ?? packageName,
    model: { path: model.value.path, format: sniffed.kind === 'ort' ? 'ort' : 'onnx', bytes: model.value.bytes },
    entries: files.map((f) => ({ path: f.path, bytes: f.bytes.length, role: roleOf(f.path) })),
    metadata,
    mlmodel,
    inputExample: example,
    otherFiles: files.filter((f) => roleOf(f.path) === 'other'),
    files,
    findings,
  });
}

/** Opens one dropped or fetched file: a bare model, or a zip package (unzipped streaming, within the limits). */
export async function openSingleFile(fileName: string, data: Uint8Array | ByteSource, options: UnzipOptions = {}): Promise<Result<ModelPackage>> {
  const source = data instanceof Uint8Array ? bytesSource(data) : data;
  const head = await source.read(0, Math.min(source.size, 512));
  const sniffed = sniffFile(fileName, head);
  if ('error' in sniffed) return fail(sniffed.error);
  if (sniffed.kind === 'zip') {
    const unzipped = await readZip(fileName, source, options);
    if (!unzipped.ok) return unzipped;
    return assemblePackage(fileName.replace(/\.zip$/i, ''), unzipped.value.files, refusedFindings(unzipped.value.refused));
  }
  if (sniffed.kind === 'tar') {
    // A tar is read whole (it has no directory to check first): refuse one that could not fit before reading it.
    if (source.size > MAX_PACKAGE_BYTES) return tooLarge(fileName, source.size);
    // Loaded when a tar arrives (in the package worker), not with every page that reads a bare model.
    const { readTarArchive } = await import('../tensors/tar-archive');
    const unpacked = await readTarArchive(fileName, await source.read(0, source.size), { maxArchiveBytes: MAX_PACKAGE_BYTES, maxArchiveEntries: MAX_PACKAGE_FILES });
    if (!unpacked.ok) return unpacked;
    return assemblePackage(fileName.replace(/\.(tar\.gz|tgz|tar)$/i, ''), unpacked.value);
  }
  const bytes = data instanceof Uint8Array ? data : await source.read(0, source.size);
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
