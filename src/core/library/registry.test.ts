import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportLibrary, importLibrary } from './archive';
import { addVersion, aliasesOf, EMPTY_REGISTRY, mergeRegistries, nextVersion, packageKey, removeVersion, setAlias, setStage, type ModelVersion, type Registry } from './registry';

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

describe('export and import', () => {
  it('round-trips a library through one zip, and merges without overwriting', () => {
    const registry = value(setAlias(withVersions('1', '2'), 'iris', 'champion', '2'));
    const packages = new Map([
      [packageKey('iris', '1'), [{ path: 'model.onnx', bytes: strToU8('one') }]],
      [packageKey('iris', '2'), [{ path: 'model.onnx', bytes: strToU8('two') }, { path: 'metadata.json', bytes: strToU8('{}') }]],
    ]);
    const back = value(importLibrary('lib.zip', exportLibrary({ registry, packages })));
    expect(back.registry).toEqual(registry);
    expect(back.packages.get(packageKey('iris', '2'))?.map((f) => f.path).sort()).toEqual(['metadata.json', 'model.onnx']);
    const merged = mergeRegistries(withVersions('1'), back.registry);
    expect(merged.added).toEqual([{ name: 'iris', version: '2' }]);
    expect(merged.registry.models[0]!.aliases).toEqual({ champion: '2' });
  });

  it('refuses a zip that is not a library', () => {
    const result = importLibrary('model.zip', exportLibrary({ registry: EMPTY_REGISTRY, packages: new Map() }).slice(0, 10));
    expect(!result.ok && result.error.code).toBe('bad-zip');
  });
});
