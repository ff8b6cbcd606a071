import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportLibrary, importLibrary } from './archive';
import { addVersion, aliasesOf, EMPTY_REGISTRY, MAX_LIBRARY_VERSIONS, mergeRegistries, nextVersion, packageKey, parseRegistry, readStoredRegistry, removeVersion, setAlias, setStage, versionCount, type ModelVersion, type Registry } from './registry';
import { bytesSource } from '../package/zip-directory';

const version = (v: string, extra: Partial<ModelVersion> = {}): ModelVersion => ({ version: v, savedAt: '2026-11-26T12:00:00Z', bytes: 10, files: 1, stage: 'None', metrics: {}, source: 'test', ...extra });
const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const withVersions = (...versions: string[]): Registry => versions.reduce((reg, v) => value(addVersion(reg, 'iris', version(v))), EMPTY_REGISTRY);

describe('versions', () => {
  it('numbers versions 1, 2, 3 when the package declares none', () => {
    expect(value(nextVersion(EMPTY_REGISTRY, 'iris', undefined))).toBe('1');
    expect(value(nextVersion(withVersions('1', '2'), 'iris', undefined))).toBe('3');
    expect(value(nextVersion(withVersions('1.0.0', '7'), 'iris', undefined))).toBe('8');
  });

  it('uses the package’s model_version, and refuses to overwrite a saved one', () => {
    expect(value(nextVersion(withVersions('1.0.0'), 'iris', '1.1.0'))).toBe('1.1.0');
    const taken = nextVersion(withVersions('1.0.0'), 'iris', '1.0.0');
    expect(!taken.ok && taken.error.code).toBe('library-conflict');
  });

  it('removing the last version removes the model, and aliases that named it', () => {
    let reg = value(setAlias(withVersions('1', '2'), 'iris', 'champion', '2'));
    reg = removeVersion(reg, 'iris', '2');
    expect(reg.models[0]!.aliases).toEqual({});
    expect(removeVersion(reg, 'iris', '1').models).toEqual([]);
  });
});

describe('aliases and stages', () => {
  it('an alias names one version and moves when set again', () => {
    let reg = value(setAlias(withVersions('1', '2'), 'iris', 'Champion', '1'));
    reg = value(setAlias(reg, 'iris', 'challenger', '2'));
    reg = value(setAlias(reg, 'iris', 'champion', '2'));
    const model = reg.models[0]!;
    expect(aliasesOf(model, '1')).toEqual([]);
    expect(aliasesOf(model, '2')).toEqual(['challenger', 'champion']);
  });

  it('refuses odd aliases and unknown versions', () => {
    expect(setAlias(withVersions('1'), 'iris', '1st place!', '1').ok).toBe(false);
    expect(setAlias(withVersions('1'), 'iris', 'prod', '9').ok).toBe(false);
  });

  it('sets an MLflow stage per version', () => {
    const reg = setStage(withVersions('1', '2'), 'iris', '2', 'Production');
    expect(reg.models[0]!.versions.map((v) => v.stage)).toEqual(['None', 'Production']);
  });
});

const src = (bytes: Uint8Array) => bytesSource(bytes);
const ONNX = strToU8('\x08\x08onnx');

