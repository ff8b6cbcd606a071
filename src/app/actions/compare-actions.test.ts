import { describe, expect, it } from 'vitest';
import type { ReadyModel } from '../store/models-slice';
import { openExample, rig, type Rig } from './actions.fixture';

/** Two models of the iris family, opened and selected for comparison. */
async function irisPair(): Promise<{ r: Rig; a: ReadyModel; b: ReadyModel }> {
  const r = rig();
  const a = await openExample(r, 'iris-pipeline');
  const b = await openExample(r, 'iris-mlp');
  r.compare.toggleCompareModel(a.id);
  r.compare.toggleCompareModel(b.id);
  return { r, a, b };
}

describe('comparing models, on a fresh store with the engine on onnxruntime-node', () => {
  it('scores each model on the first one’s evaluation set through the scoring pipeline (not the Predict tab), then times it', async () => {
    const { r, a } = await irisPair();
    r.store.getState().setCompareRuns(3);
    // The bar as the view shows it: every position it takes while the comparison runs.
    const bar: number[] = [];
    const unsubscribe = r.store.subscribe((s) => void (s.compareRun.progress && bar.at(-1) !== s.compareRun.progress.overall && bar.push(s.compareRun.progress.overall)));
    await r.compare.startCompare();
    unsubscribe();
    // Timed in turn twice over (A, B, A, B), then scored: the bar only ever moves forward, to the end.
    expect(bar.every((v, i) => i === 0 || v >= bar[i - 1]!), bar.join(' ')).toBe(true);
    expect(bar.at(-1)).toBeCloseTo(1, 5);
    const run = r.store.getState().compareRun;
    expect(run.status).toBe('done');
    expect(run.csvSource).toBe('test.csv of iris-pipeline');
    expect(run.measurements.map((m) => [m.name, m.metricKind, m.problem])).toEqual([
      ['iris-pipeline', 'accuracy', null],
      ['iris-mlp', 'accuracy', null],
    ]);
    const recorded = a.pkg.metadata!.performanceMetrics!.accuracy!;
    expect(run.measurements[0]!.metric).toBeCloseTo(recorded, 4);
    expect(run.measurements.every((m) => m.p50Ms !== null && m.p50Ms > 0)).toBe(true);
    // Nothing went through another feature's state.
    expect(r.store.getState().predict).toEqual({});
  });

  it('stops at Cancel, and a closed model leaves the selection', async () => {
    const { r, a, b } = await irisPair();
    r.engine.beforeRun = (call) => {
      if (call === 1) r.compare.cancelCompare();
      return undefined;
    };
    await r.compare.startCompare();
    expect(r.store.getState().compareRun.status).toBe('cancelled');
    // Both were timed before anything was scored; the cancel came in the first scoring: neither is scored.
    expect(r.store.getState().compareRun.measurements.map((m) => m.problem)).toEqual(['cancelled', 'cancelled']);
    expect(r.store.getState().compareRun.measurements.every((m) => m.p50Ms !== null && m.metric === null)).toBe(true);
    await r.actions.closeModel(b.id);
    expect(r.store.getState().compareSelection).toEqual([a.id]);
  });
});
