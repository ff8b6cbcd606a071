import { describe, expect, it } from 'vitest';
import { sampleRun } from '../../core/benchmark/sample-run.fixture';
import { defaultTunerDraft } from '../../core/profile/tuner';
import type { AppState } from '../store/app-store';
import { defaultBenchmarkDraft } from '../store/benchmark-selectors';
import { defaultSpeedDraft } from '../store/speed-selectors';
import { openExample, rig } from './actions.fixture';

/** Every place in the state that still names the model: a key of a record, or an entry of a list of ids. */
function mentionsOf(state: AppState, id: string): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(state)) {
    if (typeof value === 'function' || value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      if (value.some((v) => v === id || (typeof v === 'object' && v !== null && 'id' in v && v.id === id))) found.push(name);
    } else if (Object.hasOwn(value, id)) {
      found.push(name);
    }
  }
  if (state.activeModelId === id) found.push('activeModelId');
  return found;
}

describe('closeModel', () => {
  it('clears what every slice keeps for the model, and only for that model', async () => {
    const r = rig();
    const keep = await openExample(r, 'iris-mlp');
    const model = await openExample(r, 'iris-pipeline');
    const s = r.store.getState();
    const caps = s.capabilities!;
    await r.predict.openPredict(model.id);
    await r.drift.openDrift(model.id);
    s.setBenchmarkDraft(model.id, defaultBenchmarkDraft(model, caps));
    const run = sampleRun();
    s.addBenchmarkRun(run);
    s.showBenchmarkRun(model.id, run.id);
    s.setSpeedDraft(model.id, defaultSpeedDraft(model, caps));
    s.setTunerDraft(model.id, defaultTunerDraft(caps));
    s.setSpeedProfiles(model.id, []);
    s.setTuneRun(model.id, { id: 't' } as never);
    r.compare.toggleCompareModel(keep.id);
    r.compare.toggleCompareModel(model.id);
    expect(mentionsOf(r.store.getState(), model.id).sort()).toEqual(
      ['activeModelId', 'benchmarkDrafts', 'benchmarkShown', 'compareSelection', 'drift', 'models', 'predict', 'speedDrafts', 'speedProfiles', 'tuneRuns', 'tunerDrafts'].sort(),
    );

    await r.actions.closeModel(model.id);
    expect(mentionsOf(r.store.getState(), model.id)).toEqual([]);
    expect(r.store.getState().compareSelection).toEqual([keep.id]);
    expect(r.store.getState().activeModelId).toBe(keep.id);
    expect(r.engine.released).toEqual([model.id]);
    // The saved run is kept: runs belong to the model file, not to the open tab.
    expect(r.store.getState().benchmarkRuns).toHaveLength(1);
  });
});
