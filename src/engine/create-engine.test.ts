import { readdirSync, readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from './create-engine';
import type { OrtRuntime } from './ort-runtime';
import { assemblePackage, type ModelPackage } from '../core/package/model-package';
import { modelProtoType } from '../core/package/onnx-schema';
import type { BackendId, EngineApi, LoadRequest, LoadResult } from '../core/protocol/engine-api';
import type { EngineError, Result } from '../core/protocol/engine-error';
import type { TensorDType, TensorPayload } from '../core/protocol/tensor';
import { fromPayload, tensorValues, toPayload, type HostTensor } from '../core/schema/host-tensor';
import { exampleToTensors } from '../core/schema/input-example';

const plainNumbers = (t: HostTensor): number[] => tensorValues(t).map(Number);

const EXAMPLES = new URL('../../public/examples/', import.meta.url);
const REFERENCE = new URL('../../e2e/reference/', import.meta.url);
const EXAMPLE_IDS = (JSON.parse(readFileSync(new URL('index.json', EXAMPLES), 'utf8')) as { examples: { id: string }[] }).examples.map((e) => e.id);
// onnxruntime-node registers 'cpu', not the browser backends that BackendId lists.
const CPU = 'cpu' as BackendId;

interface ReferenceTensor {
  readonly dims: number[];
  readonly dtype: TensorDType;
  readonly data: number[];
}
interface Reference {
  readonly input: Record<string, ReferenceTensor>;
  readonly outputs: Record<string, ReferenceTensor>;
}

const newEngine = (): EngineApi => createEngine(ort as unknown as OrtRuntime, { now: () => performance.now(), crossOriginIsolated: false });

function examplePackage(id: string): ModelPackage {
  const dir = new URL(`${id}/`, EXAMPLES);
  const files = readdirSync(dir).map((path) => ({ path, bytes: new Uint8Array(readFileSync(new URL(path, dir))) }));
  return value(assemblePackage(id, files));
}

function request(sessionId: string, bytes: Uint8Array, extra: Partial<LoadRequest> = {}): LoadRequest {
  // A copy into a fresh ArrayBuffer: `bytes` may be a Node Buffer, a view on a shared pool.
  return { sessionId, fileName: 'model.onnx', modelBytes: new Uint8Array(bytes).buffer, backend: CPU, format: 'onnx', ...extra };
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function failure(result: Result<unknown>): EngineError {
  if (result.ok) throw new Error('expected a failure');
  return result.error;
}

function expectClose(actual: readonly (number | string)[], expected: readonly number[], dtype: TensorDType): void {
  expect(actual).toHaveLength(expected.length);
  if (dtype.startsWith('float')) {
    actual.forEach((v, i) => expect(Math.abs((v as number) - expected[i]!), `element ${i}: ${v} vs ${expected[i]}`).toBeLessThanOrEqual(1e-5));
  } else {
    expect(actual).toEqual(expected);
  }
}

/** A model whose one initializer lives in an external-data file. Only its structure is encoded: enough for the engine's pre-check. */
function modelWithExternalWeights(file: string): Uint8Array {
  const tensor = (name: string) => ({ name, type: { tensorType: { elemType: 1, shape: { dim: [{ dimValue: 2 }] } } } });
  return modelProtoType
    .encode(
      modelProtoType.fromObject({
        irVersion: 8,
        opsetImport: [{ domain: '', version: 17 }],
        graph: {
          name: 'external',
          node: [{ opType: 'Add', name: 'add' }],
          initializer: [{ name: 'w', dims: [2], dataType: 1, dataLocation: 1, externalData: [{ key: 'location', value: file }, { key: 'offset', value: '0' }, { key: 'length', value: '8' }] }],
          input: [tensor('x')],
          output: [tensor('y')],
        },
      }),
    )
    .finish();
}

describe('createEngine on onnxruntime-node', () => {
  it('knows the cpu backend, not wasm', async () => {
    const engine = newEngine();
    const wasm = failure(await engine.load(request('s', examplePackage('iris-pipeline').model.bytes, { backend: 'wasm' })));
    expect(wasm.code).toBe('session-failed');
    expect(wasm.message).toMatch(/backend not found/);
  });

  it('reports the runtime version and platform from init', async () => {
    const env = value(await newEngine().init({ threads: 1, wasmPaths: '/ort/' }));
    expect(env).toEqual({ ortVersion: ort.env.versions.node, threads: 1, crossOriginIsolated: false, build: { wasm: 'none (onnxruntime-node, native)', executionProvider: 'CPU EP' } });
    expect(env.ortVersion).toMatch(/^1\.\d+\.\d+/);
  });

  describe.each(EXAMPLE_IDS)('the %s example', (id) => {
    const engine = newEngine();
    const reference = JSON.parse(readFileSync(new URL(`${id}.json`, REFERENCE), 'utf8')) as Reference;
    let pkg: ModelPackage;
    let loaded: LoadResult;
    let feeds: Record<string, TensorPayload>;

    beforeAll(async () => {
      pkg = examplePackage(id);
      loaded = value(await engine.load(request(id, pkg.model.bytes)));
      const tensors = value(exampleToTensors(pkg.inputExample, loaded.inputs, pkg.metadata?.featureNames));
      feeds = Object.fromEntries(Object.entries(tensors).map(([name, t]) => [name, toPayload(t)]));
    });

    it('loads, with the summary and signature of the model', () => {
      expect(loaded.sessionId).toBe(id);
      expect(loaded.summary?.opsetImports).toContainEqual({ domain: 'ai.onnx', version: 17 });
      expect(loaded.inputs.map((i) => i.name)).toEqual(Object.keys(reference.input));
      expect(loaded.outputs.map((o) => o.name).sort()).toEqual(Object.keys(reference.outputs).sort());
      expect(loaded.sessionCreateMs).toBeGreaterThanOrEqual(0);
      // What each step holds, for the Run's memory estimate: every example's graph is read.
      expect(loaded.workingSets?.nodes).toBe(loaded.summary?.nodeCount);
    });

    it('builds the reference input from input_example.json', () => {
      for (const [name, ref] of Object.entries(reference.input)) {
        const mine = fromPayload(feeds[name]!);
        expect(mine.dtype).toBe(ref.dtype);
        expect(mine.dims).toEqual(ref.dims);
        expect(plainNumbers(mine)).toEqual(ref.data);
      }
    });

    it('reproduces the reference outputs', async () => {
      const result = value(await engine.run(id, feeds));
      expect(Object.keys(result.outputs).sort()).toEqual(Object.keys(reference.outputs).sort());
      for (const [name, ref] of Object.entries(reference.outputs)) {
        const out = fromPayload(result.outputs[name]!);
        expect(out.dtype).toBe(ref.dtype);
        expect(out.dims).toEqual(ref.dims);
        if (ref.dtype === 'int64') expect(out.data).toBeInstanceOf(BigInt64Array);
        expectClose(plainNumbers(out), ref.data, ref.dtype);
      }
      expect(result.runMs).toBeGreaterThanOrEqual(0);
    });
  });
});

describe('createEngine failures and session lifetime', () => {
  const iris = (): Uint8Array => examplePackage('iris-pipeline').model.bytes;
  const irisFeeds = (): Record<string, TensorPayload> => ({ float_input: toPayload({ dtype: 'float32', dims: [1, 4], data: Float32Array.of(7.3, 2.9, 6.3, 1.8) }) });

  it('answers garbage bytes with a not-onnx error value', async () => {
    const engine = newEngine();
    const pending = engine.load(request('g', new TextEncoder().encode('<!doctype html><title>404 Not Found</title>'), { fileName: 'page.onnx' }));
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'not-onnx' } });
    expect(failure(await pending).message).toMatch(/^“page\.onnx” is not a valid ONNX model/);
  });

  it('answers a truncated model with truncated-model', async () => {
    const bytes = iris();
    expect(failure(await newEngine().load(request('t', bytes.subarray(0, bytes.length >> 1)))).code).toBe('truncated-model');
  });

  it('answers a run on an unknown session with unknown-session', async () => {
    expect(failure(await newEngine().run('nobody', irisFeeds())).code).toBe('unknown-session');
  });

  it('forgets a released session, and releasing twice is harmless', async () => {
    const engine = newEngine();
    value(await engine.load(request('r', iris())));
    expect(value(await engine.run('r', irisFeeds())).outputs.label).toBeDefined();
    await engine.release('r');
    await expect(engine.release('r')).resolves.toBeUndefined();
    expect(failure(await engine.run('r', irisFeeds())).code).toBe('unknown-session');
  });

  it('replaces the session when an id is loaded again', async () => {
    const engine = newEngine();
    value(await engine.load(request('same', iris())));
    const wine = examplePackage('wine-mlflow').model.bytes;
    expect(value(await engine.load(request('same', wine))).inputs[0]?.name).toBe('input');
    expect(failure(await engine.run('same', irisFeeds())).code).toBe('run-failed');
  });

  it('names an external-data file that was not provided', async () => {
    const e = failure(await newEngine().load(request('x', modelWithExternalWeights('weights.bin'))));
    expect(e.code).toBe('missing-external-data');
    expect(e.message).toBe('The model stores weights in “weights.bin”, which is not in what you opened.');
  });

  it('gives session-failed when onnxruntime rejects a model that decodes', async () => {
    // The external file is provided, so the pre-check passes; the graph's Add node has no inputs, so ORT refuses it.
    const e = failure(await newEngine().load(request('x', modelWithExternalWeights('w.bin'), { externalData: [{ path: 'w.bin', data: new ArrayBuffer(8) }] })));
    expect(e.code).toBe('session-failed');
    expect(e.message).toMatch(/^onnxruntime could not load the model: /);
  });

  it('reports a wrongly shaped input as run-failed', async () => {
    const engine = newEngine();
    value(await engine.load(request('w', iris())));
    const e = failure(await engine.run('w', { float_input: toPayload({ dtype: 'float32', dims: [1, 3], data: Float32Array.of(1, 2, 3) }) }));
    expect(e.code).toBe('run-failed');
    expect(e.message).toMatch(/^The model failed while running: .*dimensions/i);
  });

  it('reports an input that cannot be built as bad-input', async () => {
    const engine = newEngine();
    value(await engine.load(request('b', iris())));
    const e = failure(await engine.run('b', { float_input: { dtype: 'float32', dims: [1, 4], data: new ArrayBuffer(8) } }));
    expect(e.code).toBe('bad-input');
  });

  it('serialises concurrent calls and answers each one', async () => {
    const engine = newEngine();
    const [first, second] = await Promise.all([engine.load(request('a', iris())), engine.load(request('b', iris()))]);
    expect(first.ok && second.ok).toBe(true);
    const runs = await Promise.all(Array.from({ length: 6 }, (_, i) => engine.run(i % 2 ? 'a' : 'b', irisFeeds())));
    for (const run of runs) expect(plainNumbers(fromPayload(value(run).outputs.label!))).toEqual([2]);
  });
});
