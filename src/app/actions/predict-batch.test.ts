import { describe, expect, it } from 'vitest';
import { engineError, fail } from '../../core/protocol/engine-error';
import { bigIrisCsv, openExample, rig, type Rig } from './actions.fixture';

async function irisWithPredict(): Promise<{ r: Rig; id: string }> {
  const r = rig();
  const model = await openExample(r, 'iris-pipeline');
  await r.predict.openPredict(model.id);
  return { r, id: model.id };
}

describe('batch scoring (Predict), on a fresh store with the engine on onnxruntime-node', () => {
  it('scores the evaluation set through the pipeline, appending chunks, and reproduces the recorded accuracy', async () => {
    const { r, id } = await irisWithPredict();
    await r.predict.checkClaimedMetrics(id);
    const batch = r.store.getState().predict[id]!.batch;
    expect(batch.status).toBe('done');
    expect(batch.evaluation).toBe(true);
    expect(batch.fileName).toBe('test.csv');
    expect(batch.rowsDone).toBe(45);
    expect(batch.chunks.reduce((n, c) => n + c.count, 0)).toBe(45);
    const recorded = r.store.getState().models[0]!.pkg.metadata!.performanceMetrics!.accuracy!;
    expect(batch.summary!.classification!.accuracy).toBeCloseTo(recorded, 4);
    expect(batch.summary!.comparisons.find((c) => c.key === 'accuracy')?.status).toBe('reproduced');
  });

  it('stops between chunks when cancelled mid-run, keeping the rows scored so far', async () => {
    const { r, id } = await irisWithPredict();
    r.engine.beforeRun = (call) => {
      if (call === 2) r.predict.cancelBatch(id);
      return undefined;
    };
    await r.predict.chooseBatchFile(id, bigIrisCsv(20_000));
    const batch = r.store.getState().predict[id]!.batch;
    expect(batch.status).toBe('cancelled');
    expect(batch.rowsDone).toBeGreaterThan(0);
    expect(batch.rowsDone).toBeLessThan(20_000);
    expect(batch.summary!.rows).toBe(batch.rowsDone);
    expect(r.engine.runs).toBe(2);
  });

  it('reports an engine crash mid-run as an error value: the batch fails with its message, the rows before it are kept', async () => {
    const { r, id } = await irisWithPredict();
    const crash = engineError('worker-died', 'The inference engine crashed while running the model (RuntimeError: unreachable).', 'The engine will restart for your next action.');
    r.engine.beforeRun = (call) => (call === 3 ? fail(crash) : undefined);
    await r.predict.chooseBatchFile(id, bigIrisCsv(20_000));
    const state = r.store.getState();
    expect(state.predict[id]!.batch).toMatchObject({ status: 'failed', error: crash.message });
    expect(state.predict[id]!.batch.rowsDone).toBeGreaterThan(0);
    expect(state.notices.map((n) => n.code)).toContain('worker-died');
    // The model stays usable: the next batch runs.
    r.engine.beforeRun = () => undefined;
    await r.predict.checkClaimedMetrics(id);
    expect(r.store.getState().predict[id]!.batch.status).toBe('done');
  });

  it('stops a run when its model is closed mid-run, and leaves nothing of that model in any slice', async () => {
    const { r, id } = await irisWithPredict();
    let closing: Promise<void> | null = null;
    r.engine.beforeRun = (call) => {
      if (call === 2) closing = r.actions.closeModel(id);
      return undefined;
    };
    await r.predict.chooseBatchFile(id, bigIrisCsv(20_000));
    await closing;
    const state = r.store.getState();
    expect(state.models).toEqual([]);
    expect(state.predict[id]).toBeUndefined();
    expect(r.engine.runs).toBeLessThanOrEqual(3);
    expect(r.engine.released).toContain(id);
  });

  it('reports a file whose columns do not match, and scores once the suggested names are accepted', async () => {
    const { r, id } = await irisWithPredict();
    const text = 'sepal length,sepal width (cm),petal length (cm),petal width (cm)\n5.1,3.5,1.4,0.2\n6.7,3.0,5.2,2.3\n';
    await r.predict.chooseBatchFile(id, new File([text], 'renamed.csv'));
    expect(r.store.getState().predict[id]!.batch.status).toBe('mismatch');
    await r.predict.acceptSuggestedColumns(id);
    const batch = r.store.getState().predict[id]!.batch;
    expect(batch.status).toBe('done');
    expect(batch.chunks[0]!.predictions.className).toEqual(['setosa', 'virginica']);
  });
});
