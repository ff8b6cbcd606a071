import { describe, expect, it } from 'vitest';
import { engineError, fail } from '../../core/protocol/engine-error';
import { tensorValues } from '../../core/schema/host-tensor';
import { openExample, rig } from './actions.fixture';

describe('Predict feedback (onnxruntime-node)', () => {
  it('keeps a failure beside the button, and marks the previous result as such', async () => {
    const r = rig();
    const { id } = await openExample(r, 'iris-pipeline');
    await r.predict.openPredict(id);
    expect(await r.predict.predict(id)).toBe('done');
    const first = r.store.getState().predict[id]!;
    expect(first.result!.inputVersion).toBe(first.inputVersion);
    r.predict.setValue(id, 'sepal width (cm)', '3.1');
    const edited = r.store.getState().predict[id]!;
    expect(edited.result!.inputVersion).toBeLessThan(edited.inputVersion);
    r.engine.beforeRun = () => fail(engineError('run-failed', 'The model failed while running: boom', 'Check the inputs.'));
    expect(await r.predict.predict(id)).toBe('failed');
    const failed = r.store.getState().predict[id]!;
    expect(failed.error?.message).toBe('The model failed while running: boom');
    expect(failed.result).toBe(first.result);
    expect(failed.running).toBe(false);
    // Not a page-wide notice: the error lives beside the Predict button.
    expect(r.store.getState().notices).toEqual([]);
    r.engine.beforeRun = () => undefined;
    expect(await r.predict.predict(id)).toBe('done');
    expect(r.store.getState().predict[id]!.error).toBeNull();
  });

  it('predicts anyway past a declared maximum, on exactly the typed value, and marks the result', async () => {
    const r = rig();
    const { id } = await openExample(r, 'iris-pipeline');
    await r.predict.openPredict(id);
    r.predict.setValue(id, 'sepal length (cm)', '9');
    expect(await r.predict.predict(id)).toBe('skipped');
    expect(r.store.getState().predict[id]!.result).toBeNull();
    expect(await r.predict.predict(id, { anyway: true })).toBe('done');
    const result = r.store.getState().predict[id]!.result!;
    expect(tensorValues(result.feeds.float_input!, 1)[0]).toBe(9);
    expect(result.anyway).toBe(true);
    expect(result.outside).toEqual(['“sepal length (cm)” is 9, above the declared maximum 7.9 (input_schema).']);
    // A missing value cannot be predicted anyway.
    r.predict.setValue(id, 'sepal width (cm)', '');
    expect(await r.predict.predict(id, { anyway: true })).toBe('skipped');
  });
});
