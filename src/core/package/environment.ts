import { parse } from 'yaml';

/** A pinned or constrained requirement, as pip, conda or MLflow's python_env write it. */
export interface Requirement {
  readonly name: string;
  /** `==1.4.0` → `1.4.0`; other specifiers (`>=1.2`, `<=23`) are kept whole. */
  readonly version: string | null;
}

export type EnvironmentSource = 'metadata.json' | 'requirements.txt' | 'conda.yaml' | 'python_env.yaml';

export interface DependencyRow {
  readonly name: string;
  /** Version by the file that states it; absent when the file does not mention the package. */
  readonly versions: Partial<Record<EnvironmentSource, string | null>>;
  /** `agree`: every file that pins it pins the same version; `disagree`: two pins differ; `partial`: only some files list it. */
  readonly status: 'agree' | 'disagree' | 'partial';
}

const ALIASES: Readonly<Record<string, string>> = { sklearn: 'scikit-learn', 'onnx-runtime': 'onnxruntime', pytorch: 'torch' };

/** pip names are case-insensitive and treat `-`, `_` and `.` alike. */
export function normalizePackageName(name: string): string {
  const n = name.trim().toLowerCase().replace(/[-_.]+/g, '-');
  return ALIASES[n] ?? n;
}

export function parseRequirementLine(line: string): Requirement | null {
  const text = line.replace(/#.*$/, '').trim();
  if (!text || text.startsWith('-') || text.includes('://')) return null;
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(?:(==|=)\s*([^\s;,]+)|([<>!~=][^;]*))?/.exec(text);
  if (!match) return null;
  const version = match[3] ?? (match[4] ? match[4].trim() : null);
  return { name: normalizePackageName(match[1]!), version };
}

export function parseRequirements(text: string): Requirement[] {
  return text.split(/\r?\n/).flatMap((line) => parseRequirementLine(line) ?? []);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** conda.yaml: `dependencies` holds conda specs (`python=3.11`) and a `pip:` list. */
export function parseCondaYaml(text: string): Requirement[] {
  const doc: unknown = parse(text);
  const deps = isRecord(doc) && Array.isArray(doc.dependencies) ? doc.dependencies : [];
  return deps.flatMap((d): Requirement[] => {
    if (typeof d === 'string') return [parseRequirementLine(d)].filter((r): r is Requirement => r !== null);
    if (isRecord(d) && Array.isArray(d.pip)) return d.pip.flatMap((p) => (typeof p === 'string' ? (parseRequirementLine(p) ?? []) : []));
    return [];
  });
}

/** MLflow's python_env.yaml: `python`, `build_dependencies`, `dependencies` (pip lines). */
export function parsePythonEnvYaml(text: string): Requirement[] {
  const doc: unknown = parse(text);
  if (!isRecord(doc)) return [];
  const python = doc.python !== undefined ? [{ name: 'python', version: String(doc.python) }] : [];
  const deps = Array.isArray(doc.dependencies) ? doc.dependencies : [];
  return [...python, ...deps.flatMap((d) => (typeof d === 'string' ? (parseRequirementLine(d) ?? []) : []))];
}

export function metadataRequirements(dependencies: unknown, pythonVersion: unknown): Requirement[] {
  const out: Requirement[] = isRecord(dependencies) ? Object.entries(dependencies).map(([name, v]) => ({ name: normalizePackageName(name), version: v === null ? null : String(v) })) : [];
  if (typeof pythonVersion === 'string' || typeof pythonVersion === 'number') out.push({ name: 'python', version: String(pythonVersion) });
  return out;
}

/** Lines up every source's packages: the seeds' lesson that a version mismatch breaks loading. */
export function compareEnvironments(sources: Partial<Record<EnvironmentSource, readonly Requirement[]>>): DependencyRow[] {
  const names = new Map<string, Partial<Record<EnvironmentSource, string | null>>>();
  for (const [source, reqs] of Object.entries(sources) as [EnvironmentSource, readonly Requirement[]][]) {
    for (const req of reqs) names.set(req.name, { ...names.get(req.name), [source]: req.version });
  }
  const sourceCount = Object.keys(sources).length;
  return [...names.entries()]
    .map(([name, versions]) => {
      const pins = [...new Set(Object.values(versions).filter((v): v is string => typeof v === 'string' && /^\d/.test(v)))];
      const status: DependencyRow['status'] = pins.length > 1 ? 'disagree' : Object.keys(versions).length < sourceCount ? 'partial' : 'agree';
      return { name, versions, status };
    })
    .sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'disagree' ? -1 : b.status === 'disagree' ? 1 : 0));
}
