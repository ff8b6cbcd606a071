import { describe, expect, it } from 'vitest';
import { compareEnvironments, metadataRequirements, normalizePackageName, parseCondaYaml, parsePythonEnvYaml, parseRequirementLine, parseRequirements } from './environment';

describe('requirement parsing', () => {
  it('reads pins, ranges, extras and comments, and skips options and URLs', () => {
    expect(parseRequirements('scikit-learn==1.4.0\nnumpy>=1.24,<2 # pinned loosely\n-r base.txt\ntorch[cpu]==2.1.0\ngit+https://x/y.git\n\nPandas')).toEqual([
      { name: 'scikit-learn', version: '1.4.0' },
      { name: 'numpy', version: '>=1.24,<2' },
      { name: 'torch', version: '2.1.0' },
      { name: 'pandas', version: null },
    ]);
  });

  it('normalises names the way pip compares them', () => {
    expect(normalizePackageName('Scikit_Learn')).toBe('scikit-learn');
    expect(normalizePackageName('sklearn')).toBe('scikit-learn');
    expect(parseRequirementLine('python=3.11.2')).toEqual({ name: 'python', version: '3.11.2' });
  });

  it('reads conda.yaml conda specs and its pip list', () => {
    const conda = 'channels: [conda-forge]\ndependencies:\n- python=3.11.2\n- pip<=23.0.1\n- pip:\n  - mlflow==2.16.2\n  - numpy==1.24.2\n';
    expect(parseCondaYaml(conda)).toEqual([
      { name: 'python', version: '3.11.2' },
      { name: 'pip', version: '<=23.0.1' },
      { name: 'mlflow', version: '2.16.2' },
      { name: 'numpy', version: '1.24.2' },
    ]);
  });

  it('reads python_env.yaml: python and its dependencies', () => {
    expect(parsePythonEnvYaml('python: 3.11.2\nbuild_dependencies:\n- pip==23\ndependencies:\n- -r requirements.txt\n- onnx==1.12.0\n')).toEqual([
      { name: 'python', version: '3.11.2' },
      { name: 'onnx', version: '1.12.0' },
    ]);
  });

  it('throws on YAML that is not YAML (the inspector reports it)', () => {
    expect(() => parseCondaYaml('dependencies: [unclosed')).toThrow();
  });
});

describe('compareEnvironments', () => {
  it('lists disagreements first, with every source’s version', () => {
    const rows = compareEnvironments({
      'metadata.json': metadataRequirements({ 'scikit-learn': '1.4.0', numpy: '1.26.0' }, '3.11'),
      'requirements.txt': parseRequirements('scikit-learn==1.3.2\nnumpy==1.26.0\n'),
    });
    expect(rows[0]).toEqual({ name: 'scikit-learn', versions: { 'metadata.json': '1.4.0', 'requirements.txt': '1.3.2' }, status: 'disagree' });
    expect(rows.find((r) => r.name === 'numpy')?.status).toBe('agree');
    expect(rows.find((r) => r.name === 'python')).toEqual({ name: 'python', versions: { 'metadata.json': '3.11' }, status: 'partial' });
  });

  it('does not call a range and a pin a disagreement', () => {
    const rows = compareEnvironments({ 'requirements.txt': parseRequirements('numpy>=1.2'), 'conda.yaml': parseCondaYaml('dependencies:\n- numpy=1.26.0\n') });
    expect(rows[0]!.status).toBe('agree');
  });
});
