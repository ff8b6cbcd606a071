import { describe, expect, it } from 'vitest';
import { checkArchiveListing, MAX_PACKAGE_BYTES, MAX_PACKAGE_FILES, planFolder } from './limits';

const files = (n: number, prefix = 'f'): { path: string; bytes: number }[] => Array.from({ length: n }, (_, i) => ({ path: `${prefix}${i}.txt`, bytes: 10 }));

describe('checkArchiveListing', () => {
  it('accepts an ordinary package', () => {
    expect(checkArchiveListing('p.zip', [{ path: 'model.onnx', bytes: 1e6 }]).ok).toBe(true);
  });

  it('refuses an archive that would expand past the limit, stating both sizes', () => {
    const result = checkArchiveListing('bomb.zip', Array.from({ length: 3 }, (_, i) => ({ path: `z${i}`, bytes: MAX_PACKAGE_BYTES / 2 })));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe('“bomb.zip” would expand to 3.0 GB, more than the 2.0 GB limit for one package; nothing was unpacked.');
  });

  it('refuses an archive with more files than a package has', () => {
    const result = checkArchiveListing('repo.zip', files(MAX_PACKAGE_FILES + 1));
    expect(!result.ok && result.error.code).toBe('package-too-large');
  });
});

describe('planFolder', () => {
  it('reads every file of a small folder', () => {
    expect(planFolder('p', [{ path: 'model.onnx', bytes: 5 }, { path: 'metadata.json', bytes: 5 }])).toEqual({
      ok: true,
      value: { read: ['model.onnx', 'metadata.json'], ignored: 0, root: '' },
    });
  });

  it('narrows a folder of thousands of files to the folder of its one model', () => {
    const listing = [...files(2000, 'logs/'), { path: 'models/wine/model.onnx', bytes: 100 }, { path: 'models/wine/MLmodel', bytes: 10 }, { path: 'models/wine/sub/x.txt', bytes: 1 }];
    const plan = planFolder('project', listing);
    expect(plan).toEqual({ ok: true, value: { read: ['models/wine/model.onnx', 'models/wine/MLmodel'], ignored: 2001, root: 'models/wine/' } });
  });

  it('refuses thousands of files with no single model', () => {
    const plan = planFolder('photos', files(3000));
    expect(!plan.ok && plan.error.message).toContain('“photos” holds 3,000 files');
  });
});
