import { describe, expect, it } from 'vitest';
import { defaultDraft } from '../benchmark/plan';
import { exampleIdOf, readAppUrl, sharedModelUrl, withoutRun, writeAppUrl } from './app-url';

describe('the app’s address', () => {
  it('reads an example, a tab, a backend and the run flag, and ignores what is malformed', () => {
    expect(readAppUrl('?example=iris-pipeline&tab=predict&backend=wasm&threads=2&run=1')).toEqual({
      example: 'iris-pipeline',
      model: null,
      tab: 'predict',
      backend: 'wasm',
      threads: 2,
      benchmark: null,
      run: true,
    });
    expect(readAppUrl('?example=../../etc&tab=admin&backend=cuda&threads=1e9&model=javascript:alert(1)')).toEqual({
      example: null,
      // Handed to the opener, which refuses the scheme in words (e2e content-security-policy).
      model: 'javascript:alert(1)',
      tab: null,
      backend: null,
      threads: null,
      benchmark: null,
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
    expect(readAppUrl(search)).toEqual({ ...view, benchmark: null, run: false });
    // No model open: no tab; WebGPU: no thread count; nothing at all: no "?".
    expect(writeAppUrl('?example=x&tab=run', { example: null, model: null, tab: 'run', backend: 'webgpu', threads: 4 })).toBe('?backend=webgpu');
    expect(writeAppUrl('?tab=run', { example: null, model: null, tab: null, backend: null, threads: null })).toBe('');
    expect(writeAppUrl('', { example: null, model: 'https://example.org/m.onnx', tab: 'run', backend: null, threads: null })).toBe('?model=https%3A%2F%2Fexample.org%2Fm.onnx&tab=run');
  });

  it('holds the Benchmark form on the Benchmark tab only, and forgets it elsewhere', () => {
    const benchmark = { draft: { ...defaultDraft({ kind: 'symbolic', name: 'N' }, false, 2), runs: 5, batchSizes: '1, 4' }, dims: { seq: 8 }, symbolicBatch: true };
    const view = { example: 'iris-pipeline', model: null, tab: 'benchmark', backend: 'wasm', threads: 2, benchmark } as const;
    const search = writeAppUrl('?run=1&dim.old=3&warmup=7', view);
    expect(search).toBe('?example=iris-pipeline&tab=benchmark&backend=wasm&threads=2&configs=wasm-1%2Cwasm-2&batch=1%2C4&warmup=10&runs=5&inputs=random&dim.seq=8');
    expect(readAppUrl(search).benchmark).toEqual({ draft: { wasmThreads: [1, 2], webgpu: false, webnn: false, batchSizes: '1, 4', warmupRuns: 10, runs: 5, stopKind: 'runs', inputs: 'random' }, dims: { seq: 8 } });
    // Another tab, or a local model (nothing to reopen it by): the form's keys go.
    expect(writeAppUrl(search, { ...view, tab: 'inspect' })).toBe('?example=iris-pipeline&tab=inspect&backend=wasm&threads=2');
    expect(writeAppUrl(search, { ...view, example: null })).toBe('?backend=wasm&threads=2');
  });

  it('knows every model tab, and drops run once it has been read', () => {
    expect(readAppUrl('?example=x&tab=check').tab).toBe('check');
    expect(withoutRun('?example=x&tab=benchmark&run=1&runs=3')).toBe('?example=x&tab=benchmark&runs=3');
    expect(withoutRun('?run')).toBe('');
    expect(withoutRun('?example=x')).toBe('?example=x');
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
