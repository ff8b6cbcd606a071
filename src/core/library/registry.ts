import { engineError, fail, ok, type Result } from '../protocol/engine-error';

/** MLflow Model Registry stages. */
export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

export interface ModelVersion {
  readonly version: string;
  readonly savedAt: string;
  readonly bytes: number;
  readonly files: number;
  readonly stage: Stage;
  readonly metrics: Readonly<Record<string, number>>;
  /** Where the package came from (file name, example, URL). */
  readonly source: string;
}

export interface RegisteredModel {
  readonly name: string;
  readonly versions: readonly ModelVersion[];
  /** alias → version; each alias names one version of this model. */
  readonly aliases: Readonly<Record<string, string>>;
}

/** The whole library's index; packages themselves are stored beside it, keyed by `packageKey`. */
export interface Registry {
  readonly format: 1;
  readonly models: readonly RegisteredModel[];
}

export const EMPTY_REGISTRY: Registry = { format: 1, models: [] };

export function packageKey(name: string, version: string): string {
  return `package:${name}@${version}`;
}

const NAME = /^[\w][\w .-]{0,63}$/;
const ALIAS = /^[a-z][a-z0-9_-]{0,31}$/;
const VERSION = /^[\w][\w.+-]{0,31}$/;

/**
 * The version a new save gets: the package's own `model_version` when it has one (refused if
 * taken, since a version is immutable), else one more than the highest whole-number version.
 */
export function nextVersion(registry: Registry, name: string, declared: string | undefined): Result<string> {
  const existing = registry.models.find((m) => m.name === name)?.versions.map((v) => v.version) ?? [];
  if (declared !== undefined && declared !== '') {
    if (!VERSION.test(declared)) return fail(engineError('library-invalid', `“${declared}” cannot be a version (letters, digits and . + - _ only, at most 32).`, 'Fix model_version in metadata.json.'));
    if (existing.includes(declared)) {
      return fail(engineError('library-conflict', `Version ${declared} of “${name}” is already in the library; a saved version never changes.`, 'Bump model_version in metadata.json, or delete the saved version first.'));
    }
    return ok(declared);
  }
  const numbers = existing.map((v) => Number(v)).filter((n) => Number.isInteger(n) && n > 0);
  let next = Math.max(0, ...numbers) + 1;
  while (existing.includes(String(next))) next++;
  return ok(String(next));
}

function update(registry: Registry, name: string, change: (model: RegisteredModel) => RegisteredModel | null): Registry {
  const models = registry.models.flatMap((m) => {
    if (m.name !== name) return [m];
    const changed = change(m);
    return changed && changed.versions.length > 0 ? [changed] : [];
  });
  return { ...registry, models };
}

export function addVersion(registry: Registry, name: string, version: ModelVersion): Result<Registry> {
  if (!NAME.test(name)) return fail(engineError('library-invalid', `“${name}” cannot be a library name (letters, digits, space . - _; at most 64).`, 'Choose a shorter, plain name.'));
  const model = registry.models.find((m) => m.name === name);
  if (model?.versions.some((v) => v.version === version.version)) return fail(engineError('library-conflict', `Version ${version.version} of “${name}” already exists.`, 'Save under a new version.'));
  if (!model) return ok({ ...registry, models: [...registry.models, { name, versions: [version], aliases: {} }].sort((a, b) => a.name.localeCompare(b.name)) });
  return ok(update(registry, name, (m) => ({ ...m, versions: [...m.versions, version] })));
}

/** Points an alias at a version, moving it off any other version of the model. */
export function setAlias(registry: Registry, name: string, alias: string, version: string): Result<Registry> {
  const a = alias.trim().toLowerCase();
  if (!ALIAS.test(a)) return fail(engineError('library-invalid', `“${alias}” cannot be an alias: start with a letter; letters, digits, - and _ only; at most 32.`, 'Try champion, challenger or a short word of your own.'));
  const model = registry.models.find((m) => m.name === name);
  if (!model?.versions.some((v) => v.version === version)) return fail(engineError('library-invalid', `“${name}” has no version ${version}.`, 'Pick one of the listed versions.'));
  return ok(update(registry, name, (m) => ({ ...m, aliases: { ...m.aliases, [a]: version } })));
}

export function removeAlias(registry: Registry, name: string, alias: string): Registry {
  return update(registry, name, (m) => ({ ...m, aliases: Object.fromEntries(Object.entries(m.aliases).filter(([k]) => k !== alias)) }));
}

export function setStage(registry: Registry, name: string, version: string, stage: Stage): Registry {
  return update(registry, name, (m) => ({ ...m, versions: m.versions.map((v) => (v.version === version ? { ...v, stage } : v)) }));
}

/** Removes a version and the aliases that named it; a model with no versions left disappears. */
export function removeVersion(registry: Registry, name: string, version: string): Registry {
  return update(registry, name, (m) => ({
    ...m,
    versions: m.versions.filter((v) => v.version !== version),
    aliases: Object.fromEntries(Object.entries(m.aliases).filter(([, v]) => v !== version)),
  }));
}

export function aliasesOf(model: RegisteredModel, version: string): string[] {
  return Object.entries(model.aliases)
    .filter(([, v]) => v === version)
    .map(([a]) => a)
    .sort();
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a registry from an imported library.json, refusing anything that is not one. */
export function parseRegistry(value: unknown): Result<Registry> {
  if (!isRecord(value) || value.format !== 1 || !Array.isArray(value.models)) {
    return fail(engineError('library-invalid', 'This is not an exported ONNX Playground library (library.json with "format": 1 is missing or different).', 'Import a zip made with “Export library”.'));
  }
  const models: RegisteredModel[] = [];
  for (const m of value.models) {
    if (!isRecord(m) || typeof m.name !== 'string' || !Array.isArray(m.versions)) return fail(engineError('library-invalid', 'library.json has a model entry without a name or versions.', 'Export the library again.'));
    const versions = m.versions.filter(isRecord).map(
      (v): ModelVersion => ({
        version: String(v.version),
        savedAt: String(v.savedAt ?? ''),
        bytes: Number(v.bytes ?? 0),
        files: Number(v.files ?? 0),
        stage: (STAGES as readonly string[]).includes(String(v.stage)) ? (v.stage as Stage) : 'None',
        metrics: isRecord(v.metrics) ? (Object.fromEntries(Object.entries(v.metrics).filter(([, x]) => typeof x === 'number')) as Record<string, number>) : {},
        source: String(v.source ?? ''),
      }),
    );
    const aliases = isRecord(m.aliases) ? Object.fromEntries(Object.entries(m.aliases).filter(([, v]) => versions.some((x) => x.version === v)).map(([k, v]) => [k, String(v)])) : {};
    models.push({ name: m.name, versions, aliases });
  }
  return ok({ format: 1, models });
}

/** Merges an imported registry into ours; versions we already hold are kept as they are. */
export function mergeRegistries(ours: Registry, theirs: Registry): { registry: Registry; added: { name: string; version: string }[] } {
  let registry = ours;
  const added: { name: string; version: string }[] = [];
  for (const model of theirs.models) {
    for (const version of model.versions) {
      const result = addVersion(registry, model.name, version);
      if (result.ok) {
        registry = result.value;
        added.push({ name: model.name, version: version.version });
      }
    }
    for (const [alias, version] of Object.entries(model.aliases)) {
      const current = registry.models.find((m) => m.name === model.name);
      if (current && !(alias in current.aliases)) {
        const result = setAlias(registry, model.name, alias, version);
        if (result.ok) registry = result.value;
      }
    }
  }
  return { registry, added };
}
