import { compareEnvironments, metadataRequirements, parseCondaYaml, parsePythonEnvYaml, parseRequirements, type DependencyRow, type EnvironmentSource, type Requirement } from './environment';
import { checkPackage, type Finding, type ModelInterface } from './findings';
import { baseName } from './file-kinds';
import { byteSize } from './limits';
import { parseMlflowSignature, type MlflowSignature } from './mlflow-signature';
import type { ModelPackage } from './model-package';

/** Everything the inspector shows beyond the model's own structure, worked out once per load. */
export interface PackageInspection {
  readonly findings: readonly Finding[];
  readonly dependencies: readonly DependencyRow[];
  readonly environmentFiles: readonly EnvironmentSource[];
  readonly signature: MlflowSignature | null;
  /** README.md / model_card.md, as plain text (never HTML). */
  readonly readme: { readonly path: string; readonly text: string } | null;
  /** Files whose contents could not be read (bad YAML …), with why. */
  readonly unreadable: readonly string[];
}

const decoder = new TextDecoder();

/** Environment files read at most (a requirements.txt is a few KB), and README text shown at most. */
const MAX_ENVIRONMENT_BYTES = 1024 ** 2;
const MAX_README_BYTES = 256 * 1024;

/** A README as plain text, cut (and said to be) when it is longer than anyone reads in a page. */
function readmeText(bytes: Uint8Array): string {
  if (bytes.length <= MAX_README_BYTES) return decoder.decode(bytes);
  return `${decoder.decode(bytes.subarray(0, MAX_README_BYTES))}\n\n… (${byteSize(bytes.length)} in all; the first ${byteSize(MAX_README_BYTES)} shown)`;
}

export function inspectPackage(pkg: ModelPackage, io: ModelInterface): PackageInspection {
  const unreadable: string[] = [];
  const text = (name: string): string | null => {
    const file = pkg.files.find((f) => baseName(f.path).toLowerCase() === name.toLowerCase());
    if (!file) return null;
    if (file.bytes.length <= MAX_ENVIRONMENT_BYTES) return decoder.decode(file.bytes);
    unreadable.push(`${name}: ${byteSize(file.bytes.length)}, more than the ${byteSize(MAX_ENVIRONMENT_BYTES)} an environment file is read`);
    return null;
  };
  const sources: Partial<Record<EnvironmentSource, Requirement[]>> = {};
  const readers: [EnvironmentSource, (t: string) => Requirement[]][] = [
    ['requirements.txt', parseRequirements],
    ['conda.yaml', parseCondaYaml],
    ['python_env.yaml', parsePythonEnvYaml],
  ];
  for (const [name, read] of readers) {
    const content = text(name);
    if (content === null) continue;
    try {
      sources[name] = read(content);
    } catch (thrown) {
      unreadable.push(`${name}: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
    }
  }
  const environmentFiles = Object.keys(sources) as EnvironmentSource[];
  if (pkg.metadata && (pkg.metadata.raw.dependencies || pkg.metadata.raw.python_version)) {
    sources['metadata.json'] = metadataRequirements(pkg.metadata.raw.dependencies, pkg.metadata.raw.python_version);
  }
  const dependencies = Object.keys(sources).length > 0 ? compareEnvironments(sources) : [];
  const findings: Finding[] = [...checkPackage(pkg, io)];
  const disagreements = dependencies.filter((d) => d.status === 'disagree');
  for (const d of disagreements) {
    findings.push({
      severity: 'warning',
      code: 'dependency-mismatch',
      message: `${d.name} is pinned differently: ${Object.entries(d.versions).map(([source, v]) => `${source} ${v ?? 'unpinned'}`).join(', ')}. A model pickled or exported under one version may not load under another.`,
    });
  }
  if (dependencies.length > 0 && disagreements.length === 0 && Object.keys(sources).length > 1) {
    findings.push({ severity: 'ok', code: 'dependency-mismatch', message: `No version conflicts between ${Object.keys(sources).join(', ')} (${dependencies.length} packages).` });
  }
  const readmeFile = pkg.files.find((f) => /^(readme|model_card)\.md$/i.test(baseName(f.path)));
  return {
    findings: [...findings].sort((a, b) => rank(a.severity) - rank(b.severity)),
    dependencies,
    environmentFiles,
    signature: pkg.mlmodel ? parseMlflowSignature(pkg.mlmodel.raw.signature) : null,
    readme: readmeFile ? { path: readmeFile.path, text: readmeText(readmeFile.bytes) } : null,
    unreadable,
  };
}

const rank = (s: Finding['severity']): number => (s === 'error' ? 0 : s === 'warning' ? 1 : 2);