describe('export and import', () => {
  it('round-trips a library through one zip, and merges without overwriting', async () => {
    const registry = value(setAlias(withVersions('1', '2'), 'iris', 'champion', '2'));
    const packages = new Map([
      [packageKey('iris', '1'), [{ path: 'model.onnx', bytes: strToU8('one') }]],
      [packageKey('iris', '2'), [{ path: 'model.onnx', bytes: strToU8('two') }, { path: 'metadata.json', bytes: strToU8('{}') }]],
    ]);
    const exported = exportLibrary({ registry, packages });
    expect(exported.skipped).toEqual([]);
    const back = value(await importLibrary('lib.zip', src(exported.bytes)));
    // Sizes are recounted from the files themselves, not trusted from library.json.
    expect(back.registry.models[0]!.versions.map((v) => [v.version, v.files, v.bytes])).toEqual([['1', 1, 3], ['2', 2, 5]]);
    expect(back.registry.models[0]!.aliases).toEqual({ champion: '2' });
    expect(back.packages.get(packageKey('iris', '2'))?.map((f) => f.path).sort()).toEqual(['metadata.json', 'model.onnx']);
    const merged = mergeRegistries(withVersions('1'), back.registry);
    expect(merged.added).toEqual([{ name: 'iris', version: '2' }]);
    expect(merged.registry.models[0]!.aliases).toEqual({ champion: '2' });
  });

  it('refuses a zip that is not a library', async () => {
    const result = await importLibrary('model.zip', src(exportLibrary({ registry: EMPTY_REGISTRY, packages: new Map() }).bytes.slice(0, 10)));
    expect(!result.ok && result.error.code).toBe('bad-zip');
  });

  it('never writes back a stored path that climbs out of its package', () => {
    const packages = new Map([[packageKey('iris', '1'), [{ path: 'model.onnx', bytes: ONNX }, { path: '../../../evil.onnx', bytes: ONNX }]]]);
    const exported = exportLibrary({ registry: withVersions('1'), packages });
    expect(exported.skipped).toEqual(['iris v1/../../../evil.onnx']);
    expect(strFromU8(exported.bytes, true)).not.toContain('evil.onnx');
  });

  it('refuses an entry such as packages/evil/1/../../../evil.onnx before unpacking anything', async () => {
    const zip = zipSync({ 'library.json': strToU8(JSON.stringify(withVersions('1'))), 'packages/iris/1/model.onnx': ONNX, 'packages/evil/1/../../../evil.onnx': ONNX });
    const result = await importLibrary('crafted.zip', src(zip));
    expect(!result.ok && result.error.message).toMatch(/^“crafted\.zip” holds an entry named “packages\/evil\/1\/\.\.\/\.\.\/\.\.\/evil\.onnx”, which is refused/);
  });

  it('checks every entry as Save does: names, versions, duplicates, a model in each version', async () => {
    const lib = (registry: unknown, files: Record<string, Uint8Array> = { 'packages/iris/1/model.onnx': ONNX }) => importLibrary('l.zip', src(zipSync({ 'library.json': strToU8(JSON.stringify(registry)), ...files })));
    const model = (versions: unknown[], name: unknown = 'iris') => ({ format: 1, models: [{ name, versions, aliases: {} }] });
    expect(await lib(model([version('../1')]))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/lists a version of “iris” named "\.\.\/1"/) } });
    expect(await lib(model([version('1')], '<img src=x>'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/which Save would refuse/) } });
    expect(await lib(model([version('1'), version('1')]))).toMatchObject({ ok: false, error: { message: 'library.json lists version 1 of “iris” twice.' } });
    expect(await lib(model([version('1')]), { 'packages/iris/1/notes.txt': ONNX })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/holds no model file/) } });
  });

  it('refuses a library of 20,000 versions with the figures, in well under a second', async () => {
    const models = Array.from({ length: 100 }, (_, m) => ({ name: `m${m}`, versions: Array.from({ length: 200 }, (_, v) => version(String(v + 1))), aliases: {} }));
    const started = performance.now();
    const result = parseRegistry({ format: 1, models });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(!result.ok && result.error.message).toBe(`The library lists 20,000 versions, more than the ${MAX_LIBRARY_VERSIONS.toLocaleString('en-US')} a library may hold; nothing was read from it.`);
  });

  it('matches thousands of files to their versions in linear time', async () => {
    const registry = { format: 1 as const, models: Array.from({ length: 20 }, (_, m) => ({ name: `m${m}`, versions: Array.from({ length: 100 }, (_, v) => version(String(v + 1))), aliases: {} })) };
    const packages = new Map(registry.models.flatMap((m) => m.versions.map((v) => [packageKey(m.name, v.version), [{ path: 'model.onnx', bytes: ONNX }, { path: 'metadata.json', bytes: strToU8('{}') }]] as const)));
    const zip = exportLibrary({ registry, packages }).bytes;
    const started = performance.now();
    const back = value(await importLibrary('big.zip', src(zip)));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(versionCount(back.registry)).toBe(2000);
  });

  it('merges a large import without revisiting every model per version', () => {
    const theirs = { format: 1 as const, models: Array.from({ length: 1000 }, (_, m) => ({ name: `m${m}`, versions: [version('1'), version('2')], aliases: { champion: '2' } })) };
    const started = performance.now();
    const merged = mergeRegistries(withVersions('1'), theirs);
    expect(performance.now() - started).toBeLessThan(500);
    expect(merged.added).toHaveLength(2000);
    expect(merged.registry.models).toHaveLength(1001);
  });
});

describe('readStoredRegistry', () => {
  it('shows every sound entry of what IndexedDB holds, and lists the others instead of hiding everything', () => {
    const stored = { format: 1, models: [{ name: 'iris', versions: [version('1'), version('../2'), version('1')], aliases: { champion: '1' } }, { name: '<b>', versions: [version('1')] }] };
    const read = value(readStoredRegistry(stored));
    expect(read.registry.models.map((m) => [m.name, m.versions.map((v) => v.version)])).toEqual([['iris', ['1']]]);
    expect(read.dropped).toEqual([
      'the saved library lists a version of “iris” named "../2": a version is letters, digits and . + - _ only, at most 32.',
      'the saved library lists version 1 of “iris” twice.',
      'the saved library names a model "<b>", which Save would refuse (letters, digits, space . - _; at most 64).',
    ]);
  });

  it('keeps a library of any size (the list is virtualised), and refuses only what is not a registry', () => {
    const models = Array.from({ length: 100 }, (_, m) => ({ name: `m${m}`, versions: Array.from({ length: 200 }, (_, v) => version(String(v + 1))), aliases: {} }));
    expect(versionCount(value(readStoredRegistry({ format: 1, models })).registry)).toBe(20_000);
    expect(readStoredRegistry('garbage').ok).toBe(false);
  });
});
