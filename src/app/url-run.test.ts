import { describe, expect, it } from 'vitest';
import { readAppUrl } from '../core/url/app-url';
import { openExample, rig } from './actions/actions.fixture';
import { startLinkedWork } from './url-run';

describe('what a link starts once its model is open', () => {
  it('fills the Benchmark form from the link, fitted to this browser, and starts nothing without run', async () => {
    const r = rig();
    const model = await openExample(r, 'iris-pipeline');
    await startLinkedWork(r, readAppUrl('?example=iris-pipeline&tab=benchmark&configs=wasm-1,wasm-8,webgpu&batch=4,2&warmup=1&runs=3&dim.batch=9&dim.other=2'));
    // Not cross-origin isolated here: one WASM thread at most, so 8 becomes 1.
    expect(r.store.getState().benchmarkDrafts[model.id]).toMatchObject({ wasmThreads: [1], webgpu: true, batchSizes: '2, 4', warmupRuns: 1, runs: 3, stopKind: 'runs' });
    // Neither the batch dimension (each batch size sets it) nor a dimension the model lacks is taken.
    expect(r.store.getState().models[0]!.dims).toEqual(model.dims);
    expect(r.store.getState().benchmarkRuns).toHaveLength(0);
  });

  it('with run, starts the benchmark once, after the form holds the link’s settings', async () => {
    const r = rig();
    const model = await openExample(r, 'iris-pipeline');
    // The measurement itself needs a browser (e2e url-benchmark): here, what is started and with which form.
    const started: unknown[] = [];
    const benchmark = { ...r.benchmark, startBenchmark: async (id: string) => void started.push([id, r.store.getState().benchmarkDrafts[id]?.runs]) };
    await startLinkedWork({ ...r, benchmark }, readAppUrl('?example=iris-pipeline&tab=benchmark&configs=wasm-1&batch=2&warmup=0&runs=2&run=1'));
    expect(started).toEqual([[model.id, 2]]);
  });

  it('with run on Drift, checks the package’s production sample; on Inspect, does nothing', async () => {
    const r = rig();
    const model = await openExample(r, 'iris-pipeline');
    await startLinkedWork(r, readAppUrl('?example=iris-pipeline&tab=inspect&run=1'));
    expect(r.engine.runs).toBe(0);
    expect(r.store.getState().drift[model.id]).toBeUndefined();
    await startLinkedWork(r, readAppUrl('?example=iris-pipeline&tab=drift&run=1'));
    expect(r.store.getState().drift[model.id]).toMatchObject({ status: 'done', productionName: 'production_sample.csv' });
  });
});
