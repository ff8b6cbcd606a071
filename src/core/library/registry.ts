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

/** Versions a library may hold in all: enough for any real use, and few enough to list and import in a moment. */
export const MAX_LIBRARY_VERSIONS = 2_000;
const MAX_METRICS = 50;
const MAX_SOURCE_CHARS = 2_000;

const invalid = (message: string, hint = 'Export the library again from the app, or import another one.'): Result<never> => fail(engineError('library-invalid', message, hint));

/** One version entry, checked as Save checks it; the sizes are recounted from the files later. */
function parseVersion(model: string, v: unknown): Result<ModelVersion> {
  if (!isRecord(v) || typeof v.version !== 'string' || !VERSION.test(v.version)) {
    const shown = isRecord(v) ? JSON.stringify(v.version ?? null).slice(0, 80) : 'an entry that is not an object';
    return invalid(`library.json lists a version of “${model}” named ${shown}: a version is letters, digits and . + - _ only, at most 32.`);
  }
  const metrics = isRecord(v.metrics) ? Object.entries(v.metrics).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])).slice(0, MAX_METRICS) : [];
  return ok({
    version: v.version,
    savedAt: typeof v.savedAt === 'string' && v.savedAt.length <= 40 ? v.savedAt : '',
    bytes: typeof v.bytes === 'number' && Number.isFinite(v.bytes) && v.bytes >= 0 ? v.bytes : 0,
    files: typeof v.files === 'number' && Number.isInteger(v.files) && v.files >= 0 ? v.files : 0,
    stage: (STAGES as readonly unknown[]).includes(v.stage) ? (v.stage as Stage) : 'None',
    metrics: Object.fromEntries(metrics),
    source: typeof v.source === 'string' ? v.source.slice(0, MAX_SOURCE_CHARS) : '',
  });
}

/** One model entry; with `dropped`, bad versions are left out and listed there instead of refusing the model. */
function parseModel(m: unknown, dropped?: string[]): Result<RegisteredModel> {
  if (!isRecord(m) || typeof m.name !== 'string' || !Array.isArray(m.versions)) return invalid('library.json has a model entry without a name or versions.');
  if (!NAME.test(m.name)) return invalid(`library.json names a model ${JSON.stringify(m.name.slice(0, 80))}, which Save would refuse (letters, digits, space . - _; at most 64).`);
  const versions: ModelVersion[] = [];
  const seen = new Set<string>();
  for (const entry of m.versions) {
    let v = parseVersion(m.name, entry);
    if (v.ok && seen.has(v.value.version)) v = invalid(`library.json lists version ${v.value.version} of “${m.name}” twice.`);
    if (!v.ok) {
      if (!dropped) return v;
      dropped.push(v.error.message);
      continue;
    }
    seen.add(v.value.version);
    versions.push(v.value);
  }
  if (versions.length === 0) return invalid(`library.json lists “${m.name}” with no versions.`);
  const aliases = isRecord(m.aliases) ? Object.entries(m.aliases).filter((e): e is [string, string] => ALIAS.test(e[0]) && typeof e[1] === 'string' && seen.has(e[1])) : [];
  return ok({ name: m.name, versions, aliases: Object.fromEntries(aliases) });
}

const notARegistry = (): Result<never> =>
  invalid('This is not an exported ONNX Playground library (library.json with "format": 1 is missing or different).', 'Import a zip made with “Export library”.');

/**
 * What IndexedDB holds, read for showing: every entry Save could have made is kept (however
 * many: the list is virtualised), the others are left out and listed, so that one bad entry
 * never hides the rest. Only something that is not a registry at all is refused.
 */
export function readStoredRegistry(value: unknown): Result<{ registry: Registry; dropped: string[] }> {
  if (!isRecord(value) || value.format !== 1 || !Array.isArray(value.models)) return notARegistry();
  const dropped: string[] = [];
  const models = new Map<string, RegisteredModel>();
  for (const m of value.models) {
    const model = parseModel(m, dropped);
    if (!model.ok) dropped.push(model.error.message);
    else if (models.has(model.value.name)) dropped.push(`library.json lists the model “${model.value.name}” twice.`);
    else models.set(model.value.name, model.value);
  }
  return ok({ registry: { format: 1, models: [...models.values()].sort((a, b) => a.name.localeCompare(b.name)) }, dropped: dropped.map((d) => d.replace(/^library\.json /, 'the saved library ')) });
}

/**
 * Reads an imported library.json, checking every entry as Save does, and refusing more
 * versions than the library may hold, with the figures: an import is all or nothing.
 */
export function parseRegistry(value: unknown): Result<Registry> {
  if (!isRecord(value) || value.format !== 1 || !Array.isArray(value.models)) return notARegistry();
  let total = 0;
  for (const m of value.models) total += isRecord(m) && Array.isArray(m.versions) ? m.versions.length : 0;
  if (total > MAX_LIBRARY_VERSIONS) {
    return invalid(
      `The library lists ${total.toLocaleString('en-US')} versions, more than the ${MAX_LIBRARY_VERSIONS.toLocaleString('en-US')} a library may hold; nothing was read from it.`,
      'Split it: export fewer models, or delete old versions where it came from.',
    );
  }
  const models: RegisteredModel[] = [];
  const names = new Set<string>();
  for (const m of value.models) {
    const model = parseModel(m);
    if (!model.ok) return model;
    if (names.has(model.value.name)) return invalid(`library.json lists the model “${model.value.name}” twice.`);
    names.add(model.value.name);
    models.push(model.value);
  }
  return ok({ format: 1, models: models.sort((a, b) => a.name.localeCompare(b.name)) });
}

export function versionCount(registry: Registry): number {
  return registry.models.reduce((n, m) => n + m.versions.length, 0);
}

/**
 * Merges an imported registry (already checked by parseRegistry) into ours; versions and aliases
 * we already hold are kept as they are. Linear in the number of versions.
 */
export function mergeRegistries(ours: Registry, theirs: Registry): { registry: Registry; added: { name: string; version: string }[] } {
  const byName = new Map(ours.models.map((m) => [m.name, { name: m.name, versions: [...m.versions], aliases: { ...m.aliases } }]));
  const added: { name: string; version: string }[] = [];
  for (const model of theirs.models) {
    const current = byName.get(model.name) ?? { name: model.name, versions: [], aliases: {} };
    const held = new Set(current.versions.map((v) => v.version));
    for (const version of model.versions) {
      if (held.has(version.version)) continue;
      held.add(version.version);
      current.versions.push(version);
      added.push({ name: model.name, version: version.version });
    }
    for (const [alias, version] of Object.entries(model.aliases)) {
      if (!(alias in current.aliases) && held.has(version)) current.aliases[alias] = version;
    }
    if (current.versions.length > 0) byName.set(model.name, current);
  }
  return { registry: { ...ours, models: [...byName.values()].sort((a, b) => a.name.localeCompare(b.name)) }, added };
}
