import { describe, expect, it } from 'vitest';
import { engineError, fail } from '../../core/protocol/engine-error';
import { bigIrisCsv, exampleFiles, openExample, rig } from './actions.fixture';

const IRIS_CSV = new TextDecoder().decode(exampleFiles('iris-pipeline').find((f) => f.path === 'test.csv')!.bytes);

/** The evaluation set with petal length + 2 cm: that one feature drifts. */
function shifted(): File {
  const [header, ...lines] = IRIS_CSV.trim().split('\n');
  const petal = header!.split(',').indexOf('petal length (cm)');
  const rows = lines.map((line) => line.split(',').map((c, i) => (i === petal ? (Number(c) + 2).toFixed(1) : c)).join(','));
  return new File([[header, ...rows].join('\n')], 'production.csv', { type: 'text/csv' });
}

describe('the drift check, on a fresh store with the engine on onnxruntime-node', () => {
  it('compares with the evaluation set (the same rule as Predict), flags the shifted feature and scores both sets through the pipeline', async () => {
    const r = rig();
    const model = await openExample(r, 'iris-pipeline');
    await r.drift.openDrift(model.id);
    expect(r.store.getState().drift[model.id]!.reference).toEqual({ kind: 'evaluation', name: 'test.csv' });
    // Drift needs no Predict tab: the signature is the model's own fact.
    expect(r.store.getState().predict[model.id]).toBeUndefined();
    await r.drift.chooseProduction(model.id, shifted());
    const drift = r.store.getState().drift[model.id]!;
    expect(drift.status).toBe('done');
    expect(drift.report!.features.filter((f) => f.drifted).map((f) => f.feature)).toEqual(['petal length (cm)']);
    expect(drift.rows).toEqual({ reference: 45, production: 45 });
    expect(drift.shares!.classes.length).toBeGreaterThan(0);
    expect(r.store.getState().predict[model.id]).toBeUndefined();
  });

  it('stops when cancelled mid-run and when the engine fails, saying which', async () => {
    const r = rig();
    const model = await openExample(r, 'iris-pipeline');
    r.engine.beforeRun = (call) => {
      if (call === 2) r.drift.cancelDrift(model.id);
      return undefined;
    };
    await r.drift.chooseProduction(model.id, bigIrisCsv(6000));
    expect(r.store.getState().drift[model.id]!.status).toBe('cancelled');

    r.engine.runs = 0;
    r.engine.beforeRun = (call) => (call === 2 ? fail(engineError('worker-died', 'The engine crashed.', 'It restarts.')) : undefined);
    await r.drift.chooseProduction(model.id, bigIrisCsv(6000));
    expect(r.store.getState().drift[model.id]).toMatchObject({ status: 'failed', error: 'The engine crashed.' });
  });

  it('ends with the model when it is closed mid-run', async () => {
    const r = rig();
    const model = await openExample(r, 'iris-pipeline');
    let closing: Promise<void> | null = null;
    r.engine.beforeRun = (call) => {
      if (call === 2) closing = r.actions.closeModel(model.id);
      return undefined;
    };
    await r.drift.chooseProduction(model.id, bigIrisCsv(6000));
    await closing;
    expect(r.store.getState().drift[model.id]).toBeUndefined();
    expect(r.engine.runs).toBeLessThanOrEqual(3);
  });
});
