import { describe, expect, it } from 'vitest';
import { exampleIdOf, readAppUrl, sharedModelUrl, writeAppUrl } from './app-url';

describe('the app’s address', () => {
  it('reads an example, a tab, a backend and the run flag, and ignores what is malformed', () => {
    expect(readAppUrl('?example=iris-pipeline&tab=predict&backend=wasm&threads=2&run=1')).toEqual({
      example: 'iris-pipeline',
      model: null,
      tab: 'predict',
      backend: 'wasm',
      threads: 2,
      run: true,
    });
    expect(readAppUrl('?example=../../etc&tab=admin&backend=cuda&threads=1e9&model=javascript:alert(1)')).toEqual({
      example: null,
      // Handed to the opener, which refuses the scheme in words (e2e content-security-policy).
      model: 'javascript:alert(1)',
      tab: null,
      backend: null,
      threads: null,
      run: false,
    });
    expect(readAppUrl('?run=0').run).toBe(false);
    expect(readAppUrl('?model=examples/digits-cnn/model.onnx').model).toBe('examples/digits-cnn/model.onnx');
    expect(readAppUrl('?model=data:application/octet-stream;base64,AA').model).toBe('data:application/octet-stream;base64,AA');
    expect(readAppUrl('').run).toBe(false);
  });

  it('writes every key but run, keeps keys it does not own, and round-trips', () => {
    const view = { example: 'wine-mlflow', model: null, tab: 'inspect', backend: 'wasm', threads: 1 } as const;
    const search = writeAppUrl('?safe&run=1&tab=speed', view);
    expect(search).toBe('?safe=&example=wine-mlflow&tab=inspect&backend=wasm&threads=1');
    expect(readAppUrl(search)).toEqual({ ...view, run: false });
    // No model open: no tab; WebGPU: no thread count; nothing at all: no "?".
    expect(writeAppUrl('?example=x&tab=run', { example: null, model: null, tab: 'run', backend: 'webgpu', threads: 4 })).toBe('?backend=webgpu');
    expect(writeAppUrl('?tab=run', { example: null, model: null, tab: null, backend: null, threads: null })).toBe('');
    expect(writeAppUrl('', { example: null, model: 'https://example.org/m.onnx', tab: 'run', backend: null, threads: null })).toBe('?model=https%3A%2F%2Fexample.org%2Fm.onnx&tab=run');
  });

  it('knows a bundled example by its source, and never shares a local file', () => {
    expect(exampleIdOf('http://localhost:4173/examples/iris-pipeline.zip', 'http://localhost:4173/examples/')).toBe('iris-pipeline');
    expect(exampleIdOf('http://localhost:4173/examples/sub/x.zip', 'http://localhost:4173/examples/')).toBeNull();
    expect(exampleIdOf('model.onnx', 'http://localhost:4173/examples/')).toBeNull();
    expect(sharedModelUrl('https://huggingface.co/x/model.onnx')).toBe('https://huggingface.co/x/model.onnx');
    expect(sharedModelUrl('dropped files')).toBeNull();
    expect(sharedModelUrl('examples/iris-pipeline')).toBeNull();
  });
});
